"""nat-needs-eip: public NAT gateways need an Elastic IP."""

from __future__ import annotations

import pytest

from validators.rules.nat_needs_eip import RULE

from .helpers import findings, network


def nat(eip, connectivity="public"):
    b = network()
    b.add("NatGateway", "nat", "pub-a", elastic_ip=eip, connectivity=connectivity)
    return b.diagram


TRIGGERS = [pytest.param(nat(""), id="public-without-eip")]
NEAR_MISSES = [
    pytest.param(nat("auto"), id="auto-allocated"),
    pytest.param(nat("eipalloc-0abc"), id="explicit-allocation"),
    pytest.param(nat("", connectivity="private"), id="private-needs-none"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("nat",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
