"""What presenter mode shows over the canvas, in large type: a banner with the current hop (or what
to press when there is no path), and, on demand, the current lab's goals."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

__all__ = ["StepBanner", "GoalsBoard", "BANNER_POINT_SIZE"]

#: The banner's main line, in points: readable from the back of a room.
BANNER_POINT_SIZE = 22
_FRAME = ("QFrame#{name} {{ background: rgba(255, 255, 255, 242); border: 3px solid #102027; "
          "border-radius: 12px; }} QLabel {{ color: #000000; background: transparent; }}")
_OK, _BAD, _MUTED = "#1b5e20", "#b00020", "#263238"


class _Pinned(QFrame):
    """A frame that keeps its place over its parent widget as the parent is resized: centred, at
    the top or the bottom, at most ``widest`` pixels wide."""

    def __init__(self, parent: QWidget, name: str, at_top: bool, widest: int):
        super().__init__(parent)
        self.at_top = at_top
        self.widest = widest
        self.setObjectName(name)
        self.setStyleSheet(_FRAME.format(name=name))
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.hide()
        parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.parentWidget() and event.type() == QEvent.Resize and self.isVisible():
            self.place()
        return False

    def place(self) -> None:
        parent = self.parentWidget()
        width = max(200, min(parent.width() - 60, self.widest))
        height = self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        height = min(max(height, self.minimumSizeHint().height()), parent.height() - 48)
        top = 24 if self.at_top else parent.height() - height - 24
        self.setGeometry((parent.width() - width) // 2, top, width, height)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.place()
        self.raise_()


def _label(point_size: int, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.RichText)
    font = label.font()
    font.setPointSize(point_size)
    font.setBold(bold)
    label.setFont(font)
    return label


class StepBanner(_Pinned):
    """The bottom banner: the flow and its verdict, the current hop in large type, what was checked
    there, and the keys."""

    def __init__(self, parent: QWidget):
        super().__init__(parent, "presenter-banner", at_top=False, widest=1400)
        self.flow = _label(15, bold=True)
        self.step = _label(BANNER_POINT_SIZE, bold=True)
        self.detail = _label(17)
        self.keys = _label(12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 14, 22, 12)
        layout.setSpacing(6)
        for label in (self.flow, self.step, self.detail, self.keys):
            layout.addWidget(label)

    def show_texts(self, flow_html: str, step_html: str, detail_html: str, keys_html: str) -> None:
        self.flow.setText(flow_html)
        self.flow.setVisible(bool(flow_html))
        self.step.setText(step_html)
        self.detail.setText(detail_html)
        self.detail.setVisible(bool(detail_html))
        self.keys.setText(f"<span style='color:{_MUTED}'>{keys_html}</span>")
        self.show()
        self.place()



class GoalsBoard(_Pinned):
    """The current lab's goals, ticked or not, in large type (presenter key L)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent, "presenter-goals", at_top=True, widest=1200)
        self.title = _label(24, bold=True)
        self.progress = _label(16)
        self.goals = _label(18)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.progress)
        layout.addWidget(self.goals)
        self.rows: list[tuple[bool, str]] = []

    def show_goals(self, title: str, progress: str, rows: list[tuple[bool, str, str]]) -> None:
        """``rows``: (met, description, why not yet) per goal."""
        self.rows = [(met, text) for met, text, _why in rows]
        self.title.setText(escape(title))
        self.progress.setText(f"<span style='color:{_MUTED}'>{escape(progress)}</span>")
        self.progress.show()
        items = []
        for met, text, why in rows:
            mark = f"<span style='color:{_OK}'>✓</span>" if met else f"<span style='color:{_BAD}'>✗</span>"
            reason = "" if met or not why else \
                f"<br/><span style='font-size:13pt; color:{_MUTED}'>{escape(why)}</span>"
            items.append(f"<tr><td style='padding:6px 14px 6px 0; vertical-align:top'><b>{mark}</b></td>"
                         f"<td style='padding:6px 0'>{escape(text)}{reason}</td></tr>")
        self.goals.setText(f"<table>{''.join(items)}</table>")
        self.show()
        self.place()

    def show_message(self, title: str, message: str) -> None:
        self.rows = []
        self.title.setText(escape(title))
        self.progress.hide()
        self.goals.setText(escape(message))
        self.show()
        self.place()

