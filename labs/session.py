"""A student working through one lab: live grading, hints one at a time, and the summary at the end.

:class:`LabSession` is what the editor's Labs panel drives. It is Qt-free: it follows
``diagram.changed`` (the model's own :class:`~model.events.Event`), grades again after every edit
that changes meaning (moving boxes does not), and announces what changed::

    session = LabSession(lab)
    diagram = session.open_start()          # or session.attach(document.diagram)
    session.changed.connect(panel.show_result)       # LabResult, after every regrade that differs
    session.goal_completed.connect(panel.tick)       # GoalResult, when a goal turns green
    session.completed.connect(panel.show_summary)    # LabSummary, when the last goal is met
    session.next_hint()                              # LocalText, or None when all are shown
"""

from __future__ import annotations

from dataclasses import dataclass

from model.diagram import Diagram
from model.events import ChangeSet, Event

from .format import Lab
from .grader import GoalResult, LabResult, grade
from .text import LocalText

__all__ = ["LabSession", "LabSummary"]


@dataclass(frozen=True)
class LabSummary:
    """What the end of a lab shows: how many goals, how many hints were needed, how many edits."""

    lab_id: str
    title: LocalText
    passed: int
    total: int
    hints_used: int
    hints_total: int
    edits: int

    @property
    def complete(self) -> bool:
        return self.passed == self.total


class LabSession:
    """One lab being worked on, on one diagram at a time."""

    def __init__(self, lab: Lab):
        self.lab = lab
        self.diagram: Diagram | None = None
        self.result: LabResult | None = None
        self.hints_shown = 0
        self.edits = 0
        #: Emitted with the new :class:`LabResult` whenever a regrade changes any verdict or reason.
        self.changed = Event()
        #: Emitted with a :class:`GoalResult` when that goal goes from failed to passed.
        self.goal_completed = Event()
        #: Emitted with a :class:`LabSummary` when the last unmet goal is met.
        self.completed = Event()

    # ------------------------------------------------------------------ the diagram
    def open_start(self) -> Diagram:
        """A fresh copy of the lab's starting design, attached and graded."""
        diagram = self.lab.start_diagram()
        self.attach(diagram)
        return diagram

    def attach(self, diagram: Diagram) -> LabResult:
        """Grade ``diagram`` now and after each of its edits (detaching from the previous one)."""
        self.detach()
        self.diagram = diagram
        diagram.changed.connect(self._on_change)
        self.result = None
        return self.regrade()

    def detach(self) -> None:
        if self.diagram is not None:
            self.diagram.changed.disconnect(self._on_change)
            self.diagram = None

    def regrade(self) -> LabResult:
        """Grade the attached diagram; emits the events for whatever changed."""
        if self.diagram is None:
            raise RuntimeError("no diagram attached: call attach() or open_start() first")
        old = self.result
        new = grade(self.lab, self.diagram)
        self.result = new
        if old is None or old.verdicts() != new.verdicts():
            self.changed.emit(new)
        if old is not None:
            for before, after in zip(old.goals, new.goals):
                if after.passed and not before.passed:
                    self.goal_completed.emit(after)
            if new.complete and not old.complete:
                self.completed.emit(self.summary())
        return new

    def _on_change(self, change: ChangeSet) -> None:
        if change.is_empty or change.is_layout_only:
            return
        self.edits += 1
        self.regrade()

    # ------------------------------------------------------------------ hints
    @property
    def visible_hints(self) -> tuple[LocalText, ...]:
        return self.lab.hints[:self.hints_shown]

    @property
    def has_more_hints(self) -> bool:
        return self.hints_shown < len(self.lab.hints)

    def next_hint(self) -> LocalText | None:
        """Reveal the next hint (hints are ordered, from a nudge to the answer); ``None`` when every
        hint is already shown."""
        if not self.has_more_hints:
            return None
        self.hints_shown += 1
        return self.lab.hints[self.hints_shown - 1]

    # ------------------------------------------------------------------ the end
    @property
    def finished(self) -> bool:
        return self.result is not None and self.result.complete

    def summary(self) -> LabSummary:
        result = self.result
        return LabSummary(self.lab.id, self.lab.title, result.passed_count if result else 0,
                          len(self.lab.goals), self.hints_shown, len(self.lab.hints), self.edits)

    def goal_result(self, goal_id: str) -> GoalResult | None:
        return self.result.result_for(goal_id) if self.result else None
