"""db-publicly-accessible-private: a publicly accessible database that cannot be reached publicly:
a private subnet in its DB subnet group, or DNS turned off in its VPC."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import names
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, db):
    if not db.get("publicly_accessible"):
        return
    subnets = q.subnets_of(diagram, db.id)
    private = [s for s in subnets if not q.is_public_subnet(diagram, s.id)]
    if private:
        yield RULE.finding("Publicly accessible database {db} has private subnet(s) {subnets} in its DB "
                           "subnet group.", [db.id, *(s.id for s in private)], db=db.label,
                           subnets=names(private))
    vpc = q.vpc_of(diagram, subnets[0].id) if subnets else None
    if vpc is not None and not (vpc.get("enable_dns_support") and vpc.get("enable_dns_hostnames")):
        yield RULE.finding("Publicly accessible database {db} is in VPC {vpc}, whose DNS resolution or "
                           "DNS hostnames are off.", [db.id, vpc.id], db=db.label, vpc=vpc.label)


RULE = Rule(
    id="db-publicly-accessible-private",
    severity=Severity.ERROR,
    title="Publicly accessible database that cannot be public",
    fix="Keep the database private (recommended), or put only public subnets in its DB subnet group "
        "and turn on DNS resolution and hostnames.",
    lesson=("A publicly accessible DB instance gets a DNS name that resolves to a public address, "
            "but only if every subnet of its DB subnet group is public and the VPC has DNS "
            "resolution and DNS hostnames on. Otherwise the setting does nothing useful, and in "
            "most designs the database should simply stay private."),
    docs="https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html",
    watches=("RdsInstance", "DbSubnetGroup", "Subnet", "RouteTable", "InternetGateway", "Vpc",
             "AvailabilityZone"),
    watches_properties={"RdsInstance": ("publicly_accessible", "db_subnet_group"),
                        "DbSubnetGroup": ("subnets",), "Subnet": ("route_table",),
                        "RouteTable": ("routes", "main"), "InternetGateway": (),
                        "Vpc": ("enable_dns_support", "enable_dns_hostnames"), "AvailabilityZone": ()},
    watches_relations=False,
    scope=per_record("RdsInstance", check_one, reach=4),
)
