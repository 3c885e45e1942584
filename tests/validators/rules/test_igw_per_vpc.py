"""igw-per-vpc: one internet gateway (and one egress-only gateway) per VPC."""

from __future__ import annotations

import pytest

from validators.rules.igw_per_vpc import RULE

from .helpers import findings, network


def gateways(kind="InternetGateway", second_vpc="vpc"):
    b = network()
    b.vpc("other", "10.1.0.0/16")
    b.add(kind, "gw2", "region", vpc=second_vpc)
    if kind == "EgressOnlyInternetGateway":
        b.add(kind, "gw1", "region", vpc="vpc")
    return b.diagram


TRIGGERS = [
    pytest.param(gateways(), ("vpc", "igw", "gw2"), id="two-internet-gateways"),
    pytest.param(gateways("EgressOnlyInternetGateway"), ("vpc", "gw2", "gw1"), id="two-egress-only"),
]
NEAR_MISSES = [
    pytest.param(gateways(second_vpc="other"), id="one-gateway-in-each-of-two-vpcs"),
    pytest.param(gateways(second_vpc=""), id="second-gateway-unattached"),
]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    assert [set(f.resources) for f in findings(RULE, diagram)] == [set(involved)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
