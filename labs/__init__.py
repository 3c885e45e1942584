"""Labs: exercises that grade themselves as a student draws. Qt-free.

Public API (what the editor's Labs panel and the ``check-lab`` command use):

- :func:`load_lab` (path) -> :class:`Lab`; :func:`load_course` -> the built-in labs in order;
  :func:`course_lab` (id) -> one of them
- :func:`grade` (lab, diagram) -> :class:`LabResult` of :class:`GoalResult` (passed, reason in
  English and Japanese, resources to highlight, traces and findings behind the verdict)
- :class:`LabSession`: live grading of one diagram, hints one at a time, a :class:`LabSummary`
- :class:`LocalText`: every text in both languages (``text.get("ja")``)

The file format and the selector language are described in ``docs/labs.md``.
"""

from __future__ import annotations

from .course import course_lab, find_lab, load_course
from .format import Goal, Lab, Lesson, load_lab
from .grader import GoalResult, LabResult, grade
from .session import LabSession, LabSummary
from .text import LANGUAGES, LocalText, default_language

__all__ = ["load_lab", "load_course", "course_lab", "find_lab", "Lab", "Goal", "Lesson", "grade",
           "LabResult", "GoalResult", "LabSession", "LabSummary", "LocalText", "LANGUAGES",
           "default_language"]
