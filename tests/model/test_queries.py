"""Queries encode how AWS reads a design."""

from __future__ import annotations

import pytest

from model import edits
from model import queries as q
from tests.support.builder import load_example


@pytest.fixture
def vpc(builder):
    v = builder.vpc("vpc", "10.0.0.0/16", "10.1.0.0/16")
    builder.az("az-a", v, "us-east-1a")
    builder.internet_gateway("igw", v)
    builder.subnet("pub", "az-a", "10.0.0.0/24")
    builder.subnet("priv", "az-a", "10.0.1.0/24")
    builder.subnet("loose", v, "10.0.2.0/24", availability_zone="us-east-1b")
    return builder


def test_a_subnet_without_a_table_uses_the_main_route_table(vpc):
    assert q.route_table_of(vpc.diagram, "priv") is None
    vpc.route_table("main", "vpc", routes=[("0.0.0.0/0", "igw")], main=True)
    assert q.route_table_of(vpc.diagram, "priv").id == "main"
    assert q.is_public_subnet(vpc.diagram, "priv"), "public through the main route table"
    vpc.route_table("private", "vpc", subnets=["priv"])
    assert q.route_table_of(vpc.diagram, "priv").id == "private"
    assert not q.is_public_subnet(vpc.diagram, "priv")


def test_public_means_a_route_to_an_internet_gateway(vpc):
    vpc.add("NatGateway", "nat", "pub")
    vpc.route_table("rt-priv", "vpc", routes=[("0.0.0.0/0", "nat")], subnets=["priv"])
    vpc.route_table("rt-pub", "vpc", routes=[("0.0.0.0/0", "igw")], subnets=["pub"])
    assert q.is_public_subnet(vpc.diagram, "pub")
    assert not q.is_public_subnet(vpc.diagram, "priv"), "a NAT route does not make a subnet public"


def test_effective_routes_add_local_and_endpoint_routes(vpc):
    vpc.route_table("rt", "vpc", routes=[("0.0.0.0/0", "igw")], subnets=["pub"])
    vpc.add("VpcEndpoint", "s3", "vpc", endpoint_type="gateway", service="s3", route_tables=["rt"])
    routes = q.effective_routes(vpc.diagram, "rt")
    assert [(r.destination, r.target, r.origin) for r in routes] == [
        ("10.0.0.0/16", "local", "local"), ("10.1.0.0/16", "local", "local"),
        ("0.0.0.0/0", "igw", "static"), ("pl-s3", "s3", "endpoint")]


def test_a_gateway_endpoint_whose_service_a_template_left_unknown_routes_no_known_service(vpc):
    """Found by the stateful editor test: a service written as an unresolved ``!Ref`` raised
    AttributeError in every query of the route table (and with it every validation and undo)."""
    from model.schema import Unresolved
    vpc.route_table("rt", "vpc", subnets=["pub"])
    vpc.add("VpcEndpoint", "ep", "vpc", endpoint_type="gateway", service=Unresolved("!Ref Service"),
            route_tables=["rt"])
    routes = q.effective_routes(vpc.diagram, "rt")
    assert [(r.destination, r.target) for r in routes if r.origin == "endpoint"] == [("pl-unresolved", "ep")]
    from validators.engine import validate
    validate(vpc.diagram)


def test_a_subnet_zone_comes_from_its_zone_box_or_its_property(vpc):
    assert q.az_of(vpc.diagram, "pub") == "us-east-1a"
    assert q.az_of(vpc.diagram, "loose") == "us-east-1b"
    vpc.add("Instance", "web", "pub")
    assert q.az_of(vpc.diagram, "web") == "us-east-1a"


def test_placement_through_subnet_lists_and_subnet_groups(vpc):
    vpc.add("LoadBalancer", "alb", "vpc", subnets=["pub", "loose"])
    vpc.add("DbSubnetGroup", "dbs", "vpc", subnets=["priv", "loose"])
    vpc.add("RdsInstance", "db", "vpc", db_subnet_group="dbs")
    vpc.add("AutoScalingGroup", "asg", "vpc", subnets=["priv"])
    vpc.add("Instance", "member", "asg")
    d = vpc.diagram
    assert [s.id for s in q.subnets_of(d, "alb")] == ["pub", "loose"]
    assert [s.id for s in q.subnets_of(d, "db")] == ["priv", "loose"]
    assert [s.id for s in q.subnets_of(d, "member")] == ["priv"]
    assert q.vpc_of(d, "db").id == "vpc"
    assert {r.id for r in q.resources_in_subnet(d, "loose")} == {"alb", "db"}, "a group has no ENI"
    assert q.zones_of(d, q.subnets_of(d, "alb")) == {"us-east-1a", "us-east-1b"}


def test_region_of_prefers_a_certificates_own_region(builder):
    builder.add("AcmCertificate", "cert", builder.region_id)
    builder.add("AcmCertificate", "cdn-cert", region="us-east-1")
    builder.set("region", region="ap-northeast-1")
    assert q.region_of(builder.diagram, "cert") == "ap-northeast-1"
    assert q.region_of(builder.diagram, "cdn-cert") == "us-east-1"


def test_targets_include_groups_and_services_registered_elsewhere():
    d = load_example("dual-az-web")
    assert [t.id for t in q.targets_of(d, "web-tg")] == ["web-asg"]
    assert [g.id for g in q.security_groups_of(d, "web")] == ["web-sg"], "inherited from the group"


def test_indexes_follow_edits(vpc):
    vpc.route_table("main", "vpc", main=True)
    assert q.main_route_table(vpc.diagram, "vpc").id == "main"
    vpc.diagram.apply(edits.set_property(vpc.diagram, "main", "main", False))
    assert q.main_route_table(vpc.diagram, "vpc") is None
