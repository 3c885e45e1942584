"""cidr-not-private: a VPC IPv4 block outside the private ranges of RFC 1918."""

from __future__ import annotations

import ipaddress

from model.cidr import RFC1918
from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

_LINK_LOCAL = ipaddress.ip_network("169.254.0.0/16")  # an error of its own (cidr-link-local)


def check_one(diagram: Diagram, vpc):
    for text in vpc.get("cidr_blocks", ()):
        n = net(text)
        if n is None or n.version != 4 or n.overlaps(_LINK_LOCAL):
            continue
        if not any(n.subnet_of(private) for private in RFC1918):
            yield RULE.finding("VPC {vpc}: {cidr} is not a private (RFC 1918) range.", [vpc.id],
                               vpc=vpc.label, cidr=text)


RULE = Rule(
    id="cidr-not-private",
    severity=Severity.WARNING,
    title="VPC block outside the private ranges",
    fix="Use a block from 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 unless you own the public range.",
    lesson=("AWS accepts a publicly routable block for a VPC, but recommends the private ranges of "
            "RFC 1918: 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16. A VPC using someone else's "
            "public addresses cannot reach the real owners of those addresses on the internet."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html",
    watches=("Vpc",),
    watches_properties={"Vpc": ("cidr_blocks",)},
    watches_relations=False,
    scope=per_record("Vpc", check_one),
)
