"""The end of a lab: a green card saying it is done, with the time taken, the goals, the hints used
and the edits made, and the ways on (the reference solution, the next lab)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from labs.session import LabSummary

__all__ = ["CompletionCard", "format_duration"]

_CARD_STYLE = ("QFrame#completion-card { background: #e8f5e9; border: 2px solid #2e7d32; "
               "border-radius: 8px; }")


def format_duration(seconds: float) -> str:
    """``45 s``, ``4 min 05 s``, ``1 h 02 min``: how long a lab took, to the second."""
    seconds = int(round(max(0.0, seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        text = QCoreApplication.translate("LabSummary", "%1 h %2 min")
        return text.replace("%1", str(hours)).replace("%2", f"{minutes:02d}")
    if minutes:
        text = QCoreApplication.translate("LabSummary", "%1 min %2 s")
        return text.replace("%1", str(minutes)).replace("%2", f"{secs:02d}")
    return QCoreApplication.translate("LabSummary", "%1 s").replace("%1", str(secs))


class CompletionCard(QFrame):
    """Shown when every goal of the lab is met."""

    solution_requested = Signal()
    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("completion-card")
        self.setStyleSheet(_CARD_STYLE)
        self.summary: LabSummary | None = None
        self.elapsed = 0.0
        self.solution_viewed = False
        self.heading = QLabel()
        self.heading.setStyleSheet("color: #1b5e20; font-size: 14pt; font-weight: bold;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #1b3a1d;")
        self.time_label, self.time_value = QLabel(), QLabel()
        self.goals_label, self.goals_value = QLabel(), QLabel()
        self.hints_label, self.hints_value = QLabel(), QLabel()
        self.edits_label, self.edits_value = QLabel(), QLabel()
        form = QFormLayout()
        form.setContentsMargins(0, 4, 0, 4)
        for label, value in ((self.time_label, self.time_value), (self.goals_label, self.goals_value),
                             (self.hints_label, self.hints_value), (self.edits_label, self.edits_value)):
            value.setStyleSheet("font-weight: bold;")
            form.addRow(label, value)
        self.solution_note = QLabel()
        self.solution_note.setWordWrap(True)
        self.solution_note.setStyleSheet("color: #55636b;")
        self.solution_button = QPushButton()
        self.solution_button.clicked.connect(self.solution_requested)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.next_requested)
        # One above the other: the dock is narrow and the translated labels are long.
        buttons = QVBoxLayout()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.solution_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.solution_note)
        layout.addLayout(buttons)
        self.retranslate()

    def show_summary(self, summary: LabSummary, elapsed: float, solution_viewed: bool,
                     has_next: bool) -> None:
        self.summary = summary
        self.elapsed = elapsed
        self.solution_viewed = solution_viewed
        self.next_button.setVisible(has_next)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("✓ Lab complete!"))
        self.time_label.setText(self.tr("Time taken"))
        self.goals_label.setText(self.tr("Goals met"))
        self.hints_label.setText(self.tr("Hints used"))
        self.edits_label.setText(self.tr("Edits"))
        self.solution_button.setText(self.tr("Compare with the Reference Solution"))
        self.next_button.setText(self.tr("Next Lab ▶"))
        self.solution_note.setText(self.tr("You looked at the reference solution during this lab.")
                                   if self.solution_viewed else "")
        self.solution_note.setVisible(self.solution_viewed)
        summary = self.summary
        if summary is None:
            return
        if summary.hints_used == 0:
            self.message.setText(self.tr("Every goal is met, without a single hint. Well done!"))
        else:
            self.message.setText(self.tr("Every goal is met. Well done!"))
        self.time_value.setText(format_duration(self.elapsed))
        self.goals_value.setText(self.tr("%1 of %2").replace("%1", str(summary.passed))
                                 .replace("%2", str(summary.total)))
        self.hints_value.setText(self.tr("%1 of %2").replace("%1", str(summary.hints_used))
                                 .replace("%2", str(summary.hints_total)))
        self.edits_value.setText(str(summary.edits))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
