"""nat-in-private-subnet: a public NAT gateway in a subnet with no route to an internet gateway."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import in_vpc
from ..finding import Severity
from ..rule import Rule
from ..scope import per_vpc


def check_vpc(diagram: Diagram, vpc):
    for nat in in_vpc(diagram, vpc.id, "NatGateway"):
        subnet = diagram.get(nat.parent)
        if nat.get("connectivity") != "public" or subnet is None or subnet.kind != "Subnet":
            continue
        if not q.is_public_subnet(diagram, subnet.id):
            # The subnet's route table (own or main) is where the missing route belongs.
            table = q.route_table_of(diagram, subnet.id)
            yield RULE.finding("Public NAT gateway {nat} is in subnet {subnet}, which has no route to "
                               "an internet gateway.",
                               [nat.id, subnet.id, *([table.id] if table is not None else [])],
                               nat=nat.label, subnet=subnet.label)


RULE = Rule(
    id="nat-in-private-subnet",
    severity=Severity.ERROR,
    title="Public NAT gateway in a private subnet",
    fix="Move the NAT gateway to a public subnet (one whose route table sends 0.0.0.0/0 to the "
        "internet gateway), or add that route to this subnet's table.",
    lesson=("A public NAT gateway rewrites private addresses to its Elastic IP and hands the traffic "
            "to the internet gateway, so it must sit in a public subnet whose route table sends "
            "0.0.0.0/0 to the internet gateway. In a private subnet the traffic it translates has "
            "nowhere to go, and every private subnet routed through it loses internet access."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html",
    watches=("NatGateway", "Subnet", "RouteTable", "InternetGateway", "AvailabilityZone", "Vpc"),
    watches_properties={"NatGateway": ("connectivity",), "Subnet": ("route_table",),
                        "RouteTable": ("routes", "main"), "InternetGateway": (),
                        "AvailabilityZone": (), "Vpc": ()},
    watches_relations=False,
    scope=per_vpc(check_vpc, reach=2),
)
