"""What evaluating one goal check gives: passed or not, why, and what the verdict rests on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from validators.finding import Finding
from validators.reachability import TraceResult

from .text import LocalText

__all__ = ["Outcome"]


@dataclass(frozen=True)
class Outcome:
    """``reason`` in English and Japanese; ``resources`` to highlight; ``traces``, ``findings`` and
    ``tls`` (TLS reports) for the editor to draw."""

    passed: bool
    reason: LocalText
    resources: tuple[str, ...] = ()
    traces: tuple[TraceResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    tls: tuple[Any, ...] = ()
