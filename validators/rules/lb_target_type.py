"""lb-target-type: a target group type the load balancer cannot use (lambda on a Network Load
Balancer, alb on an Application Load Balancer, GENEVE on either)."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import listener_target_groups
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

ALLOWED_TYPES = {"application": ("instance", "ip", "lambda"), "network": ("instance", "ip", "alb")}


def check_one(diagram: Diagram, lb):
    allowed = ALLOWED_TYPES.get(lb.get("lb_type"), ())
    seen = set()
    for _, tg in listener_target_groups(diagram, lb):
        if tg.id in seen:
            continue
        seen.add(tg.id)
        if tg.get("protocol") == "GENEVE":
            yield RULE.finding("Load balancer {lb} forwards to GENEVE target group {tg}; GENEVE is only "
                               "for Gateway Load Balancers.", [lb.id, tg.id], lb=lb.label, tg=tg.label)
        elif tg.get("target_type") not in allowed:
            yield RULE.finding("Load balancer {lb} forwards to target group {tg} of type {type}, which "
                               "this kind of load balancer cannot use.", [lb.id, tg.id], lb=lb.label,
                               tg=tg.label, type=tg.get("target_type"))


RULE = Rule(
    id="lb-target-type",
    severity=Severity.ERROR,
    title="Target group type the load balancer cannot use",
    fix="Use instance or ip target groups; lambda targets only behind an Application Load Balancer, "
        "alb targets only behind a Network Load Balancer.",
    lesson=("A target group's type is fixed when it is created and decides what it can hold: "
            "instances, IP addresses, a Lambda function or an Application Load Balancer. Only an "
            "Application Load Balancer can invoke Lambda functions, and only a Network Load Balancer "
            "can front an Application Load Balancer. GENEVE groups belong to Gateway Load Balancers."),
    docs="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html",
    watches=("LoadBalancer", "TargetGroup"),
    watches_properties={"LoadBalancer": ("lb_type", "listeners"),
                        "TargetGroup": ("target_type", "protocol")},
    watches_relations=False,
    scope=per_record("LoadBalancer", check_one, reach=1),
)
