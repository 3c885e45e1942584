"""Grading reports for instructors: a text table to read and CSV for a spreadsheet.

One row per submission: its score and a mark per goal, or the reason it could not be read. The text
report then lists, per submission, why each failed goal failed, in the chosen language.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass

from .format import Lab
from .grader import LabResult

__all__ = ["SubmissionRow", "text_report", "csv_report", "STATUS_PASS", "STATUS_FAIL", "STATUS_ERROR"]

STATUS_PASS, STATUS_FAIL, STATUS_ERROR = "pass", "fail", "error"
_YES, _NO = "✓", "✗"


@dataclass(frozen=True)
class SubmissionRow:
    """One graded submission: a result, or the error that kept it from being graded."""

    name: str
    result: LabResult | None = None
    error: str = ""

    @property
    def status(self) -> str:
        if self.result is None:
            return STATUS_ERROR
        return STATUS_PASS if self.result.complete else STATUS_FAIL


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def text_report(lab: Lab, rows: list[SubmissionRow], language: str = "en") -> str:
    words = _WORDS[language if language in _WORDS else "en"]
    out = [words["heading"].format(lab=words["lab"], id=lab.id, title=lab.title.get(language),
                                   goals=words["goals"].format(n=len(lab.goals)))]
    number_width = len(str(len(lab.goals)))
    for i, goal in enumerate(lab.goals, 1):
        out.append(f"  {i:>{number_width}}  {goal.id}: {goal.description.get(language)}")
    out.append("")
    name_col = max([width(words["submission"])] + [width(r.name) for r in rows]) + 2
    score_col = max(width(words["score"]), len(f"{len(lab.goals)}/{len(lab.goals)}"),
                    width(words["error"])) + 2
    marks = [str(i) for i in range(1, len(lab.goals) + 1)]
    mark_col = max(2, number_width + 1)
    out.append(_pad(words["submission"], name_col) + _pad(words["score"], score_col)
               + "".join(_pad(m, mark_col) for m in marks).rstrip())
    for row in rows:
        line = _pad(row.name, name_col)
        if row.result is None:
            line += _pad(words["error"], score_col) + row.error
        else:
            line += _pad(f"{row.result.passed_count}/{row.result.total}", score_col)
            line += "".join(_pad(_YES if g.passed else _NO, mark_col) for g in row.result.goals)
        out.append(line.rstrip())
    failing = [r for r in rows if r.result is not None and not r.result.complete]
    if failing:
        out += ["", words["why"]]
        for row in failing:
            out.append(f"  {row.name}")
            for i, goal_result in enumerate(row.result.goals, 1):
                if not goal_result.passed:
                    out.append(f"    {i} {goal_result.goal.id}: {goal_result.reason.get(language)}")
    complete = sum(1 for r in rows if r.status == STATUS_PASS)
    summary = words["summary_one" if len(rows) == 1 else "summary"]
    out += ["", summary.format(complete=complete, total=len(rows))]
    return "\n".join(out) + "\n"


def csv_report(lab: Lab, rows: list[SubmissionRow], language: str = "en") -> str:
    """Columns: submission, status (pass/fail/error), passed, total, score, one per goal id
    (pass/fail), failed_reasons (``goal: reason`` joined by `` | ``), error."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    goal_ids = [g.id for g in lab.goals]
    writer.writerow(["submission", "status", "passed", "total", "score", *goal_ids, "failed_reasons",
                     "error"])
    for row in rows:
        if row.result is None:
            writer.writerow([row.name, row.status, "", len(goal_ids), "", *([""] * len(goal_ids)), "",
                             row.error])
            continue
        result = row.result
        reasons = " | ".join(f"{g.goal.id}: {g.reason.get(language)}" for g in result.failed())
        writer.writerow([row.name, row.status, result.passed_count, result.total,
                         f"{result.score:.2f}", *(STATUS_PASS if g.passed else STATUS_FAIL
                                                  for g in result.goals), reasons, ""])
    return buffer.getvalue()


_WORDS = {
    "en": {"heading": "{lab} {id}: {title} ({goals})", "lab": "Lab", "goals": "{n} goals",
           "submission": "Submission", "score": "Score", "error": "error", "why": "Why goals failed",
           "summary": "{complete} of {total} submissions meet every goal.",
           "summary_one": "{complete} of 1 submission meets every goal."},
    "ja": {"heading": "{lab} {id}：{title}（{goals}）", "lab": "ラボ", "goals": "ゴール{n}個",
           "submission": "提出物", "score": "得点", "error": "エラー", "why": "達成できなかったゴールとその理由",
           "summary": "{total}件中{complete}件がすべてのゴールを達成．",
           "summary_one": "1件中{complete}件がすべてのゴールを達成．"},
}

assert set(_WORDS["en"]) == set(_WORDS["ja"])
