"""peering-overlap: a VPC peering between VPCs whose CIDR blocks overlap, secondary blocks included."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def _blocks(vpc) -> list:
    texts = list(vpc.get("cidr_blocks", ())) + [vpc.get("ipv6_cidr")]
    return [n for n in (net(t) for t in texts) if n is not None]


def check_one(diagram: Diagram, peering):
    a, b = diagram.get(peering.get("requester")), diagram.get(peering.get("accepter"))
    if a is None or b is None or a.kind != "Vpc" or b.kind != "Vpc" or a.id == b.id:
        return
    pairs = [(x, y) for x in _blocks(a) for y in _blocks(b) if x.version == y.version and x.overlaps(y)]
    if pairs:
        x, y = pairs[0]
        yield RULE.finding("Peering {peering}: VPC {a} ({a_cidr}) and VPC {b} ({b_cidr}) overlap.",
                           [peering.id, a.id, b.id], peering=peering.label, a=a.label, a_cidr=x,
                           b=b.label, b_cidr=y)


RULE = Rule(
    id="peering-overlap",
    severity=Severity.ERROR,
    title="Peered VPCs with overlapping CIDR blocks",
    fix="Re-address one of the VPCs (or drop the overlapping secondary block) so no block of one "
        "overlaps any block of the other.",
    lesson=("A peering connection routes by destination address, so each side must be able to tell "
            "its own addresses from its peer's. AWS refuses a peering if any CIDR block of one VPC "
            "overlaps any block of the other, even a secondary block you do not plan to use. Plan "
            "distinct ranges for VPCs that may ever be connected."),
    docs="https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html",
    watches=("VpcPeering", "Vpc"),
    watches_properties={"Vpc": ("cidr_blocks", "ipv6_cidr")},
    watches_relations=False,
    scope=per_record("VpcPeering", check_one, reach=1),
)
