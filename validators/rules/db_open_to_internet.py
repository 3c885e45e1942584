"""db-open-to-internet: a publicly accessible database in public subnets whose security group admits
the whole internet on its port."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

DEFAULT_PORTS = {"mysql": 3306, "mariadb": 3306, "postgres": 5432, "oracle-se2": 1521,
                 "sqlserver-ex": 1433}


def _admits_world(sg, port: int) -> bool:
    for rule in sg.get("ingress", ()):
        n = net(rule.get("cidr"))
        if n is None or n.prefixlen != 0:
            continue
        if rule.get("protocol") == "all":
            return True
        low, high = rule.get("from_port"), rule.get("to_port")
        if rule.get("protocol") == "tcp" and isinstance(low, int) and isinstance(high, int) \
                and low <= port <= high:
            return True
    return False


def check_one(diagram: Diagram, db):
    if not db.get("publicly_accessible"):
        return
    subnets = q.subnets_of(diagram, db.id)
    if not subnets or not all(q.is_public_subnet(diagram, s.id) for s in subnets):
        return  # not reachable at all: db-publicly-accessible-private
    port = db.get("port") or DEFAULT_PORTS.get(db.get("engine"), 0)
    for sg in q.security_groups_of(diagram, db.id):
        if _admits_world(sg, port):
            yield RULE.finding("Database {db} is publicly accessible and security group {sg} lets anyone "
                               "on the internet connect to port {port}.", [db.id, sg.id], db=db.label,
                               sg=sg.label, port=port)


RULE = Rule(
    id="db-open-to-internet",
    severity=Severity.WARNING,
    title="Database reachable from the whole internet",
    fix="Turn off public accessibility and let only the application tier's security group in on the "
        "database port.",
    lesson=("A database should be reached by the application servers only, never directly from the "
            "internet or even from the load balancer. With public accessibility on, public "
            "subnets and a security group open to 0.0.0.0/0, anyone can try passwords against it. "
            "Reference the application tier's security group instead of an address range."),
    docs="https://docs.aws.amazon.com/wellarchitected/2023-04-10/framework/sec_network_protection_create_layers.html",
    watches=("RdsInstance", "DbSubnetGroup", "Subnet", "RouteTable", "InternetGateway", "Vpc",
             "AvailabilityZone", "SecurityGroup"),
    watches_properties={"RdsInstance": ("publicly_accessible", "db_subnet_group", "security_groups",
                                        "port", "engine"),
                        "DbSubnetGroup": ("subnets",), "Subnet": ("route_table",),
                        "RouteTable": ("routes", "main"), "InternetGateway": (), "Vpc": (),
                        "AvailabilityZone": (), "SecurityGroup": ("ingress",)},
    watches_relations=False,
    scope=per_record("RdsInstance", check_one, reach=4),
)
