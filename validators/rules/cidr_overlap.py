"""cidr-overlap: two subnets of one VPC overlap, or two CIDR blocks of one VPC overlap."""

from __future__ import annotations

from itertools import combinations

from model import queries as q
from model.cidr import overlaps, parse
from model.diagram import Diagram
from model.schema import Unresolved

from ..finding import Severity
from ..rule import Rule


def check(diagram: Diagram):
    for vpc in diagram.of_kind("Vpc"):
        blocks = [(b, parse(b)) for b in vpc.get("cidr_blocks", ()) if not isinstance(b, Unresolved)]
        for (a_text, a), (b_text, b) in combinations(blocks, 2):
            if a is not None and b is not None and overlaps(a, b):
                yield RULE.finding(f"VPC {vpc.label}: CIDR blocks {a_text} and {b_text} overlap.", [vpc.id])
        yield from _subnet_overlaps(diagram, vpc)


def _subnet_overlaps(diagram: Diagram, vpc):
    """Sort by start address and sweep, so the cost is O(s log s) for s subnets, not O(s^2)."""
    for family in ("cidr", "ipv6_cidr"):
        nets = []
        for subnet in q.subnets_in_vpc(diagram, vpc.id):
            net = parse(subnet.get(family)) if isinstance(subnet.get(family), str) else None
            if net is not None:
                nets.append((int(net.network_address), int(net.broadcast_address), net, subnet))
        nets.sort(key=lambda item: (item[0], -item[1]))
        active: list = []
        for start, end, net, subnet in nets:
            active = [a for a in active if a[1] >= start]
            for _, _, other_net, other in active:
                yield RULE.finding(
                    f"Subnets {other.label} ({other_net}) and {subnet.label} ({net}) in VPC {vpc.label} "
                    f"overlap.", sorted([other.id, subnet.id]))
            active.append((start, end, net, subnet))


RULE = Rule(
    id="cidr-overlap",
    severity=Severity.ERROR,
    title="Overlapping subnets or VPC blocks",
    fix="Give each subnet its own range, e.g. the next free /24 of the VPC.",
    lesson=("Within one VPC every subnet needs a range of its own: AWS refuses a subnet whose block "
            "overlaps another's, for IPv4 and IPv6 alike. The same goes for the VPC's own CIDR blocks. "
            "Plan subnets as consecutive slices of the VPC block."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html",
    watches=("Vpc", "Subnet", "AvailabilityZone"),
    check=check,
)
