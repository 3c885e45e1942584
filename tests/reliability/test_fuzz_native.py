"""Fuzzing the native format: random designs of every kind save and reopen unchanged; nearly valid
files (random edits of a valid file's text, odd values in its structure) open or fail with a
located LoadError, and what opens saves and reopens unchanged too."""

from __future__ import annotations

import os

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import native_format
from tests.reliability.expectations import assert_clean_failure, assert_saves_and_reopens
from tests.reliability.strategies import designs, mutated_structure, mutated_text

#: ``KUMOZU_FUZZ_EXAMPLES`` runs every fuzz test with that many examples (the long local runs
#: recorded in docs/reliability.md); CI keeps the numbers below.
LONG = int(os.environ.get("KUMOZU_FUZZ_EXAMPLES", "0"))


def fuzz(examples: int):
    return settings(max_examples=LONG or examples, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@fuzz(80)
@given(designs())
def test_any_design_saves_and_reopens_unchanged(diagram):
    assert_saves_and_reopens(diagram)


@fuzz(120)
@given(st.data())
def test_a_nearly_valid_design_opens_or_fails_with_a_located_error(data):
    text = data.draw(mutated_text(native_format.dumps(data.draw(designs(max_resources=12)))))
    try:
        diagram = native_format.loads(text, "fuzz.kumozu.yaml")
    except Exception as error:  # noqa: BLE001 - anything but a LoadError is the bug looked for
        assert_clean_failure(error, "fuzz.kumozu.yaml")
    else:
        assert_saves_and_reopens(diagram)


@fuzz(120)
@given(st.data())
def test_odd_values_anywhere_in_a_design_open_or_fail_with_a_located_error(data):
    document = yaml.safe_load(native_format.dumps(data.draw(designs(max_resources=12))))
    text = yaml.safe_dump(data.draw(mutated_structure(document)), allow_unicode=True)
    try:
        diagram = native_format.loads(text, "odd.kumozu.yaml")
    except Exception as error:  # noqa: BLE001
        assert_clean_failure(error, "odd.kumozu.yaml")
    else:
        assert_saves_and_reopens(diagram)
