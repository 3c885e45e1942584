"""Grading a design against a lab: every goal checked, each with passed/failed and why.

``grade(lab, diagram)`` is a pure function of the diagram: it never changes it, and it is fast
enough to run after every edit (each check is a few traces or one pass of a few rules; the indexes
they read are cached per diagram revision).
"""

from __future__ import annotations

from dataclasses import dataclass

from model.diagram import Diagram
from validators.finding import Finding
from validators.reachability import TraceResult

from .format import Goal, Lab
from .text import LocalText

__all__ = ["GoalResult", "LabResult", "grade"]


@dataclass(frozen=True)
class GoalResult:
    """How one goal fares: ``reason`` says why in English and Japanese; ``resources`` are the ids
    to highlight (the blocking component, the findings' resources, the near misses); ``traces`` and
    ``findings`` are what the verdict rests on, for the editor to draw."""

    goal: Goal
    passed: bool
    reason: LocalText
    resources: tuple[str, ...] = ()
    traces: tuple[TraceResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    #: TLS reports (:class:`validators.reachability.tls.TlsReport`) behind a ``tls`` goal.
    tls: tuple = ()

    @property
    def goal_id(self) -> str:
        return self.goal.id

    def verdict(self) -> tuple[bool, LocalText]:
        """What a student sees change: passed and the reason (traces compare by identity)."""
        return self.passed, self.reason

    def as_dict(self, language: str = "en") -> dict:
        return {"goal": self.goal.id, "passed": self.passed,
                "description": self.goal.description.get(language),
                "reason": self.reason.get(language), "resources": list(self.resources)}


@dataclass(frozen=True)
class LabResult:
    lab_id: str
    goals: tuple[GoalResult, ...]

    @property
    def passed_count(self) -> int:
        return sum(1 for g in self.goals if g.passed)

    @property
    def total(self) -> int:
        return len(self.goals)

    @property
    def score(self) -> float:
        """The share of goals met, 0.0 to 1.0."""
        return self.passed_count / self.total if self.total else 0.0

    @property
    def complete(self) -> bool:
        """Every goal is met."""
        return self.passed_count == self.total

    def result_for(self, goal_id: str) -> GoalResult | None:
        return next((g for g in self.goals if g.goal.id == goal_id), None)

    def failed(self) -> tuple[GoalResult, ...]:
        return tuple(g for g in self.goals if not g.passed)

    def verdicts(self) -> tuple[tuple[bool, LocalText], ...]:
        return tuple(g.verdict() for g in self.goals)

    def as_dict(self, language: str = "en") -> dict:
        return {"lab": self.lab_id, "passed": self.passed_count, "total": self.total,
                "score": round(self.score, 4), "complete": self.complete,
                "goals": [g.as_dict(language) for g in self.goals]}


def grade(lab: Lab, diagram: Diagram) -> LabResult:
    """Check every goal of ``lab`` on ``diagram``. Cost: the sum of the goals' checks (a flow goal
    traces each source/destination pair its selectors give)."""
    return LabResult(lab.id, tuple(_grade_goal(goal, diagram) for goal in lab.goals))


def _grade_goal(goal: Goal, diagram: Diagram) -> GoalResult:
    outcome = goal.check.evaluate(diagram)
    return GoalResult(goal, outcome.passed, outcome.reason, outcome.resources, outcome.traces,
                      outcome.findings, outcome.tls)
