"""The failures the fuzzing found (docs/reliability.md keeps the record), each kept as a plain test
so that it stays fixed whatever examples hypothesis happens to draw next time."""

from __future__ import annotations

import pytest
import yaml

from labs.format import loads_lab
from model import native_format
from model.documents import read_design
from model.errors import LoadError
from model.yaml_source import read_yaml
from tests.reliability.test_fuzz_labs import lab_path


# ----------------------------------------------------------------------------- lone surrogates
@pytest.mark.parametrize("load", [
    lambda text: read_yaml(text, "doc.yaml"),
    lambda text: native_format.loads(text, "doc.yaml"),
    lambda text: loads_lab(text, lab_path()),
], ids=["yaml-reader", "native", "lab"])
def test_text_holding_a_lone_surrogate_is_refused_at_its_place(load):
    """Text handed over as ``str`` may hold half a surrogate pair (bytes decoded with
    ``surrogateescape``); the YAML parser could not encode it and raised UnicodeEncodeError."""
    text = "format: kumozu\nversion: 1\ntitle: caf\udcff\n"
    with pytest.raises(LoadError) as caught:
        load(text)
    assert (caught.value.line, caught.value.column) == (3, 11)
    assert "U+DCFF" in caught.value.message and "UTF-8" in caught.value.message


# ----------------------------------------------------------------------------- YAML-only breaks
@pytest.mark.parametrize("value", [{"": "\x85", "\x85": None}, ["\x85", "\x85", None],
                                   {"a": "x\u2028y", "b": ["\u2029", 1]}])
def test_positions_count_lines_as_a_text_editor_does(value):
    """YAML breaks lines at NEL, LS and PS too (quoted, they are written raw); an editor does not.
    Every position must be on a line of the file as the user sees it."""
    text = yaml.dump(value, default_flow_style=None, width=20, allow_unicode=True)
    assert any(c in text for c in "\x85\u2028\u2029")
    lines = text.count("\n")
    located = read_yaml(text, "doc.yaml")
    places = ([located.where(k) for k in located] + [located.where_key(k) for k in located]
              if isinstance(located, dict) else [located.where(i) for i in range(len(located))])
    for line, column in places:
        assert 1 <= line <= lines and column >= 1, (text, places)


@pytest.mark.parametrize("text,where", [
    ('a: "one\u2028two"\nb: !!python/none 1\n', (2, 4)),  # found while building values
    ('a: "one\x85two"\nb: [1, 2\n', (3, 1)),  # found by the parser (the end of the text)
    ('a: "one\u2029two" x\n', (1, 14)),  # the parser, on the same line after the break
])
def test_an_error_after_a_yaml_only_break_names_the_editor_s_line_and_column(text, where):
    with pytest.raises(LoadError) as caught:
        read_yaml(text, "doc.yaml")
    assert (caught.value.line, caught.value.column) == where, caught.value


# ----------------------------------------------------------------------------- templates
TEMPLATE_YAML = """\
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Subnet0:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: %s
"""
TEMPLATE_JSON = """\
{"AWSTemplateFormatVersion": "2010-09-09",
 "Resources": {
  "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
  "Subnet0": {"Type": "AWS::EC2::Subnet",
              "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": %s}}}}
"""


@pytest.mark.parametrize("template,path,line", [(TEMPLATE_YAML, "t.yaml", 4),
                                                (TEMPLATE_JSON, "t.json", 4)])
@pytest.mark.parametrize("value", ["0", "false", "1.5"])
def test_a_template_value_of_the_wrong_type_is_refused_at_its_resource(template, path, line, value):
    """A CIDR given as a number or a boolean: the error named no line at all (the importer
    kept its resources in a plain dict, dropping every position)."""
    with pytest.raises(LoadError) as caught:
        read_design((template % value).encode(), path)
    assert caught.value.path == path and caught.value.line == line, caught.value
    assert "Subnet0" in caught.value.message


# ----------------------------------------------------------------------------- validation
def test_a_load_balancer_in_a_zone_of_symbolic_name_is_validated_without_an_error():
    """Found by the stateful editor test: with one zone's name left symbolic (a template parameter)
    and a target outside the load balancer's zones, the tracer sorted the zone names to explain it
    and raised TypeError (a symbolic name beside text) from inside the edit that deleted a subnet."""
    from model import edits
    from model.documents import open_design
    from model.schema import Unresolved
    from tests.support.builder import ROOT
    from validators.engine import Validator, validate

    diagram = open_design(str(ROOT / "examples" / "ecs-fargate.kumozu.yaml")).diagram
    live = Validator(diagram)
    diagram.apply(edits.set_property(diagram, "az-c", "zone", Unresolved("!Ref Zone")))
    diagram.apply(edits.remove_resources(diagram, ["public-a"]))
    assert live.findings == validate(diagram)
    live.close()


def test_a_cloudfront_alias_of_symbolic_name_is_drawn_and_undone(qapp):
    """Found by the stateful editor test: a distribution whose alias is a template parameter made
    the canvas subtitle raise TypeError inside the edit (and again inside its undo)."""
    from editor.canvas import Canvas
    from editor.document import Document
    from editor.labels import subtitle
    from model import edits
    from model.schema import Unresolved

    document = Document()
    canvas = Canvas(document)
    diagram = document.diagram
    assert document.push(edits.add_resource(diagram, "CloudFrontDistribution", "cdn", name="cdn"))
    original = document.to_native_text()
    assert document.push(edits.set_property(diagram, "cdn", "aliases",
                                            (Unresolved("!Ref SiteName"), "www.example.com")))
    assert subtitle(diagram, diagram["cdn"]) == "<!Ref SiteName>, www.example.com"
    document.undo_stack.undo()
    assert document.to_native_text() == original
    document.undo_stack.clear()
    canvas.deleteLater()
    document.deleteLater()
