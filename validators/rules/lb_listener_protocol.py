"""lb-listener-protocol: a listener protocol the load balancer type does not support."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

PROTOCOLS = {"application": ("HTTP", "HTTPS"), "network": ("TCP", "TLS", "UDP", "TCP_UDP")}
LABELS = {"application": "Application Load Balancer", "network": "Network Load Balancer"}


def check_one(diagram: Diagram, lb):
    allowed = PROTOCOLS.get(lb.get("lb_type"), ())
    for listener in lb.get("listeners", ()):
        if listener.get("protocol") not in allowed:
            yield RULE.finding("{kind} {lb} has a {protocol} listener on port {port}; it supports "
                               "{allowed}.", [lb.id], kind=LABELS[lb.get("lb_type")], lb=lb.label,
                               protocol=listener.get("protocol"), port=listener.get("port"),
                               allowed="/".join(allowed))


RULE = Rule(
    id="lb-listener-protocol",
    severity=Severity.ERROR,
    title="Listener protocol the load balancer does not speak",
    fix="Use HTTP or HTTPS listeners on an Application Load Balancer, and TCP, TLS, UDP or TCP_UDP on "
        "a Network Load Balancer.",
    lesson=("The two load balancers work at different layers. An Application Load Balancer "
            "understands HTTP and HTTPS and can route by path or host; a Network Load Balancer "
            "passes TCP, TLS and UDP connections through. Pick the type that matches the protocol "
            "your clients speak."),
    docs="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html",
    watches=("LoadBalancer",),
    watches_properties={"LoadBalancer": ("lb_type", "listeners")},
    watches_relations=False,
    scope=per_record("LoadBalancer", check_one),
)
