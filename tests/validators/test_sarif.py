"""SARIF output: a valid SARIF 2.1.0 log with every rule described and each finding located at the
line of its resource in the file."""

from __future__ import annotations

import json

import pytest

from model import native_format
from model.documents import open_design
from tests.validators.rules.helpers import network
from validators.engine import validate
from validators.registry import all_rules
from validators.sarif import as_sarif, resource_lines

from .sarif_subset_schema import SARIF_SUBSET


@pytest.fixture
def design_file(tmp_path):
    """A native design with two overlapping subnets and a NAT gateway in a private subnet."""
    b = network()
    b.subnet("web", "az-a", "10.0.0.0/25", name="web-a")
    b.add("NatGateway", "nat", "priv-a")
    path = tmp_path / "design.kumozu.yaml"
    path.write_text(native_format.dumps(b.diagram), encoding="utf-8")
    return path


def sarif_of(path):
    opened = open_design(str(path))
    findings = validate(opened.diagram)
    return json.loads(as_sarif(str(path), opened.diagram, findings)), findings


def test_the_log_is_valid_against_the_sarif_structure(design_file):
    jsonschema = pytest.importorskip("jsonschema")
    log, findings = sarif_of(design_file)
    jsonschema.Draft4Validator(SARIF_SUBSET).validate(log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    assert len(log["runs"][0]["results"]) == len(findings) > 0


def test_the_subset_schema_refuses_what_sarif_refuses(design_file):
    """The schema used above can fail: a bad level, a missing message, an unknown property."""
    jsonschema = pytest.importorskip("jsonschema")
    log, _ = sarif_of(design_file)
    result = log["runs"][0]["results"][0]
    for broken in ({**result, "level": "fatal"}, {k: v for k, v in result.items() if k != "message"},
                   {**result, "severity": "error"}):
        bad = json.loads(json.dumps(log))
        bad["runs"][0]["results"][0] = broken
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.Draft4Validator(SARIF_SUBSET).validate(bad)


def test_every_rule_is_described_with_help_and_its_aws_page(design_file):
    log, _ = sarif_of(design_file)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in all_rules()]
    for descriptor, rule in zip(rules, all_rules()):
        assert descriptor["helpUri"] == rule.docs and rule.lesson in descriptor["help"]["text"]
        assert descriptor["defaultConfiguration"]["level"] in ("error", "warning", "note")


def test_results_carry_rule_level_message_and_the_line_of_each_resource(design_file):
    log, findings = sarif_of(design_file)
    text = design_file.read_text(encoding="utf-8").splitlines()
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    overlap = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "cidr-overlap")
    assert rules[overlap["ruleIndex"]]["id"] == "cidr-overlap"
    assert overlap["level"] == "error"
    assert overlap["message"]["text"] == next(f.message for f in findings if f.rule == "cidr-overlap")
    located = [overlap["locations"][0]] + overlap["relatedLocations"]
    assert [loc["logicalLocations"][0]["name"] for loc in located] == ["pub-a", "web"]
    for loc, rid in zip(located, ["pub-a", "web"]):
        line = loc["physicalLocation"]["region"]["startLine"]
        assert text[line - 1].strip() == f"{rid}:"
        assert loc["physicalLocation"]["artifactLocation"]["uri"] == design_file.as_uri()


def test_resources_not_written_in_the_file_point_at_the_whole_file(tmp_path):
    """A resource the importer added (or that was never saved) has no line: no region, but a
    logical location with its id."""
    b = network()
    b.add("NatGateway", "nat", "priv-a")
    log = json.loads(as_sarif(str(tmp_path / "missing.yaml"), b.diagram, validate(b.diagram)))
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "nat-in-private-subnet")
    location = result["locations"][0]
    assert "region" not in location["physicalLocation"]
    assert location["logicalLocations"][0] == {"name": "nat", "fullyQualifiedName": "nat",
                                               "kind": "resource"}


def test_relative_paths_stay_relative_to_the_source_root(design_file, monkeypatch):
    monkeypatch.chdir(design_file.parent)
    log, _ = sarif_of(design_file.name)
    location = log["runs"][0]["artifacts"][0]["location"]
    assert location == {"uri": "design.kumozu.yaml", "uriBaseId": "%SRCROOT%"}


def test_lines_are_found_in_cloudformation_templates(tmp_path):
    template = tmp_path / "t.yaml"
    template.write_text("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Vpc:\n"
                        "    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Ref Cidr\n"
                        "  SubnetA:\n    Type: AWS::EC2::Subnet\n", encoding="utf-8")
    assert resource_lines(str(template)) == {"Vpc": 3, "SubnetA": 7}


def test_an_unreadable_file_gives_no_lines_rather_than_an_error(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("resources: [unclosed\n", encoding="utf-8")
    assert resource_lines(str(broken)) == {}
