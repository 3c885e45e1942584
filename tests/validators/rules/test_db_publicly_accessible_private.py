"""db-publicly-accessible-private: a public database needs public subnets and VPC DNS."""

from __future__ import annotations

import pytest

from validators.rules.db_publicly_accessible_private import RULE

from .helpers import findings, network


def db(subnets, public=True, hostnames=True):
    b = network()
    b.set("vpc", enable_dns_hostnames=hostnames)
    b.add("DbSubnetGroup", "dbsg", "vpc", subnets=list(subnets))
    b.add("RdsInstance", "db", "vpc", db_subnet_group="dbsg", publicly_accessible=public)
    return b.diagram


TRIGGERS = [
    pytest.param(db(["pub-a", "priv-b"]), ("db", "priv-b"), id="one-private-subnet"),
    pytest.param(db(["pub-a", "pub-b"], hostnames=False), ("db", "vpc"), id="dns-hostnames-off"),
]
NEAR_MISSES = [
    pytest.param(db(["pub-a", "pub-b"]), id="public-subnets-and-dns"),
    pytest.param(db(["priv-a", "priv-b"], public=False), id="private-database"),
]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    assert [f.resources for f in findings(RULE, diagram)] == [involved]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
