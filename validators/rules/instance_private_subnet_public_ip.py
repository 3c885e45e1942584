"""instance-private-subnet-public-ip: an instance with a public IPv4 address in a private subnet."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, instance):
    if instance.get("public_ip") not in ("assign", "elastic"):
        return
    subnets = q.subnets_of(diagram, instance.id)
    if len(subnets) == 1 and not q.is_public_subnet(diagram, subnets[0].id):
        yield RULE.finding("Instance {instance} has a public IPv4 address, but its subnet {subnet} has "
                           "no route to an internet gateway, so the address is never used.",
                           [instance.id, subnets[0].id], instance=instance.label,
                           subnet=subnets[0].label)


RULE = Rule(
    id="instance-private-subnet-public-ip",
    severity=Severity.WARNING,
    title="Public address on an instance in a private subnet",
    fix="Drop the public address (use a NAT gateway for outbound traffic), or move the instance to a "
        "public subnet.",
    lesson=("A public IP address only works through an internet gateway, and only a public subnet "
            "routes to one. In a private subnet the address cannot be reached and the instance "
            "cannot use it, even though AWS assigns it (and charges for public IPv4 addresses)."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html",
    watches=("Instance", "Subnet", "RouteTable", "InternetGateway", "AutoScalingGroup",
             "AvailabilityZone", "Vpc"),
    watches_properties={"Instance": ("public_ip",), "Subnet": ("route_table",),
                        "RouteTable": ("routes", "main"), "InternetGateway": (),
                        "AutoScalingGroup": ("subnets",), "AvailabilityZone": (), "Vpc": ()},
    watches_relations=False,
    scope=per_record("Instance", check_one, reach=5),
)
