"""route-more-specific-than-local: a route inside the VPC's own range that is not a whole subnet sent
to a middlebox."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import net, target_kind
from ..finding import Severity
from ..rule import Rule
from ..scope import per_vpc

MIDDLEBOXES = ("NatGateway", "Instance")


def check_vpc(diagram: Diagram, vpc):
    blocks = [n for n in (net(b) for b in q.vpc_cidr_blocks(diagram, vpc.id)) if n is not None]
    subnet_blocks = set()
    for subnet in q.subnets_in_vpc(diagram, vpc.id):
        for family in ("cidr", "ipv6_cidr"):
            n = net(subnet.get(family))
            if n is not None:
                subnet_blocks.add(n)
    for rt in diagram.children(vpc.id):
        if rt.kind != "RouteTable":
            continue
        for route in rt.get("routes", ()):
            n = net(route.get("destination"))
            if n is None or not any(n.version == b.version and n.subnet_of(b) for b in blocks):
                continue
            if n not in subnet_blocks or target_kind(diagram, route.get("target")) not in MIDDLEBOXES:
                yield RULE.finding("Route table {rt}: the route to {destination} lies inside VPC {vpc}'s "
                                   "own range, but it is not a whole subnet sent to a NAT gateway or "
                                   "instance.", [rt.id], rt=rt.label, destination=n, vpc=vpc.label)


RULE = Rule(
    id="route-more-specific-than-local",
    severity=Severity.ERROR,
    title="Route inside the VPC's own range",
    fix="Delete the route, or make its destination exactly one subnet's CIDR and its target a NAT "
        "gateway or an appliance instance.",
    lesson=("Traffic between addresses of a VPC follows the local route, which cannot be removed. "
            "AWS accepts a more specific route inside the VPC's range only to send one whole subnet "
            "through a middlebox: its destination must equal that subnet's CIDR and its target must "
            "be a NAT gateway, a network interface or a Gateway Load Balancer endpoint."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html",
    watches=("RouteTable", "Vpc", "Subnet", "AvailabilityZone", "NatGateway", "Instance"),
    watches_properties={"RouteTable": ("routes",), "Vpc": ("cidr_blocks", "ipv6_cidr"),
                        "Subnet": ("cidr", "ipv6_cidr"), "AvailabilityZone": (), "NatGateway": (),
                        "Instance": ()},
    watches_relations=False,
    scope=per_vpc(check_vpc),
)
