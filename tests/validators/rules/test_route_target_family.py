"""route-target-family: no IPv4 to egress-only gateways, no IPv6 to NAT gateways (but NAT64)."""

from __future__ import annotations

import pytest

from validators.rules.route_target_family import RULE

from .helpers import findings, network


def table(destination, target):
    b = network()
    b.add("NatGateway", "nat", "pub-a")
    b.add("EgressOnlyInternetGateway", "eigw", "vpc", vpc="vpc")
    b.route_table("rt", "vpc", routes=[(destination, target)])
    return b.diagram


TRIGGERS = [
    pytest.param(table("0.0.0.0/0", "eigw"), ("rt", "eigw"), id="ipv4-to-egress-only"),
    pytest.param(table("::/0", "nat"), ("rt", "nat"), id="ipv6-to-nat"),
]
NEAR_MISSES = [
    pytest.param(table("::/0", "eigw"), id="ipv6-to-egress-only"),
    pytest.param(table("64:ff9b::/96", "nat"), id="nat64-prefix"),
    pytest.param(table("0.0.0.0/0", "nat"), id="ipv4-to-nat"),
]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    assert [f.resources for f in findings(RULE, diagram)] == [involved]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
