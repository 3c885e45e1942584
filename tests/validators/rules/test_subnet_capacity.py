"""subnet-capacity: more network interfaces in a subnet than usable addresses."""

from __future__ import annotations

import pytest

from model import edits
from validators.engine import Validator
from validators.rules.subnet_capacity import RULE

from .helpers import findings, network


def tiny(instances=0, nat=False, alb=False, fargate_tasks=0, asg_max=0):
    """A /28 subnet ``s`` (16 addresses, 11 usable) with things placed in it."""
    b = network()
    b.subnet("s", "az-a", "10.0.20.0/28")
    for i in range(instances):
        b.add("Instance", f"i{i}", "s")
    if nat:
        b.add("NatGateway", "nat", "s")
    if alb:
        b.add("LoadBalancer", "alb", "vpc", subnets=["s", "pub-b"])
    if fargate_tasks:
        b.add("EcsService", "svc", "vpc", desired_count=fargate_tasks, subnets=["s"])
    if asg_max:
        b.add("AutoScalingGroup", "asg", "vpc", min_size=1, max_size=asg_max, desired_capacity=1,
              subnets=["s", "priv-b"])
    return b.diagram


TRIGGERS = [
    pytest.param(tiny(instances=12), id="twelve-instances-in-a-/28"),
    pytest.param(tiny(instances=4, alb=True), id="alb-wants-eight-free"),
    pytest.param(tiny(fargate_tasks=12), id="fargate-tasks-take-an-address-each"),
    pytest.param(tiny(instances=1, asg_max=22), id="auto-scaling-maximum-spread-over-two-subnets"),
]

NEAR_MISSES = [
    pytest.param(tiny(instances=10, nat=True), id="eleven-interfaces-fit-a-/28-exactly"),
    pytest.param(tiny(asg_max=22), id="asg-maximum-of-22-over-two-subnets-is-11-each"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    [f] = findings(RULE, diagram)
    assert f.resources == ("s",) and "11 usable addresses" in f.message


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []


def test_scaling_a_service_up_is_seen_live():
    diagram = tiny(fargate_tasks=4)
    live = Validator(diagram, [RULE])
    assert live.findings == []
    diagram.apply(edits.set_property(diagram, "svc", "desired_count", 20))
    assert [f.resources for f in live.findings] == [("s",)]


def test_counts_a_template_left_unknown_are_counted_as_none():
    """A cache's replicas, a group's maximum or a service's task count may be a template parameter
    that could not be resolved: the rule counts what it knows and does not fail."""
    from model.schema import Unresolved

    b = network()
    b.subnet("s", "az-a", "10.0.20.0/28")
    b.add("ElastiCacheCluster", "cache", "vpc", replicas=Unresolved("!Ref Replicas"), subnets=["s"])
    b.add("AutoScalingGroup", "asg", "vpc", max_size=Unresolved("!Ref Max"), subnets=["s"])
    b.add("EcsService", "svc", "vpc", desired_count=Unresolved("!Ref Tasks"), subnets=["s"])
    for i in range(11):
        b.add("Instance", f"i{i}", "s")
    assert [f.resources for f in findings(RULE, b.diagram)] == [("s",)]
