"""lb-az-without-targets: a load balancer zone where none of its targets are."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import listener_target_groups
from ..finding import Severity
from ..rule import Rule


def _target_zones(diagram: Diagram, lb) -> tuple[set, bool]:
    """Zones of the instances, groups and services behind the load balancer, and whether any
    target's zone is unknown (then nothing is reported)."""
    zones, unknown, any_target = set(), False, False
    for _, tg in listener_target_groups(diagram, lb):
        if tg.get("target_type") not in ("instance", "ip"):
            return set(), True
        for target in q.targets_of(diagram, tg.id):
            any_target = True
            subnets = q.subnets_of(diagram, target.id)
            found = {q.az_of(diagram, s.id) for s in subnets} - {""}
            unknown |= not found
            zones |= found
    return zones, unknown or not any_target


def check(diagram: Diagram):
    for lb in diagram.of_kind("LoadBalancer"):
        zones, unknown = _target_zones(diagram, lb)
        if unknown:
            continue
        for subnet in q.subnets_of(diagram, lb.id):
            zone = q.az_of(diagram, subnet.id)
            if zone and zone not in zones:
                yield RULE.finding("Load balancer {lb} is enabled in {zone} (subnet {subnet}), but none "
                                   "of its targets are in that zone.", [lb.id, subnet.id], lb=lb.label,
                                   zone=zone, subnet=subnet.label)


RULE = Rule(
    id="lb-az-without-targets",
    severity=Severity.WARNING,
    title="Load balancer zone without targets",
    fix="Place targets in every zone the load balancer is enabled in (e.g. one instance per zone, or "
        "an Auto Scaling group across the same zones).",
    lesson=("A load balancer has a node in each enabled zone, and DNS sends clients to all of them. "
            "A node whose zone holds no registered targets either sends everything across zones or, "
            "without cross-zone load balancing, has nothing to send to. AWS advises targets in "
            "every zone the load balancer uses."),
    docs="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-subnets.html",
    watches=("LoadBalancer", "TargetGroup", "Instance", "AutoScalingGroup", "EcsService", "Subnet",
             "AvailabilityZone", "DbSubnetGroup"),
    watches_properties={"LoadBalancer": ("subnets", "listeners"), "TargetGroup": ("targets", "target_type"),
                        "Instance": (), "AutoScalingGroup": ("subnets", "target_groups"),
                        "EcsService": ("subnets", "load_balancers"),
                        "Subnet": ("availability_zone",), "AvailabilityZone": ("zone",),
                        "DbSubnetGroup": ()},
    watches_relations=False,
    check=check,
)
