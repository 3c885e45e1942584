"""Rule metadata and the contract every rule module follows.

A rule lives in ``validators/rules/<id with underscores>.py`` and defines ``RULE``, a :class:`Rule`.
Its ``check(diagram)`` is a pure function of the diagram that yields :class:`Finding` objects. What
it reads is declared, so the engine knows when to run it again:

- ``watches``: kinds whose resources can change the result by being added, removed, moved to another
  container, or edited;
- ``watches_properties``: for some of those kinds, the only properties that matter (a kind not listed
  here: any property). A resource's display ``name`` is always watched, because messages use it,
  but no rule may *decide* anything from a name;
- ``watches_metadata``: diagram settings read (``region``, ``environment``);
- ``watches_relations``: whether user-drawn connections are read (conservatively true by default).

A rule may also give a :class:`~validators.scope.Scope`: its findings split into *units* (a VPC, a
subnet...) that can be checked one at a time, and a function naming the units a change affects. The
engine then re-checks only those units; ``check`` is derived from the scope.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Callable, Iterable, Mapping

from model.diagram import Diagram

from .finding import Finding, Severity, render_template

if TYPE_CHECKING:  # pragma: no cover - typing only
    from .scope import Scope

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
    check: Callable[[Diagram], Iterable[Finding]] | None = field(default=None, compare=False,
                                                                 repr=False)
    #: Kind -> the only properties of that kind the rule reads (kinds not listed: all of them).
    watches_properties: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    #: Diagram settings the rule reads.
    watches_metadata: tuple[str, ...] = ()
    #: Whether the rule reads user-drawn connections.
    watches_relations: bool = True
    #: How the rule's work splits into independently checkable units (None: one unit, all of it).
    scope: "Scope | None" = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        if self.check is None:
            if self.scope is None:
                raise ValueError(f"rule {self.id} has neither check nor scope")
            scope = self.scope
            object.__setattr__(self, "check", lambda d: chain.from_iterable(
                scope.check_unit(d, unit) for unit in scope.units(d)))
        unknown = set(self.watches_properties) - set(self.watches)
        if unknown:
            raise ValueError(f"rule {self.id}: watches_properties names kinds it does not watch: "
                             f"{', '.join(sorted(unknown))}")

    @property
    def module_name(self) -> str:
        """The module the rule must live in: ``cidr-overlap`` -> ``cidr_overlap``."""
        return self.id.replace("-", "_")

    def reads_property(self, kind: str, name: str) -> bool:
        """Whether a change of ``name`` on a resource of ``kind`` can change this rule's result."""
        if kind not in self.watches:
            return False
        watched = self.watches_properties.get(kind)
        return watched is None or name in watched

    def finding(self, template: str, resources: Iterable[str], fix: str | None = None,
                **params) -> Finding:
        """A finding of this rule, with its severity and (unless given) its fix hint.

        ``template`` is English text with ``{name}`` fields, filled from ``params`` (values are
        turned into text); give resource *names* (``record.label``) as parameters, ids as
        ``resources``. Without parameters the template is the message exactly as written.
        """
        values = tuple((k, str(v)) for k, v in params.items())
        message = render_template(template, dict(values))
        return Finding(self.id, self.severity, message, tuple(dict.fromkeys(resources)),
                       self.fix if fix is None else fix, template if values else "", values)
