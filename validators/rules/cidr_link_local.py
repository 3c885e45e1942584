"""cidr-link-local: a VPC block in the link-local range 169.254.0.0/16."""

from __future__ import annotations

import ipaddress

from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

LINK_LOCAL = ipaddress.ip_network("169.254.0.0/16")


def check_one(diagram: Diagram, vpc):
    for text in vpc.get("cidr_blocks", ()):
        n = net(text)
        if n is not None and n.version == 4 and n.overlaps(LINK_LOCAL):
            yield RULE.finding("VPC {vpc}: {cidr} overlaps the link-local range 169.254.0.0/16.",
                               [vpc.id], vpc=vpc.label, cidr=text)


RULE = Rule(
    id="cidr-link-local",
    severity=Severity.ERROR,
    title="VPC block in the link-local range",
    fix="Use a private range such as 10.0.0.0/16 or 192.168.0.0/16 for the VPC.",
    lesson=("Addresses in 169.254.0.0/16 are link-local: they only mean something on one network "
            "link, and AWS uses them for services every instance reaches, such as the instance "
            "metadata service at 169.254.169.254. That is why a VPC can never be given a block from "
            "this range."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html",
    watches=("Vpc",),
    watches_properties={"Vpc": ("cidr_blocks",)},
    watches_relations=False,
    scope=per_record("Vpc", check_one),
)
