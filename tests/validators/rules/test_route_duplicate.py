"""route-duplicate: two routes with the same destination in one table."""

from __future__ import annotations

import pytest

from validators.rules.route_duplicate import RULE

from .helpers import findings, network


def table(*routes):
    b = network()
    b.add("NatGateway", "nat", "pub-a")
    b.route_table("rt", "vpc", routes=routes)
    return b.diagram


TRIGGERS = [
    pytest.param(table(("0.0.0.0/0", "igw"), ("0.0.0.0/0", "nat")), id="two-default-routes"),
    pytest.param(table(("10.8.0.0/16", "nat"), ("10.8.0.1/16", "igw")), id="same-network-spelled-twice"),
    pytest.param(table(("pl-s3", "nat"), ("pl-s3", "igw")), id="same-prefix-list"),
]

NEAR_MISSES = [
    pytest.param(table(("0.0.0.0/0", "igw"), ("::/0", "igw")), id="ipv4-and-ipv6-defaults"),
    pytest.param(table(("10.8.0.0/16", "nat"), ("10.8.0.0/24", "igw")), id="nested-destinations"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("rt",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
