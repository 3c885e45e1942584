"""Writing findings for people and machines: text and JSON."""

from __future__ import annotations

import json
from collections import Counter
from typing import Iterable

from model.diagram import Diagram

from .finding import Finding

__all__ = ["summary", "summary_line", "as_text", "as_json"]


def summary(findings: Iterable[Finding]) -> dict:
    counts = Counter(f.severity.value for f in findings)
    return {"errors": counts.get("error", 0), "warnings": counts.get("warning", 0),
            "infos": counts.get("info", 0)}


def as_text(path: str, diagram: Diagram, findings: list[Finding]) -> str:
    """One line per finding, ``file: resource: severity rule: message``, then a summary line."""
    lines = []
    for f in findings:
        where = f.resources[0] if f.resources else "-"
        line = f"{path}: {where}: {f.severity.value} {f.rule}: {f.message}"
        if f.fix:
            line += f"\n    fix: {f.fix}"
        lines.append(line)
    lines.append(f"{path}: {summary_line(summary(findings), len(diagram))}")
    return "\n".join(lines) + "\n"


def summary_line(counts: dict, resources: int) -> str:
    """``1 error, 2 warnings, 0 info in 11 resources``: plural where English has one ("info" is
    uncountable)."""
    return (f"{_count(counts['errors'], 'error')}, {_count(counts['warnings'], 'warning')}, "
            f"{counts['infos']} info in {_count(resources, 'resource')}")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def as_json(path: str, diagram: Diagram, findings: list[Finding]) -> str:
    doc = {"file": path, "findings": [f.as_dict() for f in findings],
           "summary": {**summary(findings), "resources": len(diagram)}}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
