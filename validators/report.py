"""Writing findings for people and machines: text and JSON."""

from __future__ import annotations

import json
from collections import Counter
from typing import Iterable

from model.diagram import Diagram

from .finding import Finding

__all__ = ["summary", "as_text", "as_json"]


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
    s = summary(findings)
    lines.append(f"{path}: {s['errors']} error(s), {s['warnings']} warning(s), {s['infos']} info(s) "
                 f"in {len(diagram)} resources")
    return "\n".join(lines) + "\n"


def as_json(path: str, diagram: Diagram, findings: list[Finding]) -> str:
    doc = {"file": path, "findings": [f.as_dict() for f in findings],
           "summary": {**summary(findings), "resources": len(diagram)}}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
