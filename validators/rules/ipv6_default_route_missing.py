"""ipv6-default-route-missing: a dual-stack subnet with an IPv4 default route but no ::/0 route."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import IPV4_DEFAULT, IPV6_DEFAULT, default_route, net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_vpc


def check_vpc(diagram: Diagram, vpc):
    for subnet in q.subnets_in_vpc(diagram, vpc.id):
        if net(subnet.get("ipv6_cidr")) is None:
            continue
        v4 = default_route(diagram, subnet.id, IPV4_DEFAULT)
        if v4 is None or v4.kind not in ("InternetGateway", "NatGateway"):
            continue
        if default_route(diagram, subnet.id, IPV6_DEFAULT) is None:
            rt = q.route_table_of(diagram, subnet.id)
            yield RULE.finding("Dual-stack subnet {subnet} routes 0.0.0.0/0 to {target} but has no "
                               "::/0 route, so its IPv6 traffic cannot leave the VPC.",
                               [subnet.id, rt.id], subnet=subnet.label, target=v4.label)


RULE = Rule(
    id="ipv6-default-route-missing",
    severity=Severity.WARNING,
    title="Dual-stack subnet without an IPv6 default route",
    fix="Add a ::/0 route to the internet gateway (public subnets) or to an egress-only internet "
        "gateway (private subnets).",
    lesson=("IPv4 and IPv6 are routed separately: 0.0.0.0/0 matches no IPv6 address at all. A "
            "dual-stack subnet needs its own ::/0 route, to the internet gateway for a public "
            "subnet or to an egress-only internet gateway for outbound-only access."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html",
    watches=("Subnet", "RouteTable", "InternetGateway", "NatGateway", "AvailabilityZone", "Vpc"),
    watches_properties={"Subnet": ("ipv6_cidr", "route_table"), "RouteTable": ("routes", "main"),
                        "InternetGateway": (), "NatGateway": (), "AvailabilityZone": (), "Vpc": ()},
    watches_relations=False,
    scope=per_vpc(check_vpc, reach=2),
)
