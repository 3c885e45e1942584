"""cidr-not-canonical: a CIDR written with host bits set, which AWS silently rewrites."""

from __future__ import annotations

from model.cidr import is_canonical
from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, record):
    what = "VPC" if record.kind == "Vpc" else "Subnet"
    texts = list(record.get("cidr_blocks", ())) if record.kind == "Vpc" else [record.get("cidr")]
    texts.append(record.get("ipv6_cidr"))
    for text in texts:
        n = net(text)
        if n is not None and not is_canonical(text):
            yield RULE.finding("{what} {name}: {cidr} has host bits set; AWS will store it as {canonical}.",
                               [record.id], what=what, name=record.label, cidr=text, canonical=n)


RULE = Rule(
    id="cidr-not-canonical",
    severity=Severity.WARNING,
    title="CIDR with host bits set",
    fix="Write the network address itself, e.g. 10.0.0.0/24 rather than 10.0.0.5/24.",
    lesson=("A CIDR block names a network: the bits after the prefix length must be zero. If you "
            "write 100.68.0.18/18, AWS quietly turns it into its canonical form 100.68.0.0/18, which "
            "may be a larger or different range than you meant. Writing the canonical form keeps the "
            "design honest about the addresses it uses."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html",
    watches=("Vpc", "Subnet"),
    watches_properties={"Vpc": ("cidr_blocks", "ipv6_cidr"), "Subnet": ("cidr", "ipv6_cidr")},
    watches_relations=False,
    scope=per_record(("Vpc", "Subnet"), check_one),
)
