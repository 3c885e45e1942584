"""Exporting a design opened from a template keeps what the template said beyond its values
(Parameters, Mappings, Conditions, Outputs, expressions, conditions of resources), as long as the
result still reads back as the design; edited values are written as they now are."""

from __future__ import annotations

import json

import main
from model import edits
from model.cloudformation import export_template, load_template
from model.cloudformation.exporter import build_template
from model.documents import open_design
from model.native_format import dumps, loads

from .support import FIXTURES, lint_errors, lint_warnings, load, model_differences


def _opened(name: str):
    return open_design(str(FIXTURES / name)).diagram


def _read_back(text: str, fmt: str = "yaml"):
    return load_template(text.encode(), f"export.{fmt}").diagram


def test_parameters_conditions_outputs_and_expressions_of_the_template_are_kept():
    design = _opened("two-az-vpc.yaml")
    template = build_template(design)
    assert list(template["Parameters"]) == ["EnvironmentName", "VpcCIDR", "SubnetBits",
                                            "CreateNatGateways"]
    assert template["Parameters"]["CreateNatGateways"]["AllowedValues"] == ["true", "false"]
    assert template["Conditions"] == {"WithNat": {"Fn::Equals": [{"Ref": "CreateNatGateways"}, "true"]}}
    assert set(template["Outputs"]) == {"VPC", "PublicSubnets", "PrivateSubnets"}
    resources = template["Resources"]
    assert resources["VPC"]["Properties"]["CidrBlock"] == {"Ref": "VpcCIDR"}
    assert resources["PrivateSubnet2"]["Properties"]["CidrBlock"] == {"Fn::Select": [
        3, {"Fn::Cidr": [{"Fn::GetAtt": ["VPC", "CidrBlock"]}, 4, {"Ref": "SubnetBits"}]}]}
    assert resources["PublicSubnet1"]["Properties"]["AvailabilityZone"] == \
        {"Fn::Select": [0, {"Fn::GetAZs": ""}]}
    assert not any(name.startswith("Zone") for name in template["Parameters"])  # none needed now


def test_the_kept_template_lints_clean_in_both_formats_and_reads_back_as_the_design():
    design = _opened("two-az-vpc.yaml")
    for fmt in ("yaml", "json"):
        text = export_template(design, fmt)
        assert lint_errors(text) == []
        assert model_differences(design, _read_back(text, fmt)) == []
    assert "!Ref VpcCIDR" in export_template(design, "yaml")


def test_resources_written_under_ids_of_their_own_get_the_templates_ids_and_conditions():
    # routes fold into their route table and EIPs into their NAT gateway; written again, they
    # are found by their properties (a route) or by what names them (the NAT gateway's EIP)
    template = build_template(_opened("two-az-vpc.yaml"))
    resources = template["Resources"]
    for logical in ("DefaultPrivateRoute1", "NatGateway1EIP", "NatGateway1", "NatGateway2EIP"):
        assert resources[logical]["Condition"] == "WithNat", logical
    assert resources["NatGateway1"]["Properties"]["AllocationId"] == \
        {"Fn::GetAtt": ["NatGateway1EIP", "AllocationId"]}
    assert "Condition" not in resources["DefaultPublicRoute"]
    text = export_template(_opened("two-az-vpc.yaml"))
    assert lint_errors(text) == [] and lint_warnings(text) == []


def test_a_condition_is_dropped_where_a_resource_written_without_it_names_the_resource():
    # a route table drawn in Kumozu sends traffic to NatGateway1: the template must then create
    # that NAT gateway (and its EIP) whatever WithNat says, or it would not deploy
    design = _opened("two-az-vpc.yaml")
    design.apply(edits.add_resource(design, "RouteTable", "Extra", parent="VPC", properties={
        "routes": [{"destination": "0.0.0.0/0", "target": "NatGateway1"}]}))
    resources = build_template(design)["Resources"]
    assert "Condition" not in resources["NatGateway1"] and "Condition" not in resources["NatGateway1EIP"]
    assert resources["NatGateway2"]["Condition"] == "WithNat"
    text = export_template(design)
    assert lint_errors(text) == []
    assert model_differences(design, _read_back(text)) == []


def test_an_edited_value_is_written_as_it_is_now_and_the_others_keep_their_expressions():
    design = _opened("two-az-vpc.yaml")
    design.apply(edits.set_property(design, "PublicSubnet1", "cidr", "10.192.10.0/24"))
    resources = build_template(design)["Resources"]
    assert resources["PublicSubnet1"]["Properties"]["CidrBlock"] == "10.192.10.0/24"
    assert "Fn::Cidr" in json.dumps(resources["PublicSubnet2"]["Properties"]["CidrBlock"])
    text = export_template(design)
    assert lint_errors(text) == []
    assert model_differences(design, _read_back(text)) == []


def test_expressions_naming_an_edited_value_are_written_as_literals_too():
    design = _opened("two-az-vpc.yaml")
    design.apply(edits.set_property(design, "VPC", "cidr_blocks", ("10.50.0.0/16",)))
    resources = build_template(design)["Resources"]
    assert resources["VPC"]["Properties"]["CidrBlock"] == "10.50.0.0/16"
    # the subnets' !Cidr of the VPC's block would now give 10.50.x.0/24, not the drawn blocks
    assert resources["PublicSubnet1"]["Properties"]["CidrBlock"] == "10.192.0.0/24"
    assert resources["InternetGateway"]["Properties"]["Tags"][0]["Value"] == \
        {"Fn::Sub": "${EnvironmentName}-igw"}  # untouched resources keep their expressions
    assert model_differences(design, _read_back(export_template(design))) == []


def test_mappings_and_find_in_map_are_kept():
    design = _opened("serverless-api.yaml")
    template = build_template(design)
    assert "Mappings" in template
    memory = template["Resources"]["ItemsFunction"]["Properties"]["MemorySize"]
    assert "Fn::FindInMap" in json.dumps(memory)
    assert model_differences(design, _read_back(export_template(design))) == []


def test_a_resource_a_false_condition_left_out_is_written_back_with_its_condition():
    design = _opened("ecs-fargate-alb.yaml")
    assert "HttpsListener" not in design
    template = build_template(design)
    listener = template["Resources"]["HttpsListener"]
    assert listener["Condition"] == "HasCertificate"
    text = export_template(design)
    assert lint_errors(text) == []
    back = _read_back(text)
    assert "HttpsListener" not in back and model_differences(design, back) == []


_LEFT_OUT = """\
Parameters:
  Env: {Type: String, Default: dev}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Gateway:
    Type: AWS::EC2::InternetGateway
  ProdAttachment:
    Type: AWS::EC2::VPCGatewayAttachment
    Condition: IsProd
    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Gateway}
Outputs:
  GatewayId:
    Value: !Ref Gateway
"""


def test_a_left_out_resource_naming_a_deleted_resource_is_not_written_back():
    design = load(_LEFT_OUT).diagram
    assert "ProdAttachment" in build_template(design)["Resources"]
    design.apply(edits.remove_resources(design, ["Gateway"]))
    template = build_template(design)
    assert "ProdAttachment" not in template["Resources"]
    assert "Outputs" not in template  # its only output named the gateway
    assert template["Conditions"] == {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}}
    assert lint_errors(export_template(design)) == []


def test_transform_and_other_template_metadata_are_kept():
    text = ("Transform: AWS::LanguageExtensions\n"
            "Metadata:\n  AWS::CloudFormation::Interface:\n"
            "    ParameterGroups: [{Label: {default: Network}, Parameters: [Block]}]\n"
            "Parameters:\n  Block: {Type: String, Default: 10.1.0.0/16}\n"
            "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: !Ref Block}\n")
    design = load(text).diagram
    template = build_template(design)
    assert template["Transform"] == "AWS::LanguageExtensions"
    assert "AWS::CloudFormation::Interface" in template["Metadata"]
    assert template["Resources"]["Vpc"]["Properties"]["CidrBlock"] == {"Ref": "Block"}
    assert lint_errors(export_template(design)) == []


def test_a_design_not_opened_from_a_template_has_nothing_to_keep():
    design = load(_LEFT_OUT).diagram
    reopened = loads(dumps(design))
    template = build_template(reopened)
    assert "Conditions" not in template and "ProdAttachment" not in template["Resources"]
    assert model_differences(reopened, _read_back(export_template(reopened))) == []


def test_the_export_command_keeps_the_templates_parameters(tmp_path):
    out = tmp_path / "vpc.cfn.yaml"
    assert main.main(["export", str(FIXTURES / "two-az-vpc.yaml"), "-o", str(out)]) == 0
    text = out.read_text()
    assert "VpcCIDR:" in text and "WithNat: !Equals" in text and "!Ref VpcCIDR" in text


def test_tags_the_model_does_not_hold_are_kept():
    design = load("Parameters:\n  Team: {Type: String, Default: web}\nResources:\n"
                  "  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n"
                  "      Tags: [{Key: Name, Value: main}, {Key: Team, Value: !Ref Team}]\n"
                  "  Gateway:\n    Type: AWS::EC2::InternetGateway\n"
                  "    Properties: {Tags: [{Key: CostCenter, Value: '42'}]}\n").diagram
    resources = build_template(design)["Resources"]
    assert resources["Vpc"]["Properties"]["Tags"] == [{"Key": "Name", "Value": "main"},
                                                      {"Key": "Team", "Value": {"Ref": "Team"}}]
    assert resources["Gateway"]["Properties"]["Tags"] == [{"Key": "CostCenter", "Value": "42"}]
    text = export_template(design)
    assert lint_errors(text) == []
    assert model_differences(design, _read_back(text)) == []
