"""nacl-rule-quota: more rules in a network ACL than the default quota of 20 per direction."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

QUOTA = 20


def check_one(diagram: Diagram, acl):
    for direction in ("inbound", "outbound"):
        counts = {4: 0, 6: 0}
        for rule in acl.get(direction, ()):
            n = net(rule.get("cidr"))
            counts[n.version if n is not None else 4] += 1
        for version, count in counts.items():
            if count > QUOTA:
                yield RULE.finding("Network ACL {acl} has {count} {direction} IPv{version} rules; the "
                                   "default quota is {quota}.", [acl.id], acl=acl.label, count=count,
                                   direction=direction, version=version, quota=QUOTA)


RULE = Rule(
    id="nacl-rule-quota",
    severity=Severity.WARNING,
    title="More network ACL rules than the default quota",
    fix="Merge rules into larger ranges, or request an increase (up to 40 per direction).",
    lesson=("A network ACL holds 20 rules per direction and IP family by default, at most 40. "
            "Network ACLs are meant as coarse subnet-level guards; fine-grained rules belong in "
            "security groups."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html",
    watches=("NetworkAcl",),
    watches_properties={"NetworkAcl": ("inbound", "outbound")},
    watches_relations=False,
    scope=per_record("NetworkAcl", check_one),
)
