"""Intrinsic functions evaluate as CloudFormation would; what cannot be known stays symbolic."""

from __future__ import annotations

import pytest

from model.errors import LoadError
from model.schema import Unresolved

from .support import load

_VPC = """\
Parameters:
  Block: {Type: String, Default: 10.8.0.0/16}
  NoDefault: {Type: String}
  Names: {Type: CommaDelimitedList, Default: "a, b,c"}
  Env: {Type: String, Default: prod}
  LatestAmi: {Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /aws/service/x}
Mappings:
  Sizes:
    prod: {Type: m7g.large}
    dev: {Type: t3.micro}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [a, a]]
  Either: !Or [!Condition IsDev, !Equals [1, "1"]]
  Unknown: !Equals [!Ref NoDefault, x]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: !Ref Block}
"""


def vpc_with(subnet_properties: str, region: str = "us-east-1", extra: str = ""):
    text = _VPC + f"""\
  Net:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
{subnet_properties}
{extra}"""
    return load(text, region=region).diagram


def test_parameter_defaults_and_fn_cidr_give_the_subnet_aws_would_create():
    d = vpc_with("      CidrBlock: !Select [2, !Cidr [!GetAtt Vpc.CidrBlock, 4, 6]]")
    assert d["Vpc"].get("cidr_blocks") == ("10.8.0.0/16",)
    assert d["Net"].get("cidr") == "10.8.0.128/26"


def test_fn_cidr_out_of_range_is_an_error_at_its_line():
    with pytest.raises(LoadError) as caught:
        vpc_with("      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 300, 8]]")
    assert "between 1 and 256" in caught.value.message and "resource 'Net'" in caught.value.message
    assert caught.value.line == 25  # the line of the !Cidr


def test_get_azs_lists_the_regions_zones_in_order():
    d = vpc_with("      CidrBlock: 10.8.1.0/24\n      AvailabilityZone: !Select [2, !GetAZs '']",
                 region="ap-northeast-1")
    assert d["Net"].get("availability_zone") == "ap-northeast-1d"
    assert d["Net"].parent == "Vpc-ap-northeast-1d"


def test_get_azs_of_a_region_not_in_the_table_stays_symbolic():
    d = vpc_with("      CidrBlock: 10.8.1.0/24\n      AvailabilityZone: !Select [0, !GetAZs '']",
                 region="xx-nowhere-1")
    assert d["Net"].get("availability_zone") == Unresolved("!Select [0, !GetAZs '']")
    assert d["Net"].parent == "Vpc"  # no zone known, so no zone box


def test_select_outside_the_list_is_an_error():
    with pytest.raises(LoadError, match="index 7 is outside the list, which has 6 items"):
        vpc_with("      CidrBlock: 10.8.1.0/24\n      AvailabilityZone: !Select [7, !GetAZs '']")


def test_a_parameter_without_default_stays_symbolic():
    d = vpc_with("      CidrBlock: !Ref NoDefault")
    assert d["Net"].get("cidr") == Unresolved("!Ref NoDefault")


def test_ssm_parameter_values_are_known_only_at_deploy_time():
    d = load(_VPC + "  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n"
                    "      ImageId: !Ref LatestAmi\n      SubnetId: !Ref Net\n"
                    "  Net:\n    Type: AWS::EC2::Subnet\n    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.8.0.0/24}\n"
             ).diagram
    assert d["Web"].get("ami") == Unresolved("!Ref LatestAmi")


def test_sub_with_parameters_pseudo_parameters_attributes_and_literals():
    d = vpc_with("      CidrBlock: 10.8.1.0/24",
                 extra="  Tg:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n"
                       "      VpcId: !Ref Vpc\n"
                       "      HealthCheckPath: !Sub '/${Env}/${AWS::Region}/${Net.CidrBlock}/${!Literal}'\n")
    assert d["Tg"].get("health_check_path") == "/prod/us-east-1/10.8.1.0/24/${Literal}"


def test_sub_with_a_variable_map_and_an_unknown_part_keeps_the_rest_resolved():
    d = vpc_with("      CidrBlock: 10.8.1.0/24",
                 extra="  Tg:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n"
                       "      VpcId: !Ref Vpc\n"
                       "      HealthCheckPath: !Sub ['/${Stage}/${AWS::AccountId}', {Stage: !Ref Env}]\n")
    assert d["Tg"].get("health_check_path") == Unresolved("!Sub '/prod/${AWS::AccountId}'")


def test_join_split_and_comma_delimited_lists():
    d = vpc_with("      CidrBlock: 10.8.1.0/24",
                 extra="  Tg:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n"
                       "      VpcId: !Ref Vpc\n"
                       "      HealthCheckPath: !Join ['/', [!Select [1, !Ref Names], "
                       "!Select [1, !Split ['-', x-y-z]]]]\n")
    assert d["Tg"].get("health_check_path") == "b/y"


def test_conditions_and_if_choose_the_taken_branch():
    d = vpc_with("      CidrBlock: !If [IsDev, 10.8.9.0/24, !If [Both, 10.8.1.0/24, 10.8.2.0/24]]\n"
                 "      MapPublicIpOnLaunch: !If [Either, true, false]")
    assert d["Net"].get("cidr") == "10.8.1.0/24"
    assert d["Net"].get("map_public_ip_on_launch") is True


def test_if_on_a_condition_that_cannot_be_decided_stays_symbolic():
    d = vpc_with("      CidrBlock: !If [Unknown, 10.8.1.0/24, 10.8.2.0/24]")
    assert d["Net"].get("cidr") == Unresolved("!If [Unknown, 10.8.1.0/24, 10.8.2.0/24]")


def test_find_in_map_and_a_missing_key():
    d = load(_VPC + "  Net:\n    Type: AWS::EC2::Subnet\n    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.8.0.0/24}\n"
                    "  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n"
                    "      SubnetId: !Ref Net\n      ImageId: ami-1\n"
                    "      InstanceType: !FindInMap [Sizes, !Ref Env, Type]\n").diagram
    assert d["Web"].get("instance_type") == "m7g.large"
    with pytest.raises(LoadError, match="the mapping 'Sizes' has no key 'staging'"):
        load(_VPC + "  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n"
                    "      ImageId: ami-1\n      InstanceType: !FindInMap [Sizes, staging, Type]\n")


def test_import_value_and_the_account_id_stay_symbolic():
    d = vpc_with("      CidrBlock: !ImportValue shared-cidr",
                 extra="  Tg:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n"
                       "      VpcId: !Ref Vpc\n      HealthCheckPath: !Ref AWS::AccountId\n")
    assert d["Net"].get("cidr") == Unresolved("!ImportValue shared-cidr")
    assert d["Tg"].get("health_check_path") == Unresolved("!Ref 'AWS::AccountId'")


def test_pseudo_parameters_of_the_region_and_partition():
    d = vpc_with("      CidrBlock: 10.8.1.0/24", region="cn-north-1",
                 extra="  Tg:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n"
                       "      VpcId: !Ref Vpc\n"
                       "      HealthCheckPath: !Sub '/${AWS::Region}/${AWS::Partition}/${AWS::URLSuffix}'\n")
    assert d["Tg"].get("health_check_path") == "/cn-north-1/aws-cn/amazonaws.com.cn"


def test_no_value_removes_the_property():
    d = vpc_with("      CidrBlock: 10.8.1.0/24\n      MapPublicIpOnLaunch: !If [IsDev, true, !Ref AWS::NoValue]")
    assert d["Net"].get("map_public_ip_on_launch") is False  # absent: AWS's default


def test_base64_encodes():
    d = load(_VPC + "  Net:\n    Type: AWS::EC2::Subnet\n    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.8.0.0/24}\n"
                    "  Thing:\n    Type: AWS::SSM::Parameter\n    Properties: {Type: String, Value: !Base64 hello}\n"
             ).diagram
    assert d["Thing"].get("cfn_properties")["Value"] == "aGVsbG8="


def test_a_resource_whose_condition_is_false_is_left_out_with_a_note():
    result = load(_VPC + "  Extra:\n    Type: AWS::EC2::InternetGateway\n    Condition: IsDev\n")
    assert "Extra" not in result.diagram
    assert any("Extra: left out, because its condition IsDev is false" in n for n in result.notes)


def test_circular_conditions_are_an_error():
    with pytest.raises(LoadError, match="circular conditions: A → B → A"):
        load("Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\n"
             "Resources:\n  G:\n    Type: AWS::EC2::InternetGateway\n    Condition: A\n")
