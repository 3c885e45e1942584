"""target-group-multiple-lbs: one target group used by more than one load balancer."""

from __future__ import annotations

from collections import defaultdict

from model.diagram import Diagram

from ..facts import listener_target_groups, names
from ..finding import Severity
from ..rule import Rule


def check(diagram: Diagram):
    users = defaultdict(dict)
    for lb in diagram.of_kind("LoadBalancer"):
        for _, tg in listener_target_groups(diagram, lb):
            users[tg.id][lb.id] = lb
    for tg_id, lbs in sorted(users.items()):
        if len(lbs) > 1:
            yield RULE.finding("Target group {tg} is used by {count} load balancers: {lbs}.",
                               [tg_id, *lbs], tg=diagram[tg_id].label, count=len(lbs),
                               lbs=names(lbs.values()))


RULE = Rule(
    id="target-group-multiple-lbs",
    severity=Severity.ERROR,
    title="Target group shared by several load balancers",
    fix="Create one target group per load balancer; the same instances can be registered in each.",
    lesson=("A target group belongs to exactly one load balancer: the quota of load balancers per "
            "target group is one. To put the same servers behind two load balancers, give each its "
            "own target group and register the servers in both."),
    docs="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html",
    watches=("LoadBalancer", "TargetGroup"),
    watches_properties={"LoadBalancer": ("listeners",), "TargetGroup": ()},
    watches_relations=False,
    check=check,
)
