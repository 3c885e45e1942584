"""lb-az-without-targets: every zone of a load balancer should hold targets."""

from __future__ import annotations

import pytest

from validators.rules.lb_az_without_targets import RULE

from .helpers import findings, load_balanced


def asg_behind(subnets):
    b = load_balanced(targets=[])
    b.add("AutoScalingGroup", "asg", "vpc", subnets=list(subnets), target_groups=["tg"])
    return b.diagram


TRIGGERS = [
    pytest.param(load_balanced(targets=["web-a"]).diagram, id="instance-only-in-zone-a"),
    pytest.param(asg_behind(["priv-a"]), id="auto-scaling-group-in-zone-a-only"),
]
NEAR_MISSES = [
    pytest.param(load_balanced().diagram, id="instances-in-both-zones"),
    pytest.param(asg_behind(["priv-a", "priv-b"]), id="auto-scaling-group-in-both-zones"),
    pytest.param(load_balanced(targets=[]).diagram, id="no-targets-drawn-yet"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("lb", "pub-b")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
