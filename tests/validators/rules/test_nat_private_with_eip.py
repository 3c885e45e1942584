"""nat-private-with-eip: private NAT gateways cannot have an Elastic IP."""

from __future__ import annotations

import pytest

from validators.rules.nat_private_with_eip import RULE

from .helpers import findings, network


def nat(eip, connectivity="private"):
    b = network()
    b.add("NatGateway", "nat", "priv-a", elastic_ip=eip, connectivity=connectivity)
    return b.diagram


TRIGGERS = [pytest.param(nat("eipalloc-0abc"), id="private-with-allocation")]
NEAR_MISSES = [
    pytest.param(nat(""), id="private-without-eip"),
    pytest.param(nat("auto"), id="private-left-at-auto"),
    pytest.param(nat("eipalloc-0abc", connectivity="public"), id="public-with-allocation"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("nat",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
