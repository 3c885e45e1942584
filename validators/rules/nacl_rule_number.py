"""nacl-rule-number: a network ACL rule number outside 1–32766, or used twice in one direction."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, acl):
    for direction in ("inbound", "outbound"):
        seen = set()
        for rule in acl.get(direction, ()):
            number = rule.get("rule_number")
            if not isinstance(number, int):
                continue
            if not 1 <= number <= 32766:
                yield RULE.finding("Network ACL {acl}: {direction} rule number {number} is outside "
                                   "1–32766.", [acl.id], acl=acl.label, direction=direction, number=number)
            elif number in seen:
                yield RULE.finding("Network ACL {acl}: {direction} rule number {number} is used twice.",
                                   [acl.id], acl=acl.label, direction=direction, number=number)
            seen.add(number)


RULE = Rule(
    id="nacl-rule-number",
    severity=Severity.ERROR,
    title="Network ACL rule number invalid or repeated",
    fix="Number the rules 1–32766, each number once per direction, leaving gaps (100, 200...) for "
        "later inserts.",
    lesson=("A network ACL checks its rules in order of rule number, lowest first, and the first "
            "match decides; the final '*' rule denies everything else. Numbers run from 1 to 32766 "
            "and each identifies one rule per direction, so two rules cannot share one."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html",
    watches=("NetworkAcl",),
    watches_properties={"NetworkAcl": ("inbound", "outbound")},
    watches_relations=False,
    scope=per_record("NetworkAcl", check_one),
)
