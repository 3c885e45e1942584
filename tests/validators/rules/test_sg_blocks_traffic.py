"""sg-blocks-traffic: a flow the design implies is refused by a security group."""

from __future__ import annotations

import pytest

from model import edits
from tests.support.builder import load_example
from tests.validators.reachability.scenarios import egress, ingress, two_tier
from validators.rules.sg_blocks_traffic import RULE

from .helpers import findings


def targets_group_admits_another_source():
    b = two_tier()
    b.set("web-sg", ingress=[ingress(port=80, group="db-sg")])
    return b.diagram


def load_balancer_group_lets_nothing_out():
    b = two_tier()
    b.set("alb-sg", egress=[])
    return b.diagram


def health_check_port_not_admitted():
    b = two_tier()
    b.set("web-tg", health_check_port="8081")
    return b.diagram


def app_tier_cannot_leave_for_the_database():
    b = two_tier()
    b.set("web-sg", ingress=[ingress(port=80, group="alb-sg")], egress=[egress(port=443, cidr="0.0.0.0/0")])
    return b.diagram


def fargate_tasks_without_outbound_rules():
    d = load_example("ecs-fargate")
    d.apply(edits.set_property(d, "task-sg", "egress", []))
    return d


TRIGGERS = [
    pytest.param(targets_group_admits_another_source(), id="target-group-admits-another-source"),
    pytest.param(load_balancer_group_lets_nothing_out(), id="load-balancer-group-no-egress"),
    pytest.param(health_check_port_not_admitted(), id="health-check-port-not-admitted"),
    pytest.param(app_tier_cannot_leave_for_the_database(), id="app-tier-egress-too-narrow"),
    pytest.param(fargate_tasks_without_outbound_rules(), id="fargate-tasks-no-egress"),
]


def updates_blocked_by_a_deliberately_narrow_group():
    """Auto Scaling updates are a soft need: a group that narrows them is a choice, not an error."""
    b = two_tier()
    b.add("AutoScalingGroup", "asg", "vpc", subnets=["app-a", "app-b"], security_groups=["narrow-sg"])
    b.add("SecurityGroup", "narrow-sg", "vpc", egress=[egress(port=3306, group="db-sg")])
    return b.diagram


def routing_problem_is_not_a_security_group_problem():
    b = two_tier()
    b.set("rt-app-a", routes=[])
    return b.diagram


NEAR_MISSES = [
    pytest.param(two_tier().diagram, id="two-tier-as-designed"),
    pytest.param(load_example("dual-az-web"), id="dual-az-web"),
    pytest.param(load_example("ecs-fargate"), id="ecs-fargate"),
    pytest.param(updates_blocked_by_a_deliberately_narrow_group(), id="soft-need-narrowed"),
    pytest.param(routing_problem_is_not_a_security_group_problem(), id="routing-not-sg"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    found = findings(RULE, diagram)
    assert found
    for f in found:
        assert "security group" in f.message and ("ENI_SG_RULES_MISMATCH" in f.message
                                                  or "SG_HAS_NO_RULES" in f.message)


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []


def test_the_finding_names_source_destination_port_and_the_blocking_group():
    [f] = findings(RULE, targets_group_admits_another_source())
    assert f.message == ("web-alb cannot reach its target web server on tcp/80: no inbound rule of "
                         "security group web-sg on web server allows it (ENI_SG_RULES_MISMATCH).")
    assert {"alb", "web", "web-sg", "web-tg"} <= set(f.resources)
    assert "web-sg" in f.fix and "tcp/80" in f.fix
    assert f.template and dict(f.params)["group"] == "web-sg"


def test_a_health_check_finding_says_health_check():
    [f] = findings(RULE, health_check_port_not_admitted())
    assert f.message.startswith("web-alb cannot health-check its target web server on tcp/8081")


def test_a_group_without_rules_is_called_out():
    found = findings(RULE, fargate_tasks_without_outbound_rules())
    assert {f.message for f in found} == {
        "Tasks of app cannot pull their container images from ecr (tcp/443): security group task-sg on "
        "app has no outbound rules at all (SG_HAS_NO_RULES).",
        "Tasks of app cannot send their logs to CloudWatch Logs (tcp/443): security group task-sg on app "
        "has no outbound rules at all (SG_HAS_NO_RULES)."}
