"""sg-other-vpc: security groups are attached only within their own VPC."""

from __future__ import annotations

import pytest

from validators.rules.sg_other_vpc import RULE

from .helpers import findings, network


def attached(group_vpc, kind="Instance"):
    b = network()
    b.vpc("other", "10.1.0.0/16")
    b.add("SecurityGroup", "sg", group_vpc)
    if kind == "Instance":
        b.add("Instance", "res", "priv-a", security_groups=["sg"])
    else:
        b.add("LambdaFunction", "res", "region", subnets=["priv-a"], security_groups=["sg"])
    return b.diagram


TRIGGERS = [
    pytest.param(attached("other"), id="instance-with-foreign-group"),
    pytest.param(attached("other", kind="LambdaFunction"), id="function-with-foreign-group"),
]
NEAR_MISSES = [pytest.param(attached("vpc"), id="group-of-the-same-vpc")]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("res", "sg")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
