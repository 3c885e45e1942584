"""peering-transitive: a peering does not carry traffic on to a third VPC."""

from __future__ import annotations

import pytest

from validators.rules.peering_transitive import RULE

from .helpers import findings, three_vpcs

TRIGGERS = [
    pytest.param(three_vpcs([("10.2.0.0/16", "ab")]), id="a-to-c-through-b"),
    pytest.param(three_vpcs([("10.2.5.0/24", "ab")]), id="part-of-c-through-b"),
]
NEAR_MISSES = [
    pytest.param(three_vpcs([("10.1.0.0/16", "ab")]), id="a-to-its-peer-b"),
    pytest.param(three_vpcs([("10.1.3.0/24", "ab")]), id="part-of-the-peer"),
    pytest.param(three_vpcs(routes_in_b=[("10.2.0.0/16", "bc"), ("10.0.0.0/16", "ab")]),
                 id="the-hub-routes-to-both-of-its-peers"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    # the route table, the peering, the peer VPC it crosses and the third VPC it hopes to reach
    assert [f.resources for f in findings(RULE, diagram)] == [("rt-a", "ab", "b", "c")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
