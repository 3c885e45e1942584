"""The fixture templates, written in the style of AWS's public samples, import with the facts a
reader of the template expects, validate without errors, and draw."""

from __future__ import annotations

import json
import struct

import pytest

import main
from model.documents import DesignFormat, open_design
from model.schema import Unresolved

from .large_template import large_template
from .support import FIXTURES, SAMPLE_TEMPLATES, load_fixture


@pytest.mark.parametrize("name", SAMPLE_TEMPLATES + ("large-500.yaml",))
def test_validate_reads_the_template_and_finds_no_errors(name, capsys):
    assert main.main(["validate", str(FIXTURES / name)]) == 0
    out = capsys.readouterr().out
    assert " 0 errors, " in out


def test_the_committed_large_fixture_is_what_the_generator_makes():
    assert (FIXTURES / "large-500.yaml").read_text() == large_template()


def test_two_az_vpc_resolves_fn_cidr_subnets_and_one_nat_gateway_per_zone():
    result = load_fixture("two-az-vpc.yaml")
    d = result.diagram
    assert [d[s].get("cidr") for s in ("PublicSubnet1", "PublicSubnet2", "PrivateSubnet1",
                                       "PrivateSubnet2")] == \
        ["10.192.0.0/24", "10.192.1.0/24", "10.192.2.0/24", "10.192.3.0/24"]
    assert d["PublicSubnet1"].parent == "VPC-us-east-1a" and d["PrivateSubnet2"].parent == "VPC-us-east-1b"
    assert d["NatGateway1"].parent == "PublicSubnet1" and d["NatGateway2"].parent == "PublicSubnet2"
    assert d["PrivateRouteTable2"].get("routes")[0]["target"] == "NatGateway2"
    assert d["PublicSubnet1"].name == "demo Public Subnet (AZ1)"


def test_two_az_vpc_in_another_region_uses_that_regions_zones():
    d = load_fixture("two-az-vpc.yaml", region="ap-northeast-1").diagram
    assert d["PublicSubnet2"].get("availability_zone") == "ap-northeast-1c"
    assert d["ap-northeast-1"].kind == "Region"


def test_ecs_fargate_service_behind_its_load_balancer():
    result = load_fixture("ecs-fargate-alb.yaml")
    d = result.diagram
    assert "HttpsListener" not in d  # its condition is false without a certificate
    assert [l["protocol"] for l in d["PublicLoadBalancer"].get("listeners")] == ["HTTP"]
    service = d["Service"]
    assert (service.parent, service.get("subnets"), service.get("launch_type")) == \
        ("ECSCluster", ("PrivateSubnetOne", "PrivateSubnetTwo"), "FARGATE")
    assert d["TaskDefinition"].get("memory") == 1024
    assert d["ServiceSecurityGroup"].get("ingress")[0]["source_group"] == "PublicLoadBalancerSG"


def test_serverless_api_integrations_stages_and_event_sources():
    d = load_fixture("serverless-api.yaml").diagram
    rest = d["Api"]
    assert [(i["route"], i["target"]) for i in rest.get("integrations")] == \
        [("GET /items", "ItemsFunction"), ("GET /items/{id}", "ItemsFunction")]
    assert rest.get("stages") == ("prod",)
    assert d["ItemsFunction"].get("memory") == 1024  # from the mapping for the prod stage
    assert d["WorkerFunction"].get("event_sources") == ("WorkQueue",)
    assert d["WorkQueue"].get("dead_letter_queue") == "DeadLetterQueue"
    assert d["NightlyRule"].get("targets") == ("WorkerFunction",)
    assert "ApiInvokePermission" not in d and "NightlyPermission" not in d


def test_static_site_edge_services_sit_outside_every_region():
    d = load_fixture("static-site.yaml").diagram
    for rid in ("Distribution", "HostedZone", "Certificate"):
        assert d[rid].parent is None, rid
    assert d["Distribution"].get("origins")[0]["access_control"] == "oac"
    assert d["SiteBucket"].get("bucket_name") == Unresolved("!Sub 'example.org-site-${AWS::AccountId}'")
    zone_records = {r.get("record_type") for r in d.children("HostedZone")}
    assert zone_records == {"A", "AAAA", "CNAME", "MX"}


def test_vpc_peering_routes_both_ways_and_the_transit_gateway():
    d = load_fixture("vpc-peering.yaml").diagram
    assert d["Peering"].get("requester") == "AppVpc" and d["Peering"].get("accepter") == "PartnerVpc"
    assert d["PartnerRouteTable"].get("routes")[0] == {"destination": "10.10.0.0/16", "target": "Peering"}
    assert d["AppVpc"].get("cidr_blocks") == ("10.10.0.0/16", "10.11.0.0/20")
    assert d["DataSubnet"].get("cidr") == "10.11.4.0/22"
    assert isinstance(d["AppSubnet"].get("ipv6_cidr"), Unresolved)  # AWS picks the /56


def test_app_stack_keeps_unknown_types_and_imported_values():
    result = load_fixture("app-stack-imports.json")
    d = result.diagram
    assert d["EventsCluster"].get("resource_type") == "AWS::MSK::Cluster"
    assert d["SeedData"].get("resource_type") == "Custom::SeedData"
    vpc = d[d["AppSecurityGroup"].parent]
    assert vpc.get("existing") == Unresolved("!ImportValue network-VPCID")
    assert d[d["AppServer"].parent].parent == vpc.id  # its subnet is drawn in the group's VPC
    assert sum("not a type Kumozu models" in n for n in result.notes) == 3


def test_open_design_recognises_templates_and_lays_them_out():
    opened = open_design(str(FIXTURES / "two-az-vpc.yaml"))
    assert opened.format is DesignFormat.CLOUDFORMATION
    assert all(opened.diagram.geometry(r.id) is not None for r in opened.diagram)
    assert any("main route table" in n for n in opened.notes)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["ecs-fargate-alb.yaml", "static-site.yaml"])
def test_export_draws_a_template_as_a_picture(name, tmp_path):
    out = tmp_path / "picture.png"
    assert main.main(["export", str(FIXTURES / name), "-o", str(out), "--scale", "1"]) == 0
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width > 400 and height > 300


def test_findings_on_a_template_name_its_logical_ids(tmp_path, capsys):
    path = tmp_path / "overlap.yaml"
    path.write_text("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
                    "  MyVpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n"
                    "  WebSubnet:\n    Type: AWS::EC2::Subnet\n"
                    "    Properties: {VpcId: !Ref MyVpc, CidrBlock: 10.0.1.0/24}\n"
                    "  OtherSubnet:\n    Type: AWS::EC2::Subnet\n"
                    "    Properties: {VpcId: !Ref MyVpc, CidrBlock: 10.0.1.0/25}\n")
    assert main.main(["validate", str(path), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    overlap = [f for f in report["findings"] if f["rule"] == "cidr-overlap"]
    assert overlap and set(overlap[0]["resources"]) == {"WebSubnet", "OtherSubnet"}


def test_the_region_option_sets_aws_region_and_the_zones_of_a_template(tmp_path):
    out = tmp_path / "vpc.kumozu.yaml"
    assert main.main(["export", str(FIXTURES / "two-az-vpc.yaml"), "--region", "ap-northeast-1",
                      "-o", str(out)]) == 0
    design = open_design(str(out)).diagram
    assert design["ap-northeast-1"].kind == "Region"
    assert design["PublicSubnet2"].get("availability_zone") == "ap-northeast-1c"
