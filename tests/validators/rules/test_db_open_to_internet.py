"""db-open-to-internet: a public database whose security group admits everyone."""

from __future__ import annotations

import pytest

from validators.rules.db_open_to_internet import RULE

from .helpers import findings, network


def db(cidr="0.0.0.0/0", port=3306, public=True, subnets=("pub-a", "pub-b"), protocol="tcp"):
    b = network()
    b.add("SecurityGroup", "db-sg", "vpc", ingress=[{"protocol": protocol, "from_port": port,
                                                      "to_port": port, "cidr": cidr}])
    b.add("DbSubnetGroup", "dbsg", "vpc", subnets=list(subnets))
    b.add("RdsInstance", "db", "vpc", engine="mysql", db_subnet_group="dbsg",
          publicly_accessible=public, security_groups=["db-sg"])
    return b.diagram


TRIGGERS = [
    pytest.param(db(), id="mysql-port-open-to-all"),
    pytest.param(db(port=0, protocol="all"), id="all-traffic-open"),
]
NEAR_MISSES = [
    pytest.param(db(cidr="10.0.0.0/16"), id="open-to-the-vpc-only"),
    pytest.param(db(public=False), id="not-publicly-accessible"),
    pytest.param(db(port=5432), id="other-port-open"),
    pytest.param(db(subnets=("priv-a", "priv-b")), id="private-subnets"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("db", "db-sg")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
