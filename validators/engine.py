"""Running the rules: a full run, and keeping findings current as a diagram changes.

:class:`Validator` subscribes to a diagram and keeps :attr:`Validator.findings` equal to what a full
run would give after every change. For each change set it re-runs only the rules that declared an
interest in something the change touched (a kind, a property, a diagram setting, connections), and
for rules with a :class:`~validators.scope.Scope` only the units the change affected (the VPC whose
subnet changed, not every VPC). A rename changes only messages, so it re-checks only rules that
currently report something.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from model.diagram import Diagram
from model.events import ChangeSet, Event

from .changes import Touched
from .finding import Finding
from .registry import all_rules
from .rule import Rule

__all__ = ["validate", "Validator", "FindingsDelta"]

#: The unit of a rule without a scope: the whole diagram.
_WHOLE = "*"


def validate(diagram: Diagram, rules: Iterable[Rule] | None = None) -> list[Finding]:
    """Every finding of every rule (or of ``rules``), sorted errors first. Cost: the sum of the
    rules' costs, each O(n) or O(n log n) in the number of resources."""
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

    ``Validator(diagram)`` runs every rule once and then follows ``diagram.changed``;
    :attr:`changed` is emitted with a :class:`FindingsDelta` whenever an edit adds or removes
    findings. :meth:`close` stops following the diagram.
    """

    def __init__(self, diagram: Diagram, rules: Iterable[Rule] | None = None):
        self.diagram = diagram
        self.rules = tuple(rules if rules is not None else all_rules())
        #: rule id -> unit -> that unit's findings
        self._units: dict[str, dict[str, frozenset[Finding]]] = {}
        #: rule id -> how many units report each finding (a finding shows while any unit has it)
        self._counts: dict[str, Counter] = {}
        self.changed = Event()
        self.full()
        diagram.changed.connect(self._on_change)

    @property
    def findings(self) -> list[Finding]:
        return sorted((f for counts in self._counts.values() for f in counts), key=Finding.sort_key)

    def close(self) -> None:
        self.diagram.changed.disconnect(self._on_change)

    def prepare_for_edits(self) -> None:
        """Build now what the first incremental check would build (tracing's reverse lookups,
        which a full validation leaves for later: a one-shot run never needs them). Call it when
        idle after opening, so the first drag is as quick as the rest."""
        from .reachability.tracking import prepare_for_edits
        prepare_for_edits(self.diagram)

    def full(self) -> FindingsDelta:
        """Run every rule on the whole diagram; returns (and emits, if not empty) what changed."""
        added: set[Finding] = set()
        removed: set[Finding] = set()
        for rule in self.rules:
            a, r = self._replace_all(rule)
            added |= a
            removed |= r
        delta = FindingsDelta(frozenset(added), frozenset(removed))
        if delta and len(self.changed):
            self.changed.emit(delta)
        return delta

    # ------------------------------------------------------------------ incremental
    def _on_change(self, change: ChangeSet) -> None:
        if change.is_layout_only or change.is_empty:
            return
        touched = Touched(self.diagram, change)
        added: set[Finding] = set()
        removed: set[Finding] = set()
        for rule in self.rules:
            how = _trigger(rule, touched)
            if how is None:
                continue
            if how == "rename" and not self._counts.get(rule.id):
                continue  # a rename changes messages only, and this rule reports nothing
            if rule.scope is None or how == "all":
                a, r = self._replace_all(rule)
            else:
                units = set(rule.scope.affected(self.diagram, touched))
                if how == "rename":
                    units &= {u for u, fs in self._units[rule.id].items() if fs}
                a, r = self._replace_units(rule, units)
            added |= a
            removed |= r
        # a finding reported by one rule's unit and withdrawn by another's in one change nets out
        delta = FindingsDelta(frozenset(added - removed), frozenset(removed - added))
        if delta:
            self.changed.emit(delta)

    def _replace_all(self, rule: Rule) -> tuple[set[Finding], set[Finding]]:
        old = set(self._counts.get(rule.id, ()))
        if rule.scope is None:
            units = {_WHOLE: frozenset(rule.check(self.diagram))}
        else:
            units = {u: frozenset(rule.scope.check_unit(self.diagram, u))
                     for u in rule.scope.units(self.diagram)}
        counts: Counter = Counter()
        for findings in units.values():
            counts.update(findings)
        self._units[rule.id] = {u: fs for u, fs in units.items() if fs}
        self._counts[rule.id] = counts
        new = set(counts)
        return new - old, old - new

    def _replace_units(self, rule: Rule, units: set[str]) -> tuple[set[Finding], set[Finding]]:
        stored = self._units[rule.id]
        counts = self._counts[rule.id]
        added: set[Finding] = set()
        removed: set[Finding] = set()
        for unit in units:
            old = stored.pop(unit, frozenset())
            new = frozenset(rule.scope.check_unit(self.diagram, unit))
            if new:
                stored[unit] = new
            if old == new:
                continue
            for f in old - new:
                counts[f] -= 1
                if counts[f] == 0:
                    del counts[f]
                    removed.add(f)
            for f in new - old:
                if counts[f] == 0:
                    added.add(f)
                counts[f] += 1
        return added - removed, removed - added


def _trigger(rule: Rule, touched: Touched) -> str | None:
    """How a change concerns a rule: ``None`` (not at all), ``"rename"`` (only names of resources
    it watches changed), ``"units"`` (re-check affected units) or ``"all"`` (re-check everything)."""
    if touched.relations and rule.watches_relations:
        return "all"
    if touched.metadata & set(rule.watches_metadata):
        return "all"
    how = None
    for rid, kind in touched.kinds.items():
        if kind not in rule.watches:
            continue
        if rid in touched.structural:
            return "units"
        for name in touched.properties.get(rid, ()):
            if name == "name":
                how = how or "rename"
            elif rule.reads_property(kind, name):
                return "units"
    return how
