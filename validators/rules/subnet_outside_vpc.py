"""subnet-outside-vpc: a subnet CIDR not inside any of its VPC's CIDR blocks."""

from __future__ import annotations

from model import queries as q
from model.cidr import contains, parse
from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule


def check(diagram: Diagram):
    for subnet in diagram.of_kind("Subnet"):
        vpc = q.vpc_of(diagram, subnet.id)
        if vpc is None:
            continue
        for family, blocks in (("cidr", vpc.get("cidr_blocks", ())), ("ipv6_cidr", (vpc.get("ipv6_cidr"),))):
            net = parse(subnet.get(family)) if isinstance(subnet.get(family), str) else None
            outers = [o for o in (parse(b) for b in blocks if isinstance(b, str)) if o is not None]
            if net is None or not outers:
                continue
            if not any(contains(outer, net) for outer in outers):
                listed = ", ".join(str(o) for o in outers)
                yield RULE.finding(f"Subnet {subnet.label} ({net}) is not inside VPC {vpc.label} ({listed}).",
                                   [subnet.id, vpc.id])


RULE = Rule(
    id="subnet-outside-vpc",
    severity=Severity.ERROR,
    title="Subnet outside its VPC",
    fix="Choose a subnet range inside one of the VPC's CIDR blocks, or add a secondary block that covers it.",
    lesson=("A subnet is a slice of its VPC's address space: its block must lie inside the VPC's "
            "primary block or one of its secondary blocks. A range outside them cannot be created."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html",
    watches=("Vpc", "Subnet", "AvailabilityZone"),
    check=check,
)
