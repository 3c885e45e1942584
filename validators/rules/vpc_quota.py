"""vpc-quota: more VPCs in one Region than the default quota of five."""

from __future__ import annotations

from collections import defaultdict

from model import queries as q
from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule

QUOTA = 5


def check(diagram: Diagram):
    by_region = defaultdict(list)
    for vpc in diagram.of_kind("Vpc"):
        by_region[q.region_of(diagram, vpc.id)].append(vpc)
    for region, vpcs in sorted(by_region.items()):
        if len(vpcs) > QUOTA:
            yield RULE.finding("Region {region} has {count} VPCs; the default quota is {quota}.",
                               sorted(v.id for v in vpcs), region=region, count=len(vpcs), quota=QUOTA)


RULE = Rule(
    id="vpc-quota",
    severity=Severity.WARNING,
    title="More VPCs in a Region than the default quota",
    fix="Request a quota increase for VPCs per Region (internet gateways follow the same quota).",
    lesson=("An account may create five VPCs per Region by default, and the quota for internet "
            "gateways is tied to it. It can be raised, but deployments beyond it fail until then."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html",
    watches=("Vpc", "Region"),
    watches_properties={"Vpc": (), "Region": ("region",)},
    watches_metadata=("region",),
    watches_relations=False,
    check=check,
)
