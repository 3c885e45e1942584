"""subnet-capacity: more network interfaces placed in a subnet than it has usable addresses."""

from __future__ import annotations

from math import ceil

from model import queries as q
from model.cidr import usable_addresses
from model.diagram import Diagram

from ..changes import PLACED_BY_SUBNETS
from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import Scope

#: Addresses an Application Load Balancer needs free in each of its subnets to scale.
ALB_FREE = 8


def demand(diagram: Diagram, subnet) -> int:
    """Addresses taken in ``subnet`` by what is placed in it; groups spread over several subnets
    are counted evenly (rounded up). Cost: O(resources in the subnet)."""
    total = 0
    for record in q.resources_in_subnet(diagram, subnet.id):
        total += _addresses(diagram, record)
    return total


def _number(value) -> int:
    """A count as written, or 0 when it is unknown (a template's unresolved parameter)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _spread(diagram: Diagram, record, count: int) -> int:
    subnets = len(q.subnets_of(diagram, record.id)) or 1
    return ceil(count / subnets)


def _addresses(diagram: Diagram, record) -> int:
    kind = record.kind
    if kind == "Instance":
        parent = diagram.get(record.parent)
        return 0 if parent is not None and parent.kind == "AutoScalingGroup" else 1
    if kind == "NatGateway" or kind == "TransitGatewayAttachment" or kind == "LambdaFunction":
        return 1
    if kind == "VpcEndpoint":
        return 1 if record.get("endpoint_type") == "interface" else 0
    if kind == "LoadBalancer":
        return ALB_FREE if record.get("lb_type") == "application" else 1
    if kind == "AutoScalingGroup":
        return _spread(diagram, record, _number(record.get("max_size")))
    if kind == "EcsService":
        return _spread(diagram, record, _number(record.get("desired_count"))) \
            if record.get("launch_type") == "FARGATE" else 0
    if kind == "ElastiCacheCluster":
        return _spread(diagram, record, 1 + _number(record.get("replicas")))
    if kind == "RdsInstance":
        return _spread(diagram, record, 2 if record.get("multi_az") else 1)
    if kind == "AuroraCluster":
        return _spread(diagram, record, _number(record.get("instance_count")))
    return 0


def check_one(diagram: Diagram, subnet):
    n = net(subnet.get("cidr"))
    if n is None or n.version != 4:
        return
    usable, needed = usable_addresses(n), demand(diagram, subnet)
    if needed > usable:
        yield RULE.finding("Subnet {subnet} ({cidr}) has {usable} usable addresses, but what is placed "
                           "in it needs {needed}.", [subnet.id], subnet=subnet.label, cidr=n,
                           usable=usable, needed=needed)


def _units(diagram: Diagram):
    return [s.id for s in diagram.of_kind("Subnet")]


def _check_unit(diagram: Diagram, rid: str):
    subnet = diagram.get(rid)
    return check_one(diagram, subnet) if subnet is not None and subnet.kind == "Subnet" else ()


def _affected(diagram: Diagram, touched):
    """The subnets a touched resource sits in or lists, before and after the change; a DB subnet
    group passes its subnets on to its databases, and a group's size to its instances."""
    out: set[str] = set()
    for rid in touched.kinds:
        for record in (diagram.get(rid), touched.before(rid)):
            if record is None:
                continue
            if record.kind == "Subnet":
                out.add(record.id)
            out |= _subnets_named(diagram, touched, record)
            parent = record.parent
            while parent is not None:
                container = touched.before(parent) or diagram.get(parent)
                if container is None:
                    break
                if container.kind == "Subnet":
                    out.add(container.id)
                if container.kind in PLACED_BY_SUBNETS:
                    out |= _subnets_named(diagram, touched, container)
                parent = container.parent
    return out


def _subnets_named(diagram, touched, record) -> set[str]:
    out = set()
    if record.kind in PLACED_BY_SUBNETS:
        out.update(s for s in record.get("subnets", ()) if isinstance(s, str))
    group_id = record.get("db_subnet_group") if record.kind in ("RdsInstance", "AuroraCluster") else None
    if isinstance(group_id, str) and group_id:
        for group in (diagram.get(group_id), touched.before(group_id)):
            if group is not None:
                out.update(s for s in group.get("subnets", ()) if isinstance(s, str))
    if record.kind == "DbSubnetGroup":
        for db in diagram.referrers(record.id):
            out |= _subnets_named(diagram, touched, db) if db.kind != "DbSubnetGroup" else set()
    return out


RULE = Rule(
    id="subnet-capacity",
    severity=Severity.ERROR,
    title="Subnet too small for what is placed in it",
    fix="Give the subnet a larger block (a smaller prefix number), or spread the resources over more "
        "subnets.",
    lesson=("Every network interface takes an address from its subnet, and AWS keeps five of each "
            "subnet's addresses for itself: a /28 leaves 11, a /24 leaves 251. Instances, NAT "
            "gateways, endpoints, Fargate tasks, Lambda's interfaces and the nodes of a load "
            "balancer (an ALB wants 8 free per subnet) all count. When the addresses run out, "
            "launches and scaling fail."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html",
    watches=("Subnet", "Instance", "NatGateway", "VpcEndpoint", "LoadBalancer", "AutoScalingGroup",
             "EcsService", "LambdaFunction", "ElastiCacheCluster", "RdsInstance", "AuroraCluster",
             "DbSubnetGroup", "TransitGatewayAttachment"),
    watches_properties={"Subnet": ("cidr",), "Instance": (), "NatGateway": (),
                        "VpcEndpoint": ("endpoint_type", "subnets"), "LoadBalancer": ("lb_type", "subnets"),
                        "AutoScalingGroup": ("max_size", "subnets"),
                        "EcsService": ("desired_count", "launch_type", "subnets"),
                        "LambdaFunction": ("subnets",), "ElastiCacheCluster": ("replicas", "subnets"),
                        "RdsInstance": ("multi_az", "db_subnet_group"),
                        "AuroraCluster": ("instance_count", "db_subnet_group"),
                        "DbSubnetGroup": ("subnets",), "TransitGatewayAttachment": ("subnets",)},
    watches_relations=False,
    scope=Scope(_units, _check_unit, _affected),
)
