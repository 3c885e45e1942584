"""asg-elb-health-check: groups behind a load balancer should use ELB health checks."""

from __future__ import annotations

import pytest

from validators.rules.asg_elb_health_check import RULE

from .helpers import findings, load_balanced


def asg(check, groups=("tg",)):
    b = load_balanced(targets=[])
    b.add("AutoScalingGroup", "asg", "vpc", subnets=["priv-a", "priv-b"], target_groups=list(groups),
          health_check_type=check)
    return b.diagram


TRIGGERS = [pytest.param(asg("EC2"), id="ec2-checks-behind-lb")]
NEAR_MISSES = [
    pytest.param(asg("ELB"), id="elb-checks"),
    pytest.param(asg("EC2", groups=()), id="not-behind-a-load-balancer"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("asg",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
