"""The headless commands built on the validators: ``validate`` (and the commands added beside it).

Nothing here imports Qt.
"""

from __future__ import annotations

import json
import sys

from model.documents import open_design

from .engine import validate
from .finding import Severity
from .registry import rule_by_id
from . import i18n
from .report import as_json

__all__ = ["run_validate"]


def run_validate(args) -> int:
    """``kumozu validate FILE``: 0 when nothing at or above ``--fail-on`` was found, 1 otherwise."""
    unknown = [r for r in args.ignore if rule_by_id(r) is None]
    if unknown:
        print(f"kumozu: unknown rule id(s) for --ignore: {', '.join(unknown)}", file=sys.stderr)
        return 2
    opened = open_design(args.file, region=args.region, arrange=False)  # no rule reads positions
    findings = [f for f in validate(opened.diagram) if f.rule not in set(args.ignore)]
    language = getattr(args, "language", None) or i18n.default_language()
    if args.format == "json":
        sys.stdout.write(_with_localized(as_json(args.file, opened.diagram, findings), findings,
                                         language, ("findings",)))
    elif args.format == "sarif":
        from .sarif import as_sarif
        sys.stdout.write(_with_localized(as_sarif(args.file, opened.diagram, findings), findings,
                                         language, ("runs", 0, "results")))
    else:
        for note in opened.notes:
            print(f"{args.file}: note: {note}")
        sys.stdout.write(i18n.as_text(args.file, opened.diagram, findings, language))
    worst = Severity.ERROR.rank if args.fail_on == "error" else Severity.WARNING.rank
    return 1 if any(f.severity.rank <= worst for f in findings) else 0


def _with_localized(text: str, findings, language: str, path: tuple) -> str:
    """A JSON or SARIF report with, for a language other than English, each finding's texts in that
    language beside the English ``message`` (JSON: ``localized``; SARIF: ``properties.localized``).
    The English stays where tools read it; findings and results are in the same order."""
    if language == "en":
        return text
    doc = json.loads(text)
    entries = doc
    for key in path:
        entries = entries[key]
    for entry, finding in zip(entries, findings):
        if "ruleId" in entry:  # a SARIF result
            entry.setdefault("properties", {})["localized"] = i18n.localized(finding, language)
        else:
            entry["localized"] = i18n.localized(finding, language)
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
