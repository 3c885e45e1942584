"""subnet-quota: more subnets in a VPC than the default quota of 200."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_vpc

QUOTA = 200


def check_vpc(diagram: Diagram, vpc):
    count = len(q.subnets_in_vpc(diagram, vpc.id))
    if count > QUOTA:
        yield RULE.finding("VPC {vpc} has {count} subnets; the default quota is {quota}.", [vpc.id],
                           vpc=vpc.label, count=count, quota=QUOTA)


RULE = Rule(
    id="subnet-quota",
    severity=Severity.WARNING,
    title="More subnets than the default quota",
    fix="Request a quota increase, or use fewer, larger subnets.",
    lesson=("Each VPC may hold 200 subnets by default. The quota can be raised, but a design that "
            "needs that many subnets is often better served by larger subnets and security groups "
            "for separation."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html",
    watches=("Vpc", "Subnet", "AvailabilityZone"),
    watches_properties={"Vpc": (), "Subnet": (), "AvailabilityZone": ()},
    watches_relations=False,
    scope=per_vpc(check_vpc),
)
