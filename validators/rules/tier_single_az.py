"""tier-single-az: an application tier (Auto Scaling group, ECS service, VPC Lambda function, Network
Load Balancer, cache) placed in a single Availability Zone."""

from __future__ import annotations

from model import kinds
from model import queries as q
from model.diagram import Diagram

from ..facts import zone_coverage
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

KINDS = ("AutoScalingGroup", "EcsService", "LambdaFunction", "LoadBalancer", "ElastiCacheCluster")


def check_one(diagram: Diagram, record):
    if record.kind == "LoadBalancer" and record.get("lb_type") != "network":
        return  # Application Load Balancers: alb-single-az, an error
    subnets = q.subnets_of(diagram, record.id)
    if not subnets:
        return
    zones, unknown = zone_coverage(diagram, subnets)
    if not unknown and len(zones) == 1:
        yield RULE.finding("{kind} {name} runs only in {zone}.", [record.id, *(s.id for s in subnets)],
                           kind=kinds.kind(record.kind).label, name=record.label, zone=next(iter(zones)))


RULE = Rule(
    id="tier-single-az",
    severity=Severity.WARNING,
    title="Tier in a single Availability Zone",
    fix="Give the tier subnets in at least two Availability Zones.",
    lesson=("Availability Zones fail independently, and the Well-Architected Framework's "
            "reliability pillar asks every tier to span at least two of them. An Auto Scaling "
            "group, service, function or load balancer in one zone stops when that zone does."),
    docs="https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_fault_isolation_multiaz_region_system.html",
    watches=KINDS + ("Subnet", "AvailabilityZone"),
    watches_properties={"AutoScalingGroup": ("subnets",), "EcsService": ("subnets",),
                        "LambdaFunction": ("subnets",), "LoadBalancer": ("subnets", "lb_type"),
                        "ElastiCacheCluster": ("subnets",), "Subnet": ("availability_zone",),
                        "AvailabilityZone": ("zone",)},
    watches_relations=False,
    scope=per_record(KINDS, check_one, reach=2),
)
