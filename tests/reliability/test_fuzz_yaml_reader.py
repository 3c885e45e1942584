"""Fuzzing the located YAML reader every Kumozu file goes through: on any document PyYAML's safe
loader reads, it gives the same values (dates kept as text), every value's position is inside the
text, and on any text at all it returns or raises a located LoadError, nothing else."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st
from yaml.constructor import SafeConstructor

from model.errors import LoadError
from model.yaml_source import LocatedList, LocatedMap, read_yaml
from tests.reliability.test_fuzz_native import fuzz


class _Reference(yaml.SafeLoader):
    """PyYAML's own safe reading, with dates kept as the text they are (as Kumozu keeps them)."""


_Reference.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


class _Writer(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


#: Plain scalars YAML 1.1 reads as something other than text, and their neighbours.
TRICKY = ["yes", "No", "on", "OFF", "y", "n", "~", "null", "Null", "true", "False", "0", "-0", "+1",
          "010", "0o10", "0x1F", "0b101", "1_000", "1:20", "190:20:30", "-1.5", ".5", "-.5", "1.",
          "1e3", "1.5e+3", "1.5E-3", "6.8523015e+5", "685.230_15e+03", ".inf", ".NaN", "2010-09-09",
          "2001-12-14t21:59:43.10-05:00", "<<", "=", "123456789012345678901234567890", "0.1",
          "00", "09", "1,000", "- x", "a: b", "#x", "@x", "`x", "!x", "&x", "*x", "%x", "|", ">"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30),
                    st.floats(allow_nan=False, allow_infinity=False), st.sampled_from(TRICKY),
                    st.text(max_size=12))
documents = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                         | st.dictionaries(st.text(max_size=6) | st.sampled_from(TRICKY), inner, max_size=4),
                         max_leaves=25)


def positions_inside(value, lines: int) -> None:
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, LocatedMap):
            for key in item:
                line, column = item.where(key)
                key_line, _ = item.where_key(key)
                assert 1 <= key_line <= line <= lines + 1 and column >= 1
                pending.append(item[key])
        elif isinstance(item, LocatedList):
            for i in range(len(item)):
                line, column = item.where(i)
                assert 1 <= line <= lines + 1 and column >= 1
                pending.append(item[i])


@fuzz(300)
@given(documents, st.sampled_from([None, False, True]), st.sampled_from([None, "'", '"']),
       st.integers(20, 200))
def test_the_reader_agrees_with_pyyaml_and_knows_where_every_value_is(value, flow, style, width):
    text = yaml.dump(value, Dumper=_Writer, default_flow_style=flow, default_style=style, width=width,
                     allow_unicode=True)
    expected = yaml.load(text, Loader=_Reference)
    located = read_yaml(text, "doc.yaml")
    assert same(located, expected), (located, expected)
    positions_inside(located, text.count("\n"))


def same(a, b) -> bool:
    """Equal values of the same types all the way down (``1 == 1.0 == True`` is not enough)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


@fuzz(300)
@given(st.text(max_size=200) | st.binary(max_size=200))
def test_any_text_at_all_is_read_or_refused_with_a_located_error(text):
    try:
        read_yaml(text, "any.yaml")
    except LoadError as error:
        assert error.path == "any.yaml" and error.message
        assert error.line is not None or "more than one YAML document" in error.message, error
