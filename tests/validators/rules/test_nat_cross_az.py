"""nat-cross-az: a private subnet whose default route uses a NAT gateway in another zone."""

from __future__ import annotations

import pytest

from validators.rules.nat_cross_az import RULE

from .helpers import findings, network


def routed(subnet, nat_subnet):
    b = network()
    b.add("NatGateway", "nat", nat_subnet)
    b.route_table("rt-private", "vpc", routes=[("0.0.0.0/0", "nat")], subnets=[subnet])
    return b.diagram


def one_nat_per_zone():
    b = network()
    b.add("NatGateway", "nat-a", "pub-a")
    b.add("NatGateway", "nat-b", "pub-b")
    b.route_table("rt-a", "vpc", routes=[("0.0.0.0/0", "nat-a")], subnets=["priv-a"])
    b.route_table("rt-b", "vpc", routes=[("0.0.0.0/0", "nat-b")], subnets=["priv-b"])
    return b.diagram


TRIGGERS = [pytest.param(routed("priv-b", "pub-a"), id="zone-b-subnet-through-zone-a-nat")]

NEAR_MISSES = [
    pytest.param(routed("priv-a", "pub-a"), id="same-zone"),
    pytest.param(one_nat_per_zone(), id="one-nat-gateway-per-zone"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    [f] = findings(RULE, diagram)
    assert f.resources == ("priv-b", "rt-private", "nat")  # subnet, the table to change, NAT
    assert "us-east-1b" in f.message and "us-east-1a" in f.message


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
