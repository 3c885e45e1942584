"""sg-rule-quota: more rules in a security group than the default quota of 60 per direction."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

QUOTA = 60


def check_one(diagram: Diagram, sg):
    for direction in ("ingress", "egress"):
        counts = {4: 0, 6: 0}
        for rule in sg.get(direction, ()):
            n = net(rule.get("cidr"))
            counts[n.version if n is not None else 4] += 1
        for version, count in counts.items():
            if count > QUOTA:
                yield RULE.finding("Security group {sg} has {count} {direction} rules for IPv{version}; "
                                   "the default quota is {quota}.", [sg.id], sg=sg.label, count=count,
                                   direction="inbound" if direction == "ingress" else "outbound",
                                   version=version, quota=QUOTA)


RULE = Rule(
    id="sg-rule-quota",
    severity=Severity.WARNING,
    title="More security group rules than the default quota",
    fix="Reference security groups or prefix lists instead of listing many ranges, or request a "
        "quota increase.",
    lesson=("A security group holds 60 inbound and 60 outbound rules per IP family by default, and "
            "the rules of all groups on one interface count together against a further limit. "
            "Referring to another security group or a managed prefix list replaces many rules "
            "with one."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html",
    watches=("SecurityGroup",),
    watches_properties={"SecurityGroup": ("ingress", "egress")},
    watches_relations=False,
    scope=per_record("SecurityGroup", check_one),
)
