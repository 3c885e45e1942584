"""vpc-secondary-cidr-restricted: a secondary VPC block from a range AWS will not combine with the
VPC's primary block (the association-restriction table)."""

from __future__ import annotations

import ipaddress

from model.cidr import RFC1918
from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

_N = ipaddress.ip_network
TEN, ONE72, ONE92 = _N("10.0.0.0/8"), _N("172.16.0.0/12"), _N("192.168.0.0/16")
BENCHMARK, CGNAT = _N("198.19.0.0/16"), _N("100.64.0.0/10")

#: What a VPC whose primary block is in the key range may not add as a secondary block.
RESTRICTED = {
    TEN: (ONE72, ONE92, BENCHMARK),
    ONE72: (TEN, ONE92, _N("172.31.0.0/16"), BENCHMARK),
    ONE92: (TEN, ONE72, BENCHMARK),
    BENCHMARK: RFC1918,
}


def _family(n):
    for key in RESTRICTED:
        if n.subnet_of(key):
            return key
    if n.subnet_of(CGNAT) or not n.is_private:
        return "public"
    return None


def check_one(diagram: Diagram, vpc):
    blocks = [(t, net(t)) for t in vpc.get("cidr_blocks", ())]
    blocks = [(t, n) for t, n in blocks if n is not None and n.version == 4]
    if len(blocks) < 2:
        return
    primary_text, primary = blocks[0]
    family = _family(primary)
    forbidden = RESTRICTED.get(family, RFC1918 + (BENCHMARK,) if family == "public" else ())
    for text, n in blocks[1:]:
        if n.subnet_of(CGNAT) or (not n.is_private and not n.subnet_of(BENCHMARK)):
            continue  # public and 100.64.0.0/10 blocks may be added to any VPC
        if any(n.overlaps(f) for f in forbidden):
            yield RULE.finding("VPC {vpc}: a secondary block {cidr} cannot be added to a VPC whose "
                               "primary block is {primary}.", [vpc.id], vpc=vpc.label, cidr=text,
                               primary=primary_text)


RULE = Rule(
    id="vpc-secondary-cidr-restricted",
    severity=Severity.ERROR,
    title="Secondary block from a range AWS does not allow with the primary",
    fix="Choose the secondary block from the same private range as the primary block (or from "
        "100.64.0.0/10).",
    lesson=("A VPC can grow with secondary IPv4 blocks, but AWS restricts which ranges may be "
            "mixed: a VPC created in 10.0.0.0/8 cannot add 172.16.0.0/12 or 192.168.0.0/16 blocks, "
            "and so on. Public ranges and 100.64.0.0/10 can be added to any VPC. Picking the "
            "secondary block from the primary's own range always works."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html",
    watches=("Vpc",),
    watches_properties={"Vpc": ("cidr_blocks",)},
    watches_relations=False,
    scope=per_record("Vpc", check_one),
)
