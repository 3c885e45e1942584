"""lb-listener-no-target-group: a forwarding listener with no target group."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, lb):
    for listener in lb.get("listeners", ()):
        if listener.get("action") == "forward" and listener.get("target_group") == "":
            yield RULE.finding("Load balancer {lb}: the {protocol} listener on port {port} forwards, but "
                               "to no target group.", [lb.id], lb=lb.label,
                               protocol=listener.get("protocol"), port=listener.get("port"))


RULE = Rule(
    id="lb-listener-no-target-group",
    severity=Severity.ERROR,
    title="Forwarding listener without a target group",
    fix="Choose the target group the listener forwards to, or change its action to a redirect or a "
        "fixed response.",
    lesson=("A listener's default action decides what happens to requests no rule matches. A "
            "forward action needs a target group to send them to; without one the load balancer "
            "has nowhere to send traffic (Reachability Analyzer calls this "
            "ELBV2_LISTENER_HAS_NO_TG)."),
    docs="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html",
    watches=("LoadBalancer",),
    watches_properties={"LoadBalancer": ("listeners",)},
    watches_relations=False,
    scope=per_record("LoadBalancer", check_one),
)
