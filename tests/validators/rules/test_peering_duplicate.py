"""peering-duplicate: one peering per pair of VPCs."""

from __future__ import annotations

import pytest

from model import edits
from validators.rules.peering_duplicate import RULE

from .helpers import findings, three_vpcs


def plus(requester, accepter):
    diagram = three_vpcs()
    diagram.apply(edits.add_resource(diagram, "VpcPeering", "extra", parent="region",
                                     properties={"requester": requester, "accepter": accepter}))
    return diagram


TRIGGERS = [
    pytest.param(plus("a", "b"), id="same-direction"),
    pytest.param(plus("b", "a"), id="opposite-direction"),
]
NEAR_MISSES = [pytest.param(plus("a", "c"), id="a-new-pair")]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    # both peerings, then both VPCs
    assert [f.resources for f in findings(RULE, diagram)] == [("ab", "extra", "a", "b")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
