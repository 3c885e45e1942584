"""asg-size-order: an Auto Scaling group whose sizes are not minimum ≤ desired ≤ maximum."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, asg):
    low, want, high = asg.get("min_size"), asg.get("desired_capacity"), asg.get("max_size")
    if not all(isinstance(v, int) for v in (low, want, high)):
        return
    if not low <= want <= high:
        yield RULE.finding("Auto Scaling group {asg}: minimum {low}, desired {want} and maximum {high} "
                           "are not in order.", [asg.id], asg=asg.label, low=low, want=want, high=high)


RULE = Rule(
    id="asg-size-order",
    severity=Severity.ERROR,
    title="Auto Scaling sizes out of order",
    fix="Set minimum ≤ desired capacity ≤ maximum.",
    lesson=("An Auto Scaling group keeps the number of instances between its minimum and maximum, "
            "starting from the desired capacity. AWS refuses a maximum below the minimum, or a "
            "desired capacity outside the two."),
    docs="https://docs.aws.amazon.com/autoscaling/ec2/userguide/auto-scaling-benefits.html",
    watches=("AutoScalingGroup",),
    watches_properties={"AutoScalingGroup": ("min_size", "desired_capacity", "max_size")},
    watches_relations=False,
    scope=per_record("AutoScalingGroup", check_one),
)
