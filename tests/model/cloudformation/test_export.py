"""Exported templates are deployable (cfn-lint finds no error) and read back as the same design."""

from __future__ import annotations

import json

import pytest

import main
from model.cloudformation import export_template, load_template
from model.cloudformation.exporter import build_template
from model.documents import open_design
from model.schema import Unresolved
from tests.support.builder import DesignBuilder, load_example

from .kitchen_sink import every_kind_design
from .support import FIXTURES, SAMPLE_TEMPLATES, lint_errors, model_differences

ROOT = FIXTURES.parents[2]
#: Every example design, and every lab's solution (a lab's start holds the mistakes the lab is
#: about: an ALB in one zone, a Fargate size AWS refuses, which cfn-lint rightly reports).
EXAMPLES = tuple(sorted(p.name.removesuffix(".kumozu.yaml") for p in (ROOT / "examples").glob("*.kumozu.yaml")))
LAB_SOLUTIONS = tuple(sorted(str(p.relative_to(ROOT)) for p in (ROOT / "labs").rglob("*.solution.kumozu.yaml")))


def round_trip(diagram, fmt="yaml"):
    text = export_template(diagram, fmt)
    region = next((r.get("region") for r in diagram.of_kind("Region")), diagram.region)
    return text, load_template(text.encode(), f"export.{fmt}", region).diagram


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_examples_export_without_cfn_lint_errors_and_read_back_the_same(name, fmt):
    design = load_example(name)
    text, back = round_trip(design, fmt)
    assert lint_errors(text, "ap-northeast-1") == []
    assert model_differences(design, back) == []


def test_the_examples_and_lab_solutions_are_found():
    assert {"dual-az-web", "ecs-fargate", "route-tables"} <= set(EXAMPLES)
    assert len(LAB_SOLUTIONS) >= 9


@pytest.mark.parametrize("path", LAB_SOLUTIONS)
def test_lab_solutions_export_without_cfn_lint_errors_and_read_back_the_same(path):
    design = open_design(str(ROOT / path)).diagram
    region = next((r.get("region") for r in design.of_kind("Region")), design.region)
    text, back = round_trip(design)
    assert lint_errors(text, region) == []
    assert model_differences(design, back) == []


def test_security_group_descriptions_leave_out_what_ec2_refuses_and_come_back_whole():
    b = DesignBuilder()
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.add("SecurityGroup", "web-sg", vpc, description="ウェブ: the client's HTTPS",
          ingress=[{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": "0.0.0.0/0",
                    "description": "HTTPS from anywhere (the NLB keeps the client's address)"}])
    design = b.diagram
    template = build_template(design)
    group = template["Resources"]["WebSg"]["Properties"]
    assert group["GroupDescription"] == ": the clients HTTPS"
    assert group["SecurityGroupIngress"][0]["Description"] == \
        "HTTPS from anywhere (the NLB keeps the clients address)"
    text, back = round_trip(design)
    assert lint_errors(text) == []
    assert model_differences(design, back) == []


@pytest.mark.parametrize("name", SAMPLE_TEMPLATES)
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_fixture_templates_imported_then_exported_lint_clean_and_round_trip(name, fmt):
    design = open_design(str(FIXTURES / name)).diagram
    text, back = round_trip(design, fmt)
    assert lint_errors(text) == []
    assert model_differences(design, back) == []


@pytest.mark.slow
def test_the_500_resource_template_exports_lint_clean_and_round_trips():
    design = open_design(str(FIXTURES / "large-500.yaml")).diagram
    text, back = round_trip(design)
    assert lint_errors(text) == []
    assert model_differences(design, back) == []


def test_every_kind_exports_lint_clean_and_round_trips():
    design = every_kind_design()
    for fmt in ("yaml", "json"):
        text, back = round_trip(design, fmt)
        assert lint_errors(text, "eu-west-1") == []
        assert model_differences(design, back) == []


def test_yaml_uses_short_forms_and_json_long_forms():
    design = load_example("dual-az-web")
    text = export_template(design, "yaml")
    assert "!Ref vpc" in text and "!GetAtt alb.DNSName" in text and "!Sub 'com.amazonaws.${AWS::Region}.s3'" in text
    assert "Fn::" not in text and "Ref:" not in text
    data = json.loads(export_template(design, "json"))
    assert data["Resources"]["PublicA"]["Properties"]["VpcId"] == {"Ref": "vpc"}
    assert data["Resources"]["alb"]["Properties"]["SecurityGroups"] == [
        {"Fn::GetAtt": ["AlbSg", "GroupId"]}]


def test_gateway_attachments_associations_eips_and_listeners_are_written():
    resources = build_template(load_example("dual-az-web"))["Resources"]
    by_type = {}
    for logical, body in resources.items():
        by_type.setdefault(body["Type"], []).append(logical)
    assert by_type["AWS::EC2::VPCGatewayAttachment"] == ["igwAttachment"]
    associations = [resources[l]["Properties"]["SubnetId"]["Ref"]
                    for l in by_type["AWS::EC2::SubnetRouteTableAssociation"]]
    assert sorted(associations) == ["AppA", "AppC", "DbA", "DbC", "PublicA", "PublicC"]
    assert len(by_type["AWS::EC2::EIP"]) == 2
    assert resources["NatA"]["Properties"]["AllocationId"] == {"Fn::GetAtt": ["NatAEip", "AllocationId"]}
    assert len(by_type["AWS::ElasticLoadBalancingV2::Listener"]) == 2
    assert resources["RtPublicRoute1"]["DependsOn"] == "igwAttachment"


def test_logical_ids_are_alphanumeric_and_the_model_id_is_kept_in_metadata():
    resources = build_template(load_example("dual-az-web"))["Resources"]
    assert all(logical.isalnum() for logical in resources)
    assert resources["PublicA"]["Metadata"]["Kumozu"]["id"] == "public-a"
    assert "id" not in resources["vpc"].get("Metadata", {}).get("Kumozu", {})


def test_logical_ids_are_stable_across_exports_and_unrelated_edits():
    """A stack updated from a later export must not see its resources replaced: the same design
    gives the same text, and adding a resource changes no existing logical id."""
    from model import edits
    design = load_example("dual-az-web")
    first = export_template(design)
    assert export_template(design) == first
    before = build_template(design)["Resources"]
    design.apply(edits.add_resource(design, "S3Bucket", "assets", parent=next(
        r.id for r in design.of_kind("Region"))))
    after = build_template(design)["Resources"]
    assert {l: b["Type"] for l, b in before.items()} == \
        {l: after[l]["Type"] for l in before}
    assert set(after) - set(before) == {"assets"}


def test_a_design_with_nothing_cloudformation_creates_is_still_a_valid_template():
    design = DesignBuilder("eu-central-1").diagram
    text, back = round_trip(design)
    assert lint_errors(text, "eu-central-1") == []
    assert model_differences(design, back) == []


def test_a_blackhole_route_is_not_deployed_but_survives_the_round_trip():
    b = DesignBuilder()
    vpc = b.vpc("vpc")
    b.route_table("rt", vpc, routes=[("0.0.0.0/0", "deleted-nat")])
    template = build_template(b.diagram)
    assert not any(body["Type"] == "AWS::EC2::Route" for body in template["Resources"].values())
    _, back = round_trip(b.diagram)
    assert back["rt"].get("routes")[0]["target"] == "deleted-nat"


def test_symbolic_values_become_parameters_and_come_back_symbolic():
    b = DesignBuilder()
    vpc = b.vpc("vpc")
    b.subnet("net", vpc, "10.0.1.0/24")
    b.add("Instance", "web", "net", ami=Unresolved("!Ref ImageId"), key_name=Unresolved(
        "!If [HasKey, !Ref KeyName, !Ref 'AWS::NoValue']"))
    template = build_template(b.diagram)
    assert template["Parameters"]["ImageId"]["Type"] == "AWS::EC2::Image::Id"
    assert template["Resources"]["web"]["Properties"]["KeyName"] == {"Ref": "Unresolved1"}
    text, back = round_trip(b.diagram)
    assert lint_errors(text) == []
    assert back["web"].get("ami") == Unresolved("!Ref ImageId")
    assert back["web"].get("key_name") == Unresolved("!If [HasKey, !Ref KeyName, !Ref 'AWS::NoValue']")


def test_the_export_command_writes_yaml_and_json_templates(tmp_path, capsys):
    source = FIXTURES / "two-az-vpc.yaml"
    yaml_out, json_out = tmp_path / "out.cfn.yaml", tmp_path / "out.cfn.json"
    assert main.main(["export", str(source), "-o", str(yaml_out)]) == 0
    assert main.main(["export", str(source), "-o", str(json_out)]) == 0
    assert yaml_out.read_text().startswith("AWSTemplateFormatVersion: '2010-09-09'")
    assert json.loads(json_out.read_text())["Resources"]["VPC"]["Type"] == "AWS::EC2::VPC"
    assert lint_errors(yaml_out.read_text()) == []



def test_a_sam_resource_kept_as_generic_is_exported_with_the_sam_transform():
    """Without AWS::Serverless-2016-10-31 a SAM type does not exist (cfn-lint E3006/E3038), also
    for a design that no longer remembers the template it came from."""
    from model.native_format import dumps, loads
    text = ("Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n"
            "    Type: AWS::Serverless::Function\n"
            "    Properties: {Runtime: python3.12, Handler: app.handler, InlineCode: 'x'}\n")
    design = loads(dumps(load_template(text.encode(), "sam.yaml").diagram))
    exported, back = round_trip(design)
    assert build_template(design)["Transform"] == "AWS::Serverless-2016-10-31"
    assert lint_errors(exported) == []
    assert model_differences(design, back) == []
