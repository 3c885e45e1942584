"""tgw-attachment-subnets: a transit gateway attachment without subnets, or with two in one zone."""

from __future__ import annotations

from collections import defaultdict

from model import queries as q
from model.diagram import Diagram

from ..facts import names
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, attachment):
    subnets = q.subnets_of(diagram, attachment.id)
    if not subnets:
        yield RULE.finding("Transit gateway attachment {att} has no subnets.", [attachment.id],
                           att=attachment.label)
        return
    by_zone = defaultdict(list)
    for subnet in subnets:
        zone = q.az_of(diagram, subnet.id)
        if zone:
            by_zone[zone].append(subnet)
    for zone, group in sorted(by_zone.items(), key=lambda item: str(item[0])):
        if len(group) > 1:
            yield RULE.finding("Transit gateway attachment {att} has {count} subnets in {zone}: "
                               "{subnets}; only one per zone is allowed.",
                               [attachment.id, *(s.id for s in group)], att=attachment.label,
                               count=len(group), zone=zone, subnets=names(group))


RULE = Rule(
    id="tgw-attachment-subnets",
    severity=Severity.ERROR,
    title="Transit gateway attachment subnets: none, or two in a zone",
    fix="Give the attachment exactly one subnet in each Availability Zone that should reach the "
        "transit gateway.",
    lesson=("A transit gateway reaches a VPC through one network interface per Availability Zone, "
            "placed in the subnet you choose for that zone. At least one subnet is required and "
            "only one per zone is allowed. AWS suggests a small dedicated subnet, such as a /28, "
            "in each zone for this."),
    docs="https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html",
    watches=("TransitGatewayAttachment", "Subnet", "AvailabilityZone"),
    watches_properties={"TransitGatewayAttachment": ("subnets",), "Subnet": ("availability_zone",),
                        "AvailabilityZone": ("zone",)},
    watches_relations=False,
    scope=per_record("TransitGatewayAttachment", check_one, reach=2),
)
