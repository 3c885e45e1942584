"""route-target-family: IPv4 traffic routed to an egress-only internet gateway, or IPv6 traffic to a
NAT gateway (other than the NAT64 prefix)."""

from __future__ import annotations

import ipaddress

from model.diagram import Diagram

from ..facts import net, target_kind
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

NAT64 = ipaddress.ip_network("64:ff9b::/96")


def check_one(diagram: Diagram, rt):
    for route in rt.get("routes", ()):
        n = net(route.get("destination"))
        kind = target_kind(diagram, route.get("target"))
        if n is None or not kind:
            continue
        wrong = (n.version == 4 and kind == "EgressOnlyInternetGateway") or \
            (n.version == 6 and kind == "NatGateway" and n != NAT64)
        if wrong:
            yield RULE.finding("Route table {rt} sends IPv{version} traffic for {destination} to "
                               "{target}, which does not forward IPv{version}.",
                               [rt.id, route.get("target")], rt=rt.label, version=n.version,
                               destination=n, target=diagram[route.get("target")].label)


RULE = Rule(
    id="route-target-family",
    severity=Severity.ERROR,
    title="Route to a gateway of the other IP family",
    fix="Route IPv6 (::/0) to an egress-only internet gateway or the internet gateway, and IPv4 "
        "(0.0.0.0/0) to the NAT gateway.",
    lesson=("NAT exists because IPv4 addresses are scarce; IPv6 addresses are plentiful and public, "
            "so a NAT gateway does not forward IPv6 except to translate 64:ff9b::/96 (NAT64). For "
            "outbound-only IPv6 AWS offers the egress-only internet gateway instead, which in turn "
            "carries no IPv4."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html",
    watches=("RouteTable", "EgressOnlyInternetGateway", "NatGateway"),
    watches_properties={"RouteTable": ("routes",), "EgressOnlyInternetGateway": (), "NatGateway": ()},
    watches_relations=False,
    scope=per_record("RouteTable", check_one, reach=1),
)
