"""route-reserved-destination: routes into ranges AWS reserves."""

from __future__ import annotations

import pytest

from validators.rules.route_reserved_destination import RULE

from .helpers import findings, network


def table(destination):
    b = network()
    b.add("NatGateway", "nat", "pub-a")
    b.route_table("rt", "vpc", routes=[(destination, "nat")])
    return b.diagram


TRIGGERS = [
    pytest.param(table("169.254.169.0/24"), id="metadata-range"),
    pytest.param(table("fd00:ec2::/64"), id="ipv6-reserved"),
]
NEAR_MISSES = [
    pytest.param(table("169.254.0.0/16"), id="broader-route-is-accepted"),
    pytest.param(table("10.9.0.0/16"), id="ordinary-destination"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("rt",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
