"""The safe YAML reader: locations for every value, and nothing a file can use against us."""

from __future__ import annotations

import pytest

from model.errors import LoadError
from model.yaml_source import Tagged, read_yaml


def test_values_know_their_line_and_column():
    doc = read_yaml("a:\n  b: [1, 2]\n  c:\n    - x: y\n", "f")
    assert doc.where("a") == (2, 3)
    assert doc["a"].where("b") == (2, 6)
    assert doc["a"]["b"].where(1) == (2, 10)
    assert doc["a"]["c"][0].where("x") == (4, 10)


def test_plain_yaml_types_are_built_and_dates_stay_text():
    doc = read_yaml("n: 3\nf: 1.5\nb: true\nz: ~\nd: 2010-09-09\ns: '3'\n")
    assert doc == {"n": 3, "f": 1.5, "b": True, "z": None, "d": "2010-09-09", "s": "3"}


@pytest.mark.parametrize("text,message", [
    ("x: !!python/name:os.system ''\n", "run Python code"),
    ("x: !!python/object/new:subprocess.Popen [[ls]]\n", "run Python code"),
    ("x: !!binary aGVsbG8=\n", "not allowed"),
    ("x: !Custom 1\n", "not allowed"),
    ("a: &a [1]\nb: [*a, *a]\n", "aliases"),
    ("<<: {a: 1}\n", "merge keys"),
    ("--- 1\n--- 2\n", "more than one YAML document"),
])
def test_unsafe_or_unsupported_constructs_are_refused(text, message):
    with pytest.raises(LoadError, match=message):
        read_yaml(text, "f")


def test_billion_laughs_is_refused_at_the_first_alias():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8))
    with pytest.raises(LoadError, match="aliases") as caught:
        read_yaml(bomb, "bomb.yaml")
    assert caught.value.line == 2


def test_deep_nesting_is_an_error_not_a_crash():
    with pytest.raises(LoadError, match="nested more than 100"):
        read_yaml("[" * 10_000 + "]" * 10_000, "deep.yaml")


def test_value_count_is_limited():
    with pytest.raises(LoadError, match="more than 10 values"):
        read_yaml("[" + ", ".join("1" for _ in range(20)) + "]", "many.yaml", max_values=10)


def test_a_tag_handler_receives_custom_tags_with_their_location():
    seen = []

    def handler(tag, value, line, column):
        seen.append((tag, line, column))
        return Tagged(tag, value, line, column)

    doc = read_yaml("a: !Ref Vpc\nb: !Sub\n  - x\n", "t.yaml", tag_handler=handler)
    assert isinstance(doc["a"], Tagged) and doc["a"].value == "Vpc"
    assert doc["b"].value == ["x"]
    assert seen == [("!Ref", 1, 4), ("!Sub", 2, 4)]
