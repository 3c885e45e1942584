"""``kumozu check-lab LAB SUBMISSION...``: grade many submissions at once, for instructors.

LAB is a lab file or the id of a built-in lab. Each SUBMISSION is a native design or a
CloudFormation template (a folder stands for the design files in it). A submission that cannot be
read becomes a row saying why; it never stops the others from being graded.

Exit codes: 0 every submission meets every goal; 1 any does not (or could not be read); 2 the lab
itself cannot be read (raised as :class:`LoadError` and reported by ``main``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from model.documents import open_design
from model.errors import KumozuError, LoadError

from .course import find_lab
from .format import LAB_SUFFIX, Lab
from .grader import grade
from .report import STATUS_PASS, SubmissionRow, csv_report, text_report
from .text import default_language

__all__ = ["run_check_lab", "grade_submissions", "expand_submissions"]

EXIT_OK, EXIT_FAILED = 0, 1
_DESIGN_SUFFIXES = (".yaml", ".yml", ".json", ".template")


def run_check_lab(args) -> int:
    """Run the command for parsed ``args`` (lab, submissions, format, language)."""
    language = args.language or default_language()
    lab = find_lab(args.lab)
    rows = grade_submissions(lab, expand_submissions(args.submissions))
    render = csv_report if args.format == "csv" else text_report
    _write(render(lab, rows, language))
    return EXIT_OK if rows and all(r.status == STATUS_PASS for r in rows) else EXIT_FAILED


def expand_submissions(names: list[str]) -> list[str]:
    """The submissions named: files as given, folders as the design files directly inside them
    (sorted; lab files left out)."""
    out: list[str] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix in _DESIGN_SUFFIXES
                           and not p.name.endswith(LAB_SUFFIX))
            out.extend(str(p) for p in found)
        else:
            out.append(name)
    return out


def grade_submissions(lab: Lab, names: list[str]) -> list[SubmissionRow]:
    """One row per submission, graded against ``lab``."""
    region = lab.submission_region()
    rows = []
    for name in names:
        try:
            diagram = open_design(name, region, arrange=False).diagram  # grading reads no positions
        except LoadError as exc:
            rows.append(SubmissionRow(name, error=str(exc)))
            continue
        except KumozuError as exc:  # a structural problem the reader did not locate
            rows.append(SubmissionRow(name, error=f"{name}: {exc}"))
            continue
        rows.append(SubmissionRow(name, grade(lab, diagram)))
    return rows


def _write(text: str) -> None:
    """Print ``text``; on a terminal that cannot show some characters, replace them rather than
    fail (the report is still readable)."""
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        encoding = sys.stdout.encoding or "ascii"
        sys.stdout.buffer.write(text.encode(encoding, errors="replace"))
    sys.stdout.flush()
