"""alb-single-az: an Application Load Balancer whose subnets cover fewer than two zones."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import zone_coverage
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, lb):
    if lb.get("lb_type") != "application":
        return
    subnets = q.subnets_of(diagram, lb.id)
    zones, unknown = zone_coverage(diagram, subnets)
    if len(subnets) < 2 or (not unknown and len(zones) < 2):
        yield RULE.finding("Application Load Balancer {lb} has subnets in {count} Availability "
                           "Zone(s); it needs two or more.", [lb.id, *(s.id for s in subnets)],
                           lb=lb.label, count=len(zones) if not unknown else len(subnets))


RULE = Rule(
    id="alb-single-az",
    severity=Severity.ERROR,
    title="Application Load Balancer in fewer than two Availability Zones",
    fix="Add a subnet in a second Availability Zone to the load balancer's subnets.",
    lesson=("An Application Load Balancer runs nodes in each Availability Zone you enable, and AWS "
            "requires at least two zones so the load balancer survives the loss of one. Give it one "
            "subnet in each of two or more zones; the targets can then sit in those zones too."),
    docs="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html",
    watches=("LoadBalancer", "Subnet", "AvailabilityZone"),
    watches_properties={"LoadBalancer": ("lb_type", "subnets"), "Subnet": ("availability_zone",),
                        "AvailabilityZone": ("zone",)},
    watches_relations=False,
    scope=per_record("LoadBalancer", check_one, reach=2),
)
