"""tier-single-az: tiers should span two or more zones."""

from __future__ import annotations

import pytest

from validators.rules.tier_single_az import RULE

from .helpers import findings, network


def tier(kind, subnets, **props):
    b = network()
    b.subnet("priv-a2", "az-a", "10.0.12.0/24")
    parent = "region" if kind == "LambdaFunction" else "vpc"
    b.add(kind, "tier", parent, subnets=list(subnets), **props)
    return b.diagram


TRIGGERS = [
    pytest.param(tier("AutoScalingGroup", ["priv-a", "priv-a2"]), id="auto-scaling-group-zone-a"),
    pytest.param(tier("EcsService", ["priv-a"]), id="ecs-service-one-subnet"),
    pytest.param(tier("LambdaFunction", ["priv-a"]), id="vpc-function"),
    pytest.param(tier("LoadBalancer", ["pub-a"], lb_type="network"), id="network-load-balancer"),
]
NEAR_MISSES = [
    pytest.param(tier("AutoScalingGroup", ["priv-a", "priv-b"]), id="two-zones"),
    pytest.param(tier("LoadBalancer", ["pub-a"]), id="alb-is-alb-single-az"),
    pytest.param(tier("LambdaFunction", []), id="function-outside-any-vpc"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    [f] = findings(RULE, diagram)
    assert f.resources[0] == "tier" and "us-east-1a" in f.message


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
