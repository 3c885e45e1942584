"""route-more-specific-than-local: routes inside the VPC's range must be whole subnets to middleboxes."""

from __future__ import annotations

import pytest

from validators.rules.route_more_specific_than_local import RULE

from .helpers import findings, network


def table(destination, target="nat"):
    b = network()
    b.add("NatGateway", "nat", "pub-a")
    b.route_table("rt", "vpc", routes=[(destination, target)])
    return b.diagram


TRIGGERS = [
    pytest.param(table("10.0.10.0/25"), id="part-of-a-subnet"),
    pytest.param(table("10.0.10.0/24", "igw"), id="whole-subnet-to-internet-gateway"),
    pytest.param(table("10.0.0.0/17"), id="several-subnets"),
]
NEAR_MISSES = [
    pytest.param(table("10.0.10.0/24"), id="whole-subnet-through-nat-gateway"),
    pytest.param(table("10.9.0.0/16"), id="outside-the-vpc"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("rt",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
