"""route-blackhole: routes to missing targets, unattached gateways, or another VPC's devices."""

from __future__ import annotations

import pytest

from validators.rules.route_blackhole import RULE

from .helpers import findings, network


def deleted_nat():
    b = network()
    b.add("NatGateway", "nat", "pub-a")
    b.route_table("rt-private", "vpc", routes=[("0.0.0.0/0", "nat")], subnets=["priv-a"])
    b.remove("nat")
    return b.diagram


def unattached_igw():
    b = network()
    b.set("igw", vpc="")
    return b.diagram


def other_vpcs_nat():
    b = network()
    b.vpc("other", "10.1.0.0/16")
    b.subnet("o", "other", "10.1.0.0/24")
    b.add("NatGateway", "nat", "o")
    b.route_table("rt-private", "vpc", routes=[("0.0.0.0/0", "nat")])
    return b.diagram


def foreign_peering():
    b = network()
    b.vpc("x", "10.1.0.0/16")
    b.vpc("y", "10.2.0.0/16")
    b.add("VpcPeering", "pcx", "region", requester="x", accepter="y")
    b.route_table("rt-private", "vpc", routes=[("10.1.0.0/16", "pcx")])
    return b.diagram


def unattached_tgw():
    b = network()
    b.add("TransitGateway", "tgw", "region")
    b.route_table("rt-private", "vpc", routes=[("10.8.0.0/16", "tgw")])
    return b.diagram


def attached_tgw():
    diagram = unattached_tgw()
    from model import edits
    diagram.apply(edits.add_resource(diagram, "TransitGatewayAttachment", "att", parent="vpc",
                                     properties={"transit_gateway": "tgw", "subnets": ["priv-a"]}))
    return diagram


TRIGGERS = [
    pytest.param(deleted_nat(), [("rt-private", "nat")], id="deleted-nat-gateway"),
    pytest.param(unattached_igw(), [("rt-public", "igw")], id="internet-gateway-not-attached"),
    pytest.param(other_vpcs_nat(), [("rt-private", "nat")], id="nat-gateway-of-another-vpc"),
    pytest.param(foreign_peering(), [("rt-private", "pcx")], id="peering-between-two-other-vpcs"),
    pytest.param(unattached_tgw(), [("rt-private", "tgw")], id="transit-gateway-not-attached"),
]

NEAR_MISSES = [
    pytest.param(network().diagram, id="attached-internet-gateway"),
    pytest.param(attached_tgw(), id="transit-gateway-attached-to-this-vpc"),
]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    assert [f.resources for f in findings(RULE, diagram)] == involved


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []


def test_a_deleted_target_is_named_by_its_id():
    [f] = findings(RULE, deleted_nat())
    assert f.message == "Route table rt-private: the route to 0.0.0.0/0 goes to nat, which does not exist."
