"""subnet-outside-vpc: a subnet CIDR not inside any of its VPC's CIDR blocks."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, subnet):
    vpc = q.vpc_of(diagram, subnet.id)
    if vpc is None:
        return
    for family, blocks in (("cidr", vpc.get("cidr_blocks", ())), ("ipv6_cidr", (vpc.get("ipv6_cidr"),))):
        inner = net(subnet.get(family))
        outers = [o for o in (net(b) for b in blocks) if o is not None and o.version == getattr(inner, "version", 0)]
        if inner is None or not outers:
            continue
        if not any(inner.subnet_of(outer) for outer in outers):
            yield RULE.finding("Subnet {subnet} ({cidr}) is not inside VPC {vpc} ({blocks}).",
                               [subnet.id, vpc.id], subnet=subnet.label, cidr=inner, vpc=vpc.label,
                               blocks=", ".join(str(o) for o in outers))


RULE = Rule(
    id="subnet-outside-vpc",
    severity=Severity.ERROR,
    title="Subnet outside its VPC",
    fix="Choose a subnet range inside one of the VPC's CIDR blocks, or add a secondary block that covers it.",
    lesson=("A subnet is a slice of its VPC's address space: its block must lie inside the VPC's "
            "primary block or one of its secondary blocks. A range outside them cannot be created."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html",
    watches=("Vpc", "Subnet", "AvailabilityZone"),
    watches_properties={"Vpc": ("cidr_blocks", "ipv6_cidr"), "Subnet": ("cidr", "ipv6_cidr"),
                        "AvailabilityZone": ()},
    watches_relations=False,
    scope=per_record("Subnet", check_one, reach=2),
)
