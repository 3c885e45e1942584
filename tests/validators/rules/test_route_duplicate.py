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


#: (design, resources named: the table and the target of every route to the repeated destination)
TRIGGERS = [
    pytest.param(table(("0.0.0.0/0", "igw"), ("0.0.0.0/0", "nat")), ("rt", "igw", "nat"),
                 id="two-default-routes"),
    pytest.param(table(("10.8.0.0/16", "nat"), ("10.8.0.1/16", "igw")), ("rt", "nat", "igw"),
                 id="same-network-spelled-twice"),
    pytest.param(table(("pl-s3", "nat"), ("pl-s3", "igw")), ("rt", "nat", "igw"), id="same-prefix-list"),
    pytest.param(table(("0.0.0.0/0", "igw"), ("0.0.0.0/0", "gone-nat"), ("0.0.0.0/0", "igw")),
                 ("rt", "igw", "gone-nat"), id="three-routes-one-target-deleted"),
]

NEAR_MISSES = [
    pytest.param(table(("0.0.0.0/0", "igw"), ("::/0", "igw")), id="ipv4-and-ipv6-defaults"),
    pytest.param(table(("10.8.0.0/16", "nat"), ("10.8.0.0/24", "igw")), id="nested-destinations"),
]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    assert [f.resources for f in findings(RULE, diagram)] == [involved]


def test_a_table_with_two_repeated_destinations_gets_a_finding_for_each():
    found = findings(RULE, table(("0.0.0.0/0", "igw"), ("10.8.0.0/16", "nat"), ("0.0.0.0/0", "nat"),
                                 ("10.8.0.0/16", "igw")))
    assert sorted(dict(f.params)["destination"] for f in found) == ["0.0.0.0/0", "10.8.0.0/16"]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
