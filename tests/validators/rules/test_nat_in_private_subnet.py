"""nat-in-private-subnet: a public NAT gateway in a subnet with no route to an internet gateway."""

from __future__ import annotations

import pytest

from validators.rules.nat_in_private_subnet import RULE

from .helpers import findings, network


def nat_in(subnet, connectivity="public", setup=None):
    b = network()
    if setup:
        setup(b)
    b.add("NatGateway", "nat", subnet, connectivity=connectivity)
    return b.diagram


def main_table_to_igw(b):
    b.route_table("rt-main", "vpc", routes=[("0.0.0.0/0", "igw")], main=True)


def partial_route_to_igw(b):
    """Not the default route, but a route to the internet gateway all the same: by AWS's definition
    the subnet is public, which is all this rule asks."""
    b.route_table("rt-x", "vpc", routes=[("198.51.100.0/24", "igw")], subnets=["priv-a"])


def main_table_local_only(b):
    b.route_table("rt-main", "vpc", routes=[], main=True)


#: (design, the resources the finding names: the NAT gateway, its subnet, and the route table that
#: subnet uses when one is drawn, since that is where the missing route belongs)
TRIGGERS = [
    pytest.param(nat_in("priv-a"), ("nat", "priv-a"), id="subnet-with-local-routes-only"),
    pytest.param(nat_in("priv-a", setup=lambda b: b.route_table(
        "rt-s3", "vpc", routes=[("pl-s3", "igw")], subnets=["priv-a"])), ("nat", "priv-a", "rt-s3"),
        id="prefix-list-route-only"),
    pytest.param(nat_in("priv-a", setup=main_table_local_only), ("nat", "priv-a", "rt-main"),
                 id="main-route-table-with-local-routes-only"),
]

NEAR_MISSES = [
    pytest.param(nat_in("pub-a"), id="public-subnet-with-own-table"),
    pytest.param(nat_in("priv-a", setup=main_table_to_igw),
                 id="routed-to-the-igw-through-the-main-route-table"),
    pytest.param(nat_in("priv-a", connectivity="private"), id="private-nat-gateway"),
    pytest.param(nat_in("priv-a", setup=partial_route_to_igw),
                 id="a-route-to-the-igw-that-is-not-the-default"),
]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    assert [f.resources for f in findings(RULE, diagram)] == [involved]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
