"""instance-public-subnet-no-public-ip: an instance in a public subnet with neither a public IPv4
address nor an IPv6 address."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import has_public_ipv4
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, instance):
    subnets = q.subnets_of(diagram, instance.id)
    if len(subnets) != 1 or not q.is_public_subnet(diagram, subnets[0].id):
        return
    if not has_public_ipv4(diagram, instance) and not instance.get("ipv6"):
        yield RULE.finding("Instance {instance} is in public subnet {subnet} but has no public IPv4 or "
                           "IPv6 address, so it cannot use the internet gateway.",
                           [instance.id, subnets[0].id], instance=instance.label,
                           subnet=subnets[0].label)


RULE = Rule(
    id="instance-public-subnet-no-public-ip",
    severity=Severity.WARNING,
    title="Instance in a public subnet without a public address",
    fix="Assign a public IPv4 address or an Elastic IP (or an IPv6 address), or move the instance to a "
        "private subnet behind a NAT gateway.",
    lesson=("An internet gateway translates between an instance's private address and its public "
            "one; an instance with only a private IPv4 address has nothing to translate to, even in "
            "a public subnet. It needs a public IPv4 address, an Elastic IP or an IPv6 address to "
            "reach or be reached from the internet."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html",
    watches=("Instance", "Subnet", "RouteTable", "InternetGateway", "AutoScalingGroup",
             "AvailabilityZone", "Vpc"),
    watches_properties={"Instance": ("public_ip", "ipv6"),
                        "Subnet": ("route_table", "map_public_ip_on_launch"),
                        "RouteTable": ("routes", "main"), "InternetGateway": (),
                        "AutoScalingGroup": ("subnets",), "AvailabilityZone": (), "Vpc": ()},
    watches_relations=False,
    scope=per_record("Instance", check_one, reach=5),
)
