"""nat-cross-az: a private subnet whose default route uses a NAT gateway in another zone."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import default_route
from ..finding import Severity
from ..rule import Rule
from ..scope import per_vpc


def check_vpc(diagram: Diagram, vpc):
    for subnet in q.subnets_in_vpc(diagram, vpc.id):
        nat = default_route(diagram, subnet.id)
        if nat is None or nat.kind != "NatGateway" or q.is_public_subnet(diagram, subnet.id):
            continue
        nat_vpc = q.vpc_of(diagram, nat.id)
        if nat_vpc is None or nat_vpc.id != vpc.id:
            continue  # a NAT gateway of another VPC is a blackhole, reported by route-blackhole
        here, there = q.az_of(diagram, subnet.id), q.az_of(diagram, nat.id)
        if here and there and here != there:
            yield RULE.finding("Private subnet {subnet} ({zone}) sends its internet traffic to NAT "
                               "gateway {nat} in {nat_zone}.", _involved(diagram, subnet, nat),
                               subnet=subnet.label, zone=here, nat=nat.label, nat_zone=there)


def _involved(diagram: Diagram, subnet, nat) -> list[str]:
    """The subnet, the route table holding its default route (the one to change), and the NAT
    gateway, so the canvas highlights all three."""
    table = q.route_table_of(diagram, subnet.id)
    return [subnet.id, *([table.id] if table is not None else []), nat.id]


RULE = Rule(
    id="nat-cross-az",
    severity=Severity.WARNING,
    title="Private subnet using a NAT gateway in another Availability Zone",
    fix="Create a NAT gateway in this subnet's Availability Zone and point the subnet's 0.0.0.0/0 "
        "route at it (one route table per zone).",
    lesson=("A NAT gateway lives in one Availability Zone. If private subnets in other zones share "
            "it, an outage of that zone cuts their internet access too, and every packet crossing "
            "zones costs extra. AWS recommends one NAT gateway per zone, with each private subnet "
            "routed to the one in its own zone."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html",
    watches=("Subnet", "RouteTable", "NatGateway", "InternetGateway", "AvailabilityZone", "Vpc"),
    watches_properties={"Subnet": ("route_table", "availability_zone"),
                        "RouteTable": ("routes", "main"), "NatGateway": (), "InternetGateway": (),
                        "AvailabilityZone": ("zone",), "Vpc": ()},
    watches_relations=False,
    scope=per_vpc(check_vpc, reach=2),
)
