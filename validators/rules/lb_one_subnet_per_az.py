"""lb-one-subnet-per-az: a load balancer with two subnets in the same Availability Zone."""

from __future__ import annotations

from collections import defaultdict

from model import queries as q
from model.diagram import Diagram

from ..facts import names
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, lb):
    by_zone = defaultdict(list)
    for subnet in q.subnets_of(diagram, lb.id):
        zone = q.az_of(diagram, subnet.id)
        if zone:
            by_zone[zone].append(subnet)
    for zone, group in sorted(by_zone.items(), key=lambda item: str(item[0])):
        if len(group) > 1:
            yield RULE.finding("Load balancer {lb} has {count} subnets in {zone}: {subnets}; only one "
                               "per zone is allowed.", [lb.id, *(s.id for s in group)], lb=lb.label,
                               count=len(group), zone=zone, subnets=names(group))


RULE = Rule(
    id="lb-one-subnet-per-az",
    severity=Severity.ERROR,
    title="Load balancer with two subnets in one zone",
    fix="Keep one subnet per Availability Zone in the load balancer's subnets.",
    lesson=("A load balancer places one node in each Availability Zone it is enabled in, inside the "
            "one subnet you choose for that zone. Application and Network Load Balancers accept "
            "only one subnet per zone; more capacity in a zone comes from the load balancer "
            "scaling itself, not from more subnets."),
    docs="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html",
    watches=("LoadBalancer", "Subnet", "AvailabilityZone"),
    watches_properties={"LoadBalancer": ("subnets",), "Subnet": ("availability_zone",),
                        "AvailabilityZone": ("zone",)},
    watches_relations=False,
    scope=per_record("LoadBalancer", check_one, reach=2),
)
