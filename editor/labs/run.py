"""One lab being worked on in one window: the Qt side of :class:`labs.LabSession`.

A :class:`LabRun` grades the design open in the window's document after every edit (undo and redo
included) and follows the document when another design replaces it (File ▸ Open, New), so the Labs
panel always checks what the student sees. It times the attempt and turns the session's events
into Qt signals.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from labs import LabSession
from labs.format import Lab
from labs.grader import LabResult
from labs.session import LabSummary

__all__ = ["LabRun"]


class LabRun(QObject):
    #: A new :class:`LabResult` (the first grade, and every regrade that changes a verdict or reason).
    graded = Signal(object)
    #: A goal went from unmet to met (its id).
    goal_met = Signal(str)
    #: Every goal is met (a :class:`LabSummary`).
    completed = Signal(object)
    #: The run checks another design now (the document's display name).
    design_changed = Signal(str)

    def __init__(self, lab: Lab, document, parent: QObject | None = None, clock=time.monotonic):
        super().__init__(parent)
        self.lab = lab
        self.document = document
        self.session = LabSession(lab)
        self._clock = clock
        self.started_at = clock()
        #: When the last unmet goal was met (``None`` while some goal is unmet).
        self.finished_at: float | None = None
        #: The student opened the reference solution (the summary says so).
        self.solution_viewed = False
        self._closed = False
        self.session.changed.connect(self._on_changed)
        self.session.goal_completed.connect(self._on_goal_completed)
        self.session.completed.connect(self._on_completed)
        document.diagram_replaced.connect(self._follow_document)
        # The document learns its new file name after its new diagram: say the name then.
        document.path_changed.connect(self._announce_design)
        self.session.attach(document.diagram)
        self._note_finished()

    # ------------------------------------------------------------------ state
    @property
    def result(self) -> LabResult | None:
        return self.session.result

    @property
    def checks_start_design(self) -> bool:
        """The design being graded is the lab's own starting design (opened from its file, or the
        empty canvas of a lab that starts empty)."""
        path = self.document.path
        if self.lab.start is None:
            return path is None
        return path is not None and Path(path).resolve() == self.lab.start

    @property
    def finished(self) -> bool:
        return self.session.finished

    def elapsed(self) -> float:
        """Seconds from the start to the moment every goal was met (or to now while working)."""
        end = self.finished_at if self.finished_at is not None and self.finished else self._clock()
        return max(0.0, end - self.started_at)

    def summary(self) -> LabSummary:
        return self.session.summary()

    def next_hint(self):
        """Reveal the next hint (a :class:`~labs.text.LocalText`), or ``None`` when all are shown."""
        return self.session.next_hint()

    # ------------------------------------------------------------------ ending
    def close(self) -> None:
        """Stop grading (the design stays as it is)."""
        if self._closed:
            return
        self._closed = True
        self.session.detach()
        self.session.changed.disconnect(self._on_changed)
        self.session.goal_completed.disconnect(self._on_goal_completed)
        self.session.completed.disconnect(self._on_completed)
        self.document.diagram_replaced.disconnect(self._follow_document)
        self.document.path_changed.disconnect(self._announce_design)

    # ------------------------------------------------------------------ plumbing
    def _follow_document(self) -> None:
        if self._closed:
            return
        was_finished = self.finished
        self.session.attach(self.document.diagram)
        if not was_finished:
            self._note_finished()
        self._announce_design()

    def _announce_design(self, *_path) -> None:
        if not self._closed:
            self.design_changed.emit(self.document.display_name)

    def _note_finished(self) -> None:
        # Attaching grades afresh, which the session does not announce as a completion.
        if self.session.finished:
            self.finished_at = self._clock()
            self.completed.emit(self.summary())

    def _on_changed(self, result: LabResult) -> None:
        self.graded.emit(result)

    def _on_goal_completed(self, goal_result) -> None:
        self.goal_met.emit(goal_result.goal.id)

    def _on_completed(self, summary: LabSummary) -> None:
        self.finished_at = self._clock()
        self.completed.emit(summary)
