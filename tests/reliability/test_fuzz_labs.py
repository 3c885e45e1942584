"""Fuzzing the lab loader and the grader: lab files built from the course's own goal checks, with
odd values anywhere and random edits of their text, open or fail with a located LoadError; a lab
that opens grades its start, its solution, the course's designs and random designs without an
exception, every goal answered with a reason in both languages."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from labs.course import course_files
from labs.format import loads_lab
from labs.grader import grade
from tests.reliability.expectations import assert_clean_failure
from tests.reliability.strategies import designs, lab_documents, mutated_structure, mutated_text
from tests.reliability.test_fuzz_native import fuzz

COURSE = Path(course_files()[0]).parent
SOLUTION = "03-route-tables.solution.kumozu.yaml"  # next to the fuzzed lab, as a lab's would be


@lru_cache(maxsize=1)
def course_checks() -> list:
    """Every goal check the built-in course uses, as plain data."""
    return [goal["check"] for path in course_files()
            for goal in yaml.safe_load(path.read_text(encoding="utf-8"))["goals"]]


def lab_path() -> Path:
    return COURSE / "fuzzed.lab.yaml"  # never written: loads_lab only needs its folder


def opens_and_grades(text: str, design=None) -> None:
    try:
        lab = loads_lab(text, lab_path())
    except Exception as error:  # noqa: BLE001 - anything but a LoadError is the bug looked for
        assert_clean_failure(error, str(lab_path()))
        return
    for diagram in [lab.start_diagram(), lab.solution_diagram()] + ([design] if design else []):
        result = grade(lab, diagram)
        assert len(result.goals) == len(lab.goals)
        for goal in result.goals:
            assert goal.reason.get("en") and goal.reason.get("ja"), goal


@fuzz(60)
@given(st.data())
def test_a_lab_made_of_course_checks_opens_and_grades_any_design(data):
    document = data.draw(lab_documents(course_checks(), SOLUTION))
    opens_and_grades(yaml.safe_dump(document, allow_unicode=True), data.draw(designs(max_resources=15)))


@fuzz(150)
@given(st.data())
def test_odd_values_anywhere_in_a_lab_open_or_fail_with_a_located_error(data):
    document = data.draw(mutated_structure(data.draw(lab_documents(course_checks(), SOLUTION))))
    try:
        text = yaml.safe_dump(document, allow_unicode=True)
    except (ValueError, OverflowError):  # the test's writer cannot write it
        return
    opens_and_grades(text)


@fuzz(120)
@given(st.data())
def test_random_edits_of_a_lab_file_open_or_fail_with_a_located_error(data):
    source = data.draw(st.sampled_from(course_files()))
    opens_and_grades(data.draw(mutated_text(source.read_text(encoding="utf-8"))))
