"""db-subnet-group-public-subnets: a DB subnet group containing public subnets."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import names
from ..finding import Severity
from ..rule import Rule


def check_one(diagram: Diagram, group):
    public = [s for s in q.subnets_of(diagram, group.id) if q.is_public_subnet(diagram, s.id)]
    if public and not any(db.get("publicly_accessible") for db in diagram.referrers(group.id)):
        yield RULE.finding("DB subnet group {group} contains public subnet(s) {subnets}.",
                           [group.id, *(s.id for s in public)], group=group.label, subnets=names(public))


def check(diagram: Diagram):
    """Every DB subnet group; unscoped, because a group is judged by the databases that refer to it
    (a deliberately public database may use public subnets)."""
    for group in diagram.of_kind("DbSubnetGroup"):
        yield from check_one(diagram, group)


RULE = Rule(
    id="db-subnet-group-public-subnets",
    severity=Severity.WARNING,
    title="DB subnet group with public subnets",
    fix="Build the DB subnet group from private subnets only (one per zone).",
    lesson=("Databases belong in private subnets, reachable only from the application tier's "
            "security group. A DB subnet group that includes public subnets puts the database one "
            "setting away from the internet; AWS describes DB subnet groups as collections of "
            "typically private subnets."),
    docs="https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html",
    watches=("DbSubnetGroup", "RdsInstance", "AuroraCluster", "Subnet", "RouteTable",
             "InternetGateway", "Vpc", "AvailabilityZone"),
    watches_properties={"DbSubnetGroup": ("subnets",), "RdsInstance": ("publicly_accessible", "db_subnet_group"),
                        "AuroraCluster": ("db_subnet_group",), "Subnet": ("route_table",),
                        "RouteTable": ("routes", "main"), "InternetGateway": (), "Vpc": (),
                        "AvailabilityZone": ()},
    watches_relations=False,
    check=check,
)
