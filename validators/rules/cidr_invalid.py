"""cidr-invalid: a VPC or subnet CIDR that is malformed, or whose IPv4 prefix is outside /16–/28."""

from __future__ import annotations

from model.cidr import parse
from model.diagram import Diagram
from model.schema import Unresolved

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

SMALLEST, LARGEST = 28, 16

_TOO_LARGE = "{what} {name}: {cidr} is too large: AWS allows /16 (65,536 addresses) to /28 (16 addresses)."
_TOO_SMALL = "{what} {name}: {cidr} is too small: AWS allows /16 (65,536 addresses) to /28 (16 addresses)."
_NOT_V4 = "{what} {name}: {cidr} is not a valid IPv4 network."
_NOT_V6 = "{what} {name}: IPv6 CIDR {cidr} is not a valid IPv6 network."


def check_one(diagram: Diagram, record):
    what = "VPC" if record.kind == "Vpc" else "Subnet"
    if record.kind == "Vpc":
        v4 = list(record.get("cidr_blocks", ()))
        if not v4:
            yield RULE.finding("VPC {name} has no IPv4 CIDR block.", [record.id], name=record.label)
    else:
        v4 = [record.get("cidr")] if record.get("cidr") else []
        if not v4 and not record.get("ipv6_cidr"):  # IPv6-only subnets need no IPv4 block
            yield RULE.finding("Subnet {name} has no CIDR block.", [record.id], name=record.label)
    for block in v4:
        template = _v4_problem(block)
        if template:
            yield RULE.finding(template, [record.id], what=what, name=record.label, cidr=block)
    v6 = record.get("ipv6_cidr")
    if isinstance(v6, str) and v6 and (parse(v6) is None or parse(v6).version != 6):
        yield RULE.finding(_NOT_V6, [record.id], what=what, name=record.label, cidr=v6)


def _v4_problem(text) -> str:
    if isinstance(text, Unresolved):
        return ""
    net = parse(text) if isinstance(text, str) else None
    if net is None or net.version != 4:
        return _NOT_V4
    if net.prefixlen < LARGEST:
        return _TOO_LARGE
    if net.prefixlen > SMALLEST:
        return _TOO_SMALL
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
    watches_properties={"Vpc": ("cidr_blocks", "ipv6_cidr"), "Subnet": ("cidr", "ipv6_cidr")},
    watches_relations=False,
    scope=per_record(("Vpc", "Subnet"), check_one),
)
