"""Rule metadata and the contract every rule module follows.

A rule lives in ``validators/rules/<id with underscores>.py`` and defines ``RULE``, a :class:`Rule`.
Its ``check(diagram)`` is a pure function of the diagram that yields :class:`Finding` objects; the
``watches`` declare which kinds (and properties) can change its result, so the engine knows when to
run it again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from model.diagram import Diagram

from .finding import Finding, Severity

__all__ = ["Rule", "RULE_ID_PATTERN"]

RULE_ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str
    #: How to fix it, in one or two sentences.
    fix: str
    #: Two to four sentences a student can learn the concept from.
    lesson: str
    #: The AWS documentation page the rule rests on.
    docs: str
    #: Kinds whose resources (any property, containment or existence) can change the result.
    watches: tuple[str, ...]
    check: Callable[[Diagram], Iterable[Finding]] = field(compare=False, repr=False)

    def finding(self, message: str, resources: Iterable[str], fix: str | None = None) -> Finding:
        """A finding of this rule, with its severity and (unless given) its fix hint."""
        return Finding(self.id, self.severity, message, tuple(dict.fromkeys(resources)),
                       self.fix if fix is None else fix)
