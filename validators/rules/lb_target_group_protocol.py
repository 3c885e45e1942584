"""lb-target-group-protocol: a listener forwarding to a target group of an incompatible protocol."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import listener_target_groups
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

#: Listener protocol -> target group protocols it can forward to.
COMPATIBLE = {
    "HTTP": ("HTTP", "HTTPS"), "HTTPS": ("HTTP", "HTTPS"),
    "TCP": ("TCP", "TCP_UDP"), "TLS": ("TCP", "TLS"), "UDP": ("UDP", "TCP_UDP"), "TCP_UDP": ("TCP_UDP",),
}


def check_one(diagram: Diagram, lb):
    for listener, tg in listener_target_groups(diagram, lb):
        allowed = COMPATIBLE.get(listener.get("protocol"), ())
        if tg.get("protocol") not in allowed:
            yield RULE.finding("Load balancer {lb}: the {protocol} listener on port {port} forwards to "
                               "target group {tg}, which uses {tg_protocol}.", [lb.id, tg.id],
                               lb=lb.label, protocol=listener.get("protocol"), port=listener.get("port"),
                               tg=tg.label, tg_protocol=tg.get("protocol"))


RULE = Rule(
    id="lb-target-group-protocol",
    severity=Severity.ERROR,
    title="Listener and target group protocols that do not match",
    fix="Forward HTTP(S) listeners to HTTP or HTTPS target groups, TCP to TCP, TLS to TCP or TLS, "
        "UDP to UDP.",
    lesson=("A listener receives one protocol and a target group sends one. An Application Load "
            "Balancer speaks HTTP or HTTPS to its targets; a Network Load Balancer forwards TCP, TLS "
            "or UDP and cannot turn one into another (a UDP listener needs a UDP or TCP_UDP group). "
            "A mismatch is refused when the listener is created."),
    docs="https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-listeners.html",
    watches=("LoadBalancer", "TargetGroup"),
    watches_properties={"LoadBalancer": ("listeners",), "TargetGroup": ("protocol",)},
    watches_relations=False,
    scope=per_record("LoadBalancer", check_one, reach=1),
)
