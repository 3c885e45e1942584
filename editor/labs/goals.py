"""The goals of a lab as a list of rows: a check box that ticks when the goal is met, the goal in
the student's language and, while it is not met, why not. Clicking a row (or Enter on it) asks the
window to show what the goal is about on the canvas."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from labs.format import Goal
from labs.grader import GoalResult, LabResult

__all__ = ["GoalRow", "GoalList", "VerdictBox", "MET_BACKGROUND"]

MET_BACKGROUND = "#e8f5e9"
_FLASH = "#9ccc65"
_UNMET_REASON = "#8c1d18"
_MET_REASON = "#2e5e31"


class VerdictBox(QCheckBox):
    """A check box that only shows a verdict: the student meets a goal by editing the design, so
    neither a click nor a key ever toggles it."""

    def hitButton(self, pos) -> bool:  # noqa: N802 - Qt's name
        return False

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        event.ignore()


class GoalRow(QFrame):
    """One goal. ``clicked`` carries the goal id."""

    clicked = Signal(str)

    def __init__(self, goal: Goal, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.goal = goal
        self.language = language
        self.result: GoalResult | None = None
        self.setObjectName("goal-row")
        self.setFrameShape(QFrame.StyledPanel)
        self.setCursor(Qt.PointingHandCursor)
        self.setFocusPolicy(Qt.StrongFocus)
        self.check = VerdictBox()
        # Clicks on the box are clicks on the row (they show the goal on the canvas).
        self.check.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.check.setFocusPolicy(Qt.NoFocus)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.PlainText)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.PlainText)
        self.reason.setTextInteractionFlags(Qt.NoTextInteraction)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.description)
        texts.addWidget(self.reason)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 5, 6, 6)
        layout.addWidget(self.check, 0, Qt.AlignTop)
        layout.addLayout(texts, 1)
        self._flash = QVariantAnimation(self)
        self._flash.setDuration(1400)
        self._flash.valueChanged.connect(self._paint_background)
        self._render()
        self.retranslate()

    @property
    def passed(self) -> bool:
        return self.result is not None and self.result.passed

    def show_result(self, result: GoalResult | None, language: str | None = None) -> None:
        self.result = result
        if language:
            self.language = language
        self._render()

    def set_language(self, language: str) -> None:
        self.language = language
        self._render()

    def flash(self) -> None:
        """Light the row up for a moment: this goal was just met."""
        self._flash.stop()
        self._flash.setStartValue(QColor(_FLASH))
        self._flash.setEndValue(QColor(MET_BACKGROUND))
        self._flash.start()

    def retranslate(self) -> None:
        if self.goal.check_type == "flow":
            self.setToolTip(self.tr("Click to select the resources involved and draw the traced path"))
        else:
            self.setToolTip(self.tr("Click to select the resources involved"))
        self.check.setAccessibleName(self.tr("Goal met") if self.passed else self.tr("Goal not met yet"))

    # ------------------------------------------------------------------ drawing
    def _render(self) -> None:
        passed = self.passed
        self.check.setChecked(passed)
        self.description.setText(self.goal.description.get(self.language))
        reason = self.result.reason.get(self.language) if self.result is not None else ""
        # A met goal keeps its reason as a tooltip; an unmet one says why right away.
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason) and not passed)
        self.description.setToolTip(reason if passed else "")
        self.reason.setStyleSheet(f"color: {_MET_REASON if passed else _UNMET_REASON};")
        font = self.description.font()
        font.setBold(not passed)
        self.description.setFont(font)
        if self._flash.state() != QVariantAnimation.Running:
            self._paint_background(QColor(MET_BACKGROUND) if passed else None)
        self.retranslate()

    def _paint_background(self, colour) -> None:
        fill = f"background: {QColor(colour).name()};" if colour is not None else ""
        self.setStyleSheet(f"QFrame#goal-row {{ {fill} border: 1px solid #c5ced3; border-radius: 5px; }}"
                           f"QFrame#goal-row:focus {{ border: 1px solid #0b84ff; }}")

    # ------------------------------------------------------------------ input
    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.LeftButton and self.rect().contains(event.position().toPoint()):
            self.setFocus(Qt.MouseFocusReason)
            self.clicked.emit(self.goal.id)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            self.clicked.emit(self.goal.id)
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class GoalList(QWidget):
    """The rows of every goal of a lab, in the lab's order."""

    goal_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[GoalRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)

    def set_goals(self, goals, language: str) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for goal in goals:
            row = GoalRow(goal, language, self)
            row.clicked.connect(self.goal_clicked)
            self._layout.addWidget(row)
            self.rows.append(row)

    def show_result(self, result: LabResult | None, language: str) -> None:
        for row in self.rows:
            row.show_result(result.result_for(row.goal.id) if result else None, language)

    def set_language(self, language: str) -> None:
        for row in self.rows:
            row.set_language(language)

    def row(self, goal_id: str) -> GoalRow | None:
        return next((r for r in self.rows if r.goal.id == goal_id), None)

    def ticked(self) -> list[str]:
        """The ids of the goals shown as met."""
        return [r.goal.id for r in self.rows if r.check.isChecked()]
