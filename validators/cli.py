"""The headless commands built on the validators: ``validate`` (and the commands added beside it).

Nothing here imports Qt.
"""

from __future__ import annotations

import sys

from model.documents import open_design

from .engine import validate
from .finding import Severity
from .registry import rule_by_id
from .report import as_json, as_text

__all__ = ["run_validate"]


def run_validate(args) -> int:
    """``kumozu validate FILE``: 0 when nothing at or above ``--fail-on`` was found, 1 otherwise."""
    unknown = [r for r in args.ignore if rule_by_id(r) is None]
    if unknown:
        print(f"kumozu: unknown rule id(s) for --ignore: {', '.join(unknown)}", file=sys.stderr)
        return 2
    opened = open_design(args.file, region=args.region)
    findings = [f for f in validate(opened.diagram) if f.rule not in set(args.ignore)]
    if args.format == "json":
        sys.stdout.write(as_json(args.file, opened.diagram, findings))
    elif args.format == "sarif":
        from .sarif import as_sarif
        sys.stdout.write(as_sarif(args.file, opened.diagram, findings))
    else:
        for note in opened.notes:
            print(f"{args.file}: note: {note}")
        sys.stdout.write(as_text(args.file, opened.diagram, findings))
    worst = Severity.ERROR.rank if args.fail_on == "error" else Severity.WARNING.rank
    return 1 if any(f.severity.rank <= worst for f in findings) else 0
