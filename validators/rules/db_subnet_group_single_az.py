"""db-subnet-group-single-az: a DB subnet group covering fewer than two Availability Zones."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import zone_coverage
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, group):
    subnets = q.subnets_of(diagram, group.id)
    zones, unknown = zone_coverage(diagram, subnets)
    if len(subnets) < 2 or (not unknown and len(zones) < 2):
        yield RULE.finding("DB subnet group {group} covers {count} Availability Zone(s); RDS needs "
                           "subnets in at least two.", [group.id, *(s.id for s in subnets)],
                           group=group.label, count=len(zones) if not unknown else len(subnets))


RULE = Rule(
    id="db-subnet-group-single-az",
    severity=Severity.ERROR,
    title="DB subnet group in fewer than two Availability Zones",
    fix="Add a subnet from a second Availability Zone to the DB subnet group.",
    lesson=("RDS places a database, and a Multi-AZ standby, in the subnets of its DB subnet group. "
            "AWS requires the group to span at least two Availability Zones, even for a single-AZ "
            "database, so a standby or a replacement can always be created in another zone."),
    docs="https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html",
    watches=("DbSubnetGroup", "Subnet", "AvailabilityZone"),
    watches_properties={"DbSubnetGroup": ("subnets",), "Subnet": ("availability_zone",),
                        "AvailabilityZone": ("zone",)},
    watches_relations=False,
    scope=per_record("DbSubnetGroup", check_one, reach=2),
)
