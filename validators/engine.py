"""Running the rules: a full run, and keeping findings current as a diagram changes.

:class:`Validator` subscribes to a diagram and keeps :attr:`Validator.findings` equal to what a full
run would give after every change, re-running only the rules that watch what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from model.diagram import Diagram
from model.events import ChangeSet, Event

from .finding import Finding
from .registry import all_rules
from .rule import Rule

__all__ = ["validate", "Validator", "FindingsDelta"]


def validate(diagram: Diagram, rules: Iterable[Rule] | None = None) -> list[Finding]:
    """Every finding of every rule (or of ``rules``), sorted errors first. Cost: the sum of the
    rules' costs, each at most O(n log n) in the number of resources."""
    found: set[Finding] = set()
    for rule in rules if rules is not None else all_rules():
        found.update(rule.check(diagram))
    return sorted(found, key=Finding.sort_key)


@dataclass(frozen=True)
class FindingsDelta:
    added: frozenset[Finding]
    removed: frozenset[Finding]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)


class Validator:
    """Live findings for one diagram.

    After each change set, the rules watching any kind the change touched run again and their
    findings replace the old ones; :attr:`changed` is emitted with what was added and removed.
    """

    def __init__(self, diagram: Diagram, rules: Iterable[Rule] | None = None):
        self.diagram = diagram
        self.rules = tuple(rules if rules is not None else all_rules())
        self._by_rule: dict[str, frozenset[Finding]] = {}
        self.changed = Event()
        self.full()
        diagram.changed.connect(self._on_change)

    @property
    def findings(self) -> list[Finding]:
        return sorted((f for fs in self._by_rule.values() for f in fs), key=Finding.sort_key)

    def close(self) -> None:
        self.diagram.changed.disconnect(self._on_change)

    def full(self) -> FindingsDelta:
        return self._rerun(self.rules)

    def _on_change(self, change: ChangeSet) -> None:
        if change.is_layout_only:
            return
        kinds = _kinds_touched(self.diagram, change)
        rules = [r for r in self.rules if kinds & set(r.watches)] if kinds is not None else self.rules
        delta = self._rerun(rules)
        if delta:
            self.changed.emit(delta)

    def _rerun(self, rules: Iterable[Rule]) -> FindingsDelta:
        added: set[Finding] = set()
        removed: set[Finding] = set()
        for rule in rules:
            new = frozenset(rule.check(self.diagram))
            old = self._by_rule.get(rule.id, frozenset())
            added |= new - old
            removed |= old - new
            self._by_rule[rule.id] = new
        return FindingsDelta(frozenset(added), frozenset(removed))


def _kinds_touched(diagram: Diagram, change: ChangeSet) -> set[str] | None:
    """Kinds of every resource the change added, removed, edited or moved between containers;
    ``None`` when the change touched something any rule may depend on (diagram settings,
    connections)."""
    if change.metadata or change.relations_added or change.relations_removed:
        return None
    kinds = {r.kind for r in change.added.values()} | {r.kind for r in change.removed.values()}
    for rid in list(change.properties) + list(change.reparented):
        record = diagram.get(rid)
        if record is not None:
            kinds.add(record.kind)
    return kinds
