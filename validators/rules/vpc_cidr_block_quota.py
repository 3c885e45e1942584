"""vpc-cidr-block-quota: more IPv4 blocks on a VPC than the default quota of five."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

QUOTA = 5


def check_one(diagram: Diagram, vpc):
    count = len(vpc.get("cidr_blocks", ()))
    if count > QUOTA:
        yield RULE.finding("VPC {vpc} has {count} IPv4 CIDR blocks; the default quota is {quota}.",
                           [vpc.id], vpc=vpc.label, count=count, quota=QUOTA)


RULE = Rule(
    id="vpc-cidr-block-quota",
    severity=Severity.WARNING,
    title="More IPv4 blocks than the default quota",
    fix="Request a quota increase (up to 50 blocks) before deploying, or use fewer, larger blocks.",
    lesson=("A VPC may carry five IPv4 CIDR blocks by default, the primary one included. The quota "
            "can be raised to 50, but the deployment fails until it is. Each block also adds a local "
            "route to every route table of the VPC."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html",
    watches=("Vpc",),
    watches_properties={"Vpc": ("cidr_blocks",)},
    watches_relations=False,
    scope=per_record("Vpc", check_one),
)
