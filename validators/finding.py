"""Findings: what a rule reports. Frozen and hashable, so sets of findings can be diffed.

A finding carries its English message already rendered, and also the *template* and *parameters* it
was rendered from (``"Subnets {a} ({a_cidr}) and {b} ({b_cidr}) in VPC {vpc} overlap."`` with
``a="web-a"``...). A translation looks the template up in its catalogue and renders it with the same
parameters (:meth:`Finding.render`), so resource names and CIDRs never go through translation.
Template and parameters take no part in equality: two findings are the same problem when rule,
severity, message, resources and fix agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Callable, Mapping

__all__ = ["Severity", "Finding", "render_template"]


class Severity(str, Enum):
    ERROR = "error"      # AWS refuses it, or the traffic drawn cannot flow
    WARNING = "warning"  # AWS advises against it, or a default quota is exceeded
    INFO = "info"        # worth knowing

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


def render_template(template: str, params: Mapping[str, str]) -> str:
    """``template`` with its ``{name}`` fields filled from ``params``; a template without parameters
    is returned as written (so literal braces such as ``/{proxy+}`` need no escaping there)."""
    return template.format_map(dict(params)) if params else template


@dataclass(frozen=True, order=False)
class Finding:
    """One problem: which rule, how bad, what and where (``resources``: every id involved, so the
    canvas can highlight each), and how to fix it."""

    rule: str
    severity: Severity
    message: str
    resources: tuple[str, ...]
    fix: str = ""
    #: The English template ``message`` was rendered from (empty: the message is the template).
    template: str = field(default="", compare=False)
    #: The template's parameters as ``(name, value)`` pairs, in the order given.
    params: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def sort_key(self) -> tuple:
        return (self.severity.rank, self.rule, self.resources, self.message)

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        """The message, with its template passed through ``translate`` first (identity if None)."""
        template = self.template or self.message
        if translate is not None:
            template = translate(template)
        return render_template(template, dict(self.params)) if self.template else template

    def as_dict(self) -> dict:
        """The JSON shape of a finding: exactly rule, severity, message, resources and fix."""
        return {"rule": self.rule, "severity": self.severity.value, "message": self.message,
                "resources": list(self.resources), "fix": self.fix}
