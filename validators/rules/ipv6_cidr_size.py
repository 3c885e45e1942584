"""ipv6-cidr-size: a VPC IPv6 block that is not a /56, or a subnet IPv6 block that is not a /64."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, record):
    n = net(record.get("ipv6_cidr"))
    if n is None or n.version != 6:
        return
    expected = 56 if record.kind == "Vpc" else 64
    if n.prefixlen != expected:
        yield RULE.finding("{what} {name}: IPv6 block {cidr} must be a /{expected}.", [record.id],
                           what="VPC" if record.kind == "Vpc" else "Subnet", name=record.label,
                           cidr=n, expected=expected)


RULE = Rule(
    id="ipv6-cidr-size",
    severity=Severity.ERROR,
    title="IPv6 block of the wrong size",
    fix="Give the VPC an Amazon-provided /56 and each subnet a /64 taken from it.",
    lesson=("IPv6 blocks in a VPC have fixed sizes: the VPC gets a /56 and each subnet a /64 carved "
            "out of it, 256 subnets in all. Unlike IPv4 there is no sizing to do, because even one "
            "/64 holds more addresses than any subnet could use."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html",
    watches=("Vpc", "Subnet"),
    watches_properties={"Vpc": ("ipv6_cidr",), "Subnet": ("ipv6_cidr",)},
    watches_relations=False,
    scope=per_record(("Vpc", "Subnet"), check_one),
)
