"""cidr-overlap: two subnets of one VPC overlap (IPv4 or IPv6), or two CIDR blocks of one VPC do.

Blocks computed by ``Fn::Cidr`` arrive here as the plain CIDRs the importer computed, so they are
checked like any other; values that could not be resolved are left alone.
"""

from __future__ import annotations

from itertools import combinations

from model import queries as q
from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_vpc


def check_vpc(diagram: Diagram, vpc):
    blocks = [(b, net(b)) for b in vpc.get("cidr_blocks", ())]
    blocks = [(text, n) for text, n in blocks if n is not None]
    for (a_text, a), (b_text, b) in combinations(blocks, 2):
        if a.version == b.version and a.overlaps(b):
            yield RULE.finding("VPC {vpc}: CIDR blocks {a_cidr} and {b_cidr} overlap.", [vpc.id],
                               vpc=vpc.label, a_cidr=a_text, b_cidr=b_text)
    subnets = q.subnets_in_vpc(diagram, vpc.id)
    for family in ("cidr", "ipv6_cidr"):
        yield from _subnet_overlaps(vpc, subnets, family)


#: The most overlap findings that name one subnet. Overlaps are reported pair by pair, so a design
#: whose 2,000 subnets share one block would otherwise ask for two million findings (minutes and
#: gigabytes: a hostile file could freeze the editor). Ten pairs say enough to fix a subnet; once
#: it is fixed, the next ones show.
MAX_PAIRS_PER_SUBNET = 10


def _subnet_overlaps(vpc, subnets, family: str):
    """Sort by first address and sweep, keeping the blocks still open; each pair found is an
    overlap, up to :data:`MAX_PAIRS_PER_SUBNET` pairs per subnet (a subnet named that often
    leaves the sweep). Cost: O(s log s + s * MAX_PAIRS_PER_SUBNET) for s subnets."""
    items = []
    for subnet in subnets:
        n = net(subnet.get(family))
        if n is not None:
            items.append((n.version, int(n.network_address), int(n.broadcast_address), n, subnet))
    items.sort(key=lambda item: (item[0], item[1], -item[2], item[4].id))
    named: dict[str, int] = {}
    active: list = []
    for version, start, end, n, subnet in items:
        active = [a for a in active if a[0] == version and a[2] >= start
                  and named.get(a[4].id, 0) < MAX_PAIRS_PER_SUBNET]
        for _, _, _, other_net, other in active:
            if named.get(subnet.id, 0) >= MAX_PAIRS_PER_SUBNET:
                break
            if named.get(other.id, 0) >= MAX_PAIRS_PER_SUBNET:
                continue
            named[subnet.id] = named.get(subnet.id, 0) + 1
            named[other.id] = named.get(other.id, 0) + 1
            (a, a_net), (b, b_net) = sorted([(other, other_net), (subnet, n)], key=lambda p: p[0].id)
            yield RULE.finding("Subnets {a} ({a_cidr}) and {b} ({b_cidr}) in VPC {vpc} overlap.",
                               [a.id, b.id], a=a.label, a_cidr=a_net, b=b.label, b_cidr=b_net,
                               vpc=vpc.label)
        if named.get(subnet.id, 0) < MAX_PAIRS_PER_SUBNET:
            active.append((version, start, end, n, subnet))


RULE = Rule(
    id="cidr-overlap",
    severity=Severity.ERROR,
    title="Overlapping subnets or VPC blocks",
    fix="Give each subnet its own range, e.g. the next free /24 of the VPC; a secondary VPC block "
        "must not overlap the VPC's other blocks.",
    lesson=("Within one VPC every subnet needs a range of its own: AWS refuses a subnet whose block "
            "overlaps another's, for IPv4 and IPv6 alike. The same goes for the VPC's own CIDR blocks. "
            "Plan subnets as consecutive slices of the VPC block."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html",
    watches=("Vpc", "Subnet", "AvailabilityZone"),
    watches_properties={"Vpc": ("cidr_blocks",), "Subnet": ("cidr", "ipv6_cidr"),
                        "AvailabilityZone": ()},
    watches_relations=False,
    scope=per_vpc(check_vpc),
)
