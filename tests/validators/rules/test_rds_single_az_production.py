"""rds-single-az-production: production databases should be Multi-AZ."""

from __future__ import annotations

import pytest

from model import edits
from validators.rules.rds_single_az_production import RULE

from .helpers import findings, network


def db(multi_az, environment="production"):
    b = network()
    b.diagram.apply(edits.set_metadata(b.diagram, "environment", environment))
    b.add("DbSubnetGroup", "dbsg", "vpc", subnets=["priv-a", "priv-b"])
    b.add("RdsInstance", "db", "vpc", db_subnet_group="dbsg", multi_az=multi_az)
    return b.diagram


TRIGGERS = [pytest.param(db(False), id="single-az-in-production")]
NEAR_MISSES = [
    pytest.param(db(True), id="multi-az"),
    pytest.param(db(False, environment="development"), id="development-design"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("db",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
