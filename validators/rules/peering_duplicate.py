"""peering-duplicate: more than one peering connection between the same two VPCs."""

from __future__ import annotations

from collections import defaultdict

from model.diagram import Diagram

from ..facts import names
from ..finding import Severity
from ..rule import Rule


def check(diagram: Diagram):
    pairs = defaultdict(list)
    for peering in diagram.of_kind("VpcPeering"):
        a, b = peering.get("requester"), peering.get("accepter")
        if isinstance(a, str) and isinstance(b, str) and a and b and a in diagram and b in diagram:
            pairs[tuple(sorted((a, b)))].append(peering)
    for (a, b), peerings in sorted(pairs.items()):
        if len(peerings) > 1:
            yield RULE.finding("VPCs {a} and {b} have {count} peering connections: {peerings}.",
                               [*(p.id for p in peerings), a, b], a=diagram[a].label, b=diagram[b].label,
                               count=len(peerings), peerings=names(peerings))


RULE = Rule(
    id="peering-duplicate",
    severity=Severity.ERROR,
    title="Two peerings between the same VPCs",
    fix="Keep one peering connection between the two VPCs and route all their traffic over it.",
    lesson=("Two VPCs can be joined by only one peering connection at a time. A single peering has "
            "no bandwidth limit of its own and no single point of failure, so one is all a pair "
            "of VPCs ever needs."),
    docs="https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html",
    watches=("VpcPeering", "Vpc"),
    watches_properties={"VpcPeering": ("requester", "accepter"), "Vpc": ()},
    watches_relations=False,
    check=check,
)
