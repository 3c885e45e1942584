"""tgw-attachment-subnets: one subnet per zone, at least one."""

from __future__ import annotations

import pytest

from validators.rules.tgw_attachment_subnets import RULE

from .helpers import findings, network


def attachment(*subnets):
    b = network()
    b.subnet("tgw-a2", "az-a", "10.0.30.0/28")
    b.add("TransitGateway", "tgw", "region")
    b.add("TransitGatewayAttachment", "att", "vpc", transit_gateway="tgw", subnets=list(subnets))
    return b.diagram


TRIGGERS = [
    pytest.param(attachment(), ("att",), id="no-subnets"),
    pytest.param(attachment("priv-a", "tgw-a2", "priv-b"), ("att", "priv-a", "tgw-a2"),
                 id="two-subnets-in-zone-a"),
]
NEAR_MISSES = [pytest.param(attachment("priv-a", "priv-b"), id="one-per-zone")]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    assert [f.resources for f in findings(RULE, diagram)] == [involved]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
