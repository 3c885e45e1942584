"""ipv6-default-route-missing: dual-stack subnets need a ::/0 route of their own."""

from __future__ import annotations

import pytest

from validators.rules.ipv6_default_route_missing import RULE

from .helpers import findings, network


def dual_stack(extra_routes=(), subnet_ipv6="2600:1f18::/64"):
    b = network()
    b.set("vpc", ipv6_cidr="2600:1f18::/56")
    b.add("EgressOnlyInternetGateway", "eigw", "vpc", vpc="vpc")
    b.subnet("web", "az-a", "10.0.20.0/24", ipv6_cidr=subnet_ipv6)
    b.route_table("rt-web", "vpc", routes=[("0.0.0.0/0", "igw"), *extra_routes], subnets=["web"])
    return b.diagram


TRIGGERS = [pytest.param(dual_stack(), id="ipv4-default-only")]
NEAR_MISSES = [
    pytest.param(dual_stack([("::/0", "igw")]), id="ipv6-default-to-igw"),
    pytest.param(dual_stack([("::/0", "eigw")]), id="ipv6-default-to-egress-only"),
    pytest.param(dual_stack(subnet_ipv6=""), id="ipv4-only-subnet"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("web", "rt-web")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
