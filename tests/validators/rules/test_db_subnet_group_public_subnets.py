"""db-subnet-group-public-subnets: DB subnet groups of private subnets."""

from __future__ import annotations

import pytest

from validators.rules.db_subnet_group_public_subnets import RULE

from .helpers import findings, network


def group(subnets, public_db=False):
    b = network()
    b.add("DbSubnetGroup", "dbsg", "vpc", subnets=list(subnets))
    b.add("RdsInstance", "db", "vpc", db_subnet_group="dbsg", publicly_accessible=public_db)
    return b.diagram


TRIGGERS = [pytest.param(group(["pub-a", "priv-b"]), id="one-public-subnet")]
NEAR_MISSES = [
    pytest.param(group(["priv-a", "priv-b"]), id="private-subnets"),
    pytest.param(group(["pub-a", "pub-b"], public_db=True), id="deliberately-public-database"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("dbsg", "pub-a")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
