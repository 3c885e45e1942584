"""peering-edge-to-edge: a peer VPC's gateways cannot be used through the peering."""

from __future__ import annotations

import pytest

from validators.rules.peering_edge_to_edge import RULE

from .helpers import findings, three_vpcs

TRIGGERS = [
    pytest.param(three_vpcs([("0.0.0.0/0", "ab")]), id="default-route-over-peering"),
    pytest.param(three_vpcs([("192.168.0.0/16", "ab")]), id="on-premises-range-over-peering"),
]
NEAR_MISSES = [
    pytest.param(three_vpcs([("10.1.0.0/16", "ab")]), id="peer-cidr"),
    pytest.param(three_vpcs([("10.2.0.0/16", "ab")]), id="third-vpc-is-peering-transitive"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("rt-a", "ab")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
