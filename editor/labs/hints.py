"""A lab's hints, revealed one at a time (they go from a nudge to the answer), with a counter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

__all__ = ["HintsBox"]

_HINT_STYLE = ("background: #fff8e1; border: 1px solid #f0d48a; border-radius: 5px; padding: 6px;"
               " color: #3e2f00;")


class HintsBox(QWidget):
    """Shows the hints revealed so far; :attr:`hint_requested` asks for the next one."""

    hint_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.hints: tuple = ()
        self.shown = 0
        self.language = "en"
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.counter = QLabel()
        self.counter.setStyleSheet("color: #55636b;")
        self.button = QPushButton()
        self.button.clicked.connect(self.hint_requested)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.counter, 1)
        top.addWidget(self.button)
        self._texts = QVBoxLayout()
        self._texts.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self._texts)
        self.labels: list[QLabel] = []
        self.retranslate()

    def set_hints(self, hints: tuple, shown: int, language: str) -> None:
        """``hints``: every hint of the lab (LocalText); ``shown``: how many are revealed."""
        self.hints = tuple(hints)
        self.language = language
        self.shown = 0
        for label in self.labels:
            label.deleteLater()
        self.labels = []
        for _ in range(shown):
            self.reveal()
        self.setVisible(bool(self.hints))
        self.retranslate()

    def reveal(self) -> None:
        """Show the next hint (the lab session has already counted it)."""
        if self.shown >= len(self.hints):
            return
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.PlainText)
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        label.setStyleSheet(_HINT_STYLE)
        self._texts.addWidget(label)
        self.labels.append(label)
        self.shown += 1
        self._fill()
        self.retranslate()

    def set_language(self, language: str) -> None:
        self.language = language
        self._fill()

    def _fill(self) -> None:
        for n, (label, hint) in enumerate(zip(self.labels, self.hints), start=1):
            label.setText(f"{n}. {hint.get(self.language)}")

    def retranslate(self) -> None:
        total = len(self.hints)
        self.heading.setText(self.tr("Hints"))
        if self.shown:
            self.counter.setText(self.tr("Hint %1 of %2").replace("%1", str(self.shown))
                                 .replace("%2", str(total)))
        else:
            self.counter.setText(self.tr("Hints available: %1").replace("%1", str(total)))
        more = self.shown < total
        self.button.setEnabled(more)
        if not more:
            self.button.setText(self.tr("No More Hints"))
        elif self.shown:
            self.button.setText(self.tr("Next Hint"))
        else:
            self.button.setText(self.tr("Show a Hint"))
        self.button.setToolTip(self.tr("Hints go from a nudge to the answer; each one you open is "
                                       "counted in the summary"))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
