"""cidr-invalid: a VPC or subnet IPv4 CIDR that is malformed or not between /16 and /28."""

from __future__ import annotations

from model.cidr import parse_v4
from model.diagram import Diagram
from model.schema import Unresolved

from ..finding import Severity
from ..rule import Rule

SMALLEST, LARGEST = 28, 16


def check(diagram: Diagram):
    for vpc in diagram.of_kind("Vpc"):
        for block in vpc.get("cidr_blocks", ()):
            problem = _problem(block)
            if problem:
                yield RULE.finding(f"VPC {vpc.label}: CIDR block {block} {problem}.", [vpc.id])
    for subnet in diagram.of_kind("Subnet"):
        problem = _problem(subnet.get("cidr"))
        if problem:
            yield RULE.finding(f"Subnet {subnet.label}: CIDR {subnet.get('cidr') or '(none)'} {problem}.",
                               [subnet.id])


def _problem(text) -> str:
    if isinstance(text, Unresolved):
        return ""
    net = parse_v4(text) if text else None
    if net is None:
        return "is not a valid IPv4 network"
    if not LARGEST <= net.prefixlen <= SMALLEST:
        size = "large" if net.prefixlen < LARGEST else "small"
        return f"is too {size}: AWS allows /{LARGEST} (65,536 addresses) to /{SMALLEST} (16 addresses)"
    return ""


RULE = Rule(
    id="cidr-invalid",
    severity=Severity.ERROR,
    title="CIDR block malformed or outside /16–/28",
    fix="Use a block between /16 and /28, such as 10.0.0.0/16 for a VPC or 10.0.1.0/24 for a subnet.",
    lesson=("Every VPC and subnet IPv4 block must be between a /16 (65,536 addresses) and a /28 "
            "(16 addresses). A larger block cannot be created at all, and a smaller one leaves too "
            "few addresses once AWS reserves five in each subnet."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html",
    watches=("Vpc", "Subnet"),
    check=check,
)
