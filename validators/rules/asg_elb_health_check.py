"""asg-elb-health-check: an Auto Scaling group behind a load balancer that ignores its health checks."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, asg):
    if asg.get("target_groups") and asg.get("health_check_type") == "EC2":
        yield RULE.finding("Auto Scaling group {asg} is registered with a load balancer but uses EC2 "
                           "health checks only.", [asg.id], asg=asg.label)


RULE = Rule(
    id="asg-elb-health-check",
    severity=Severity.WARNING,
    title="Auto Scaling group ignoring load balancer health checks",
    fix="Set the group's health check type to ELB.",
    lesson=("With EC2 health checks an Auto Scaling group only replaces instances that stop running. "
            "An instance that runs but fails the load balancer's health check keeps its place and "
            "capacity is lost. Turning on ELB health checks lets the group replace it."),
    docs="https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-add-elb-healthcheck.html",
    watches=("AutoScalingGroup",),
    watches_properties={"AutoScalingGroup": ("target_groups", "health_check_type")},
    watches_relations=False,
    scope=per_record("AutoScalingGroup", check_one),
)
