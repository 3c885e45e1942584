"""Findings: what a rule reports. Frozen and hashable, so sets of findings can be diffed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

__all__ = ["Severity", "Finding"]


class Severity(str, Enum):
    ERROR = "error"      # AWS refuses it, or the traffic drawn cannot flow
    WARNING = "warning"  # AWS advises against it, or a default quota is exceeded
    INFO = "info"        # worth knowing

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, order=False)
class Finding:
    """One problem: which rule, how bad, what and where (``resources``: every id involved, so the
    canvas can highlight each), and how to fix it."""

    rule: str
    severity: Severity
    message: str
    resources: tuple[str, ...]
    fix: str = ""

    def sort_key(self) -> tuple:
        return (self.severity.rank, self.rule, self.resources, self.message)

    def as_dict(self) -> dict:
        return {"rule": self.rule, "severity": self.severity.value, "message": self.message,
                "resources": list(self.resources), "fix": self.fix}
