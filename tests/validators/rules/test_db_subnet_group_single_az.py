"""db-subnet-group-single-az: a DB subnet group covering fewer than two zones."""

from __future__ import annotations

import pytest

from validators.rules.db_subnet_group_single_az import RULE

from .helpers import findings, network


def group(*subnets):
    b = network()
    b.subnet("priv-a2", "az-a", "10.0.12.0/24")
    b.add("DbSubnetGroup", "dbsg", "vpc", subnets=list(subnets))
    return b.diagram


TRIGGERS = [
    pytest.param(group("priv-a"), id="one-subnet"),
    pytest.param(group("priv-a", "priv-a2"), id="two-subnets-same-zone"),
    pytest.param(group(), id="no-subnets"),
]

NEAR_MISSES = [pytest.param(group("priv-a", "priv-b"), id="two-zones")]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    [f] = findings(RULE, diagram)
    assert f.resources[0] == "dbsg"


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
