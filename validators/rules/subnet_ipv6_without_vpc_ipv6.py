"""subnet-ipv6-without-vpc-ipv6: a subnet with an IPv6 block in a VPC that has none."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, subnet):
    vpc = q.vpc_of(diagram, subnet.id)
    if vpc is None or net(subnet.get("ipv6_cidr")) is None:
        return
    if not vpc.get("ipv6_cidr"):
        yield RULE.finding("Subnet {subnet} has IPv6 block {cidr}, but VPC {vpc} has no IPv6 block.",
                           [subnet.id, vpc.id], subnet=subnet.label, cidr=subnet.get("ipv6_cidr"),
                           vpc=vpc.label)


RULE = Rule(
    id="subnet-ipv6-without-vpc-ipv6",
    severity=Severity.ERROR,
    title="IPv6 subnet in a VPC without IPv6",
    fix="Associate an IPv6 /56 with the VPC first, then give the subnet a /64 from it.",
    lesson=("A subnet's IPv6 /64 is carved out of its VPC's IPv6 /56, so a subnet can only get IPv6 "
            "addresses once its VPC has an IPv6 block. Dual stack is switched on VPC first, then "
            "subnet by subnet."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html",
    watches=("Vpc", "Subnet", "AvailabilityZone"),
    watches_properties={"Vpc": ("ipv6_cidr",), "Subnet": ("ipv6_cidr",), "AvailabilityZone": ()},
    watches_relations=False,
    scope=per_record("Subnet", check_one, reach=2),
)
