"""Fuzzing the CloudFormation importer with templates written the way real ones are (parameters,
mappings, conditions, Fn::If, Fn::Cidr, Fn::GetAZs, Fn::Sub, GetAtt, ImportValue...), in YAML with
short forms and in JSON; with odd values anywhere and random edits of their text; and with the
templates Kumozu itself exports from random designs. Every template opens or fails with a located
LoadError; every design that opens validates, and saves and reopens in the native format unchanged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from model.cloudformation import export_template, load_template
from model.cloudformation.dumper import dump_json, dump_yaml
from model.documents import read_design
from tests.reliability.expectations import assert_clean_failure, assert_saves_and_reopens
from tests.reliability.strategies import designs, mutated_structure, mutated_text, templates
from tests.reliability.test_fuzz_native import fuzz
from validators.engine import validate

RENDER = {"yaml": dump_yaml, "json": dump_json}


def opens_cleanly(text: str, path: str, region: str = "us-east-1") -> None:
    """The file opens (as a design the rest of Kumozu can use) or fails with a located error."""
    try:
        opened = read_design(text.encode("utf-8", "surrogatepass"), path, region)
    except Exception as error:  # noqa: BLE001 - anything but a LoadError is the bug looked for
        assert_clean_failure(error, path)
        return
    validate(opened.diagram)
    assert_saves_and_reopens(opened.diagram)


@fuzz(60)
@given(templates(), st.sampled_from(sorted(RENDER)), st.sampled_from(["us-east-1", "eu-west-1", "sa-east-1"]))
def test_a_template_with_intrinsics_opens_validates_and_saves(template, fmt, region):
    text = RENDER[fmt](template)
    result = load_template(text.encode(), f"t.{fmt}", region)
    assert len(result.diagram) > 0
    validate(result.diagram)
    assert_saves_and_reopens(result.diagram)


@fuzz(120)
@given(st.data(), st.sampled_from(sorted(RENDER)))
def test_odd_values_anywhere_in_a_template_open_or_fail_with_a_located_error(data, fmt):
    template = data.draw(mutated_structure(data.draw(templates())))
    try:
        text = RENDER[fmt](template)
    except (ValueError, TypeError, OverflowError):  # the test's own writer cannot write it (inf)
        return
    opens_cleanly(text, f"odd.{fmt}")


@fuzz(120)
@given(st.data(), st.sampled_from(sorted(RENDER)))
def test_random_edits_of_a_templates_text_open_or_fail_with_a_located_error(data, fmt):
    text = data.draw(mutated_text(RENDER[fmt](data.draw(templates()))))
    opens_cleanly(text, f"edited.{fmt}")


@fuzz(50)
@given(designs(max_resources=20), st.sampled_from(["yaml", "json"]))
def test_a_template_kumozu_exports_from_any_design_opens_again(diagram, fmt):
    text = export_template(diagram, fmt)
    result = load_template(text.encode(), f"exported.{fmt}", diagram.region)
    validate(result.diagram)
    assert_saves_and_reopens(result.diagram)
