"""alb-subnet-size: an Application Load Balancer subnet smaller than /27."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

MIN_PREFIX = 27


def check_one(diagram: Diagram, lb):
    if lb.get("lb_type") != "application":
        return
    for subnet in q.subnets_of(diagram, lb.id):
        n = net(subnet.get("cidr"))
        if n is not None and n.version == 4 and n.prefixlen > MIN_PREFIX:
            yield RULE.finding("Application Load Balancer {lb} uses subnet {subnet} ({cidr}), smaller "
                               "than the /27 AWS asks for.", [lb.id, subnet.id], lb=lb.label,
                               subnet=subnet.label, cidr=n)


RULE = Rule(
    id="alb-subnet-size",
    severity=Severity.WARNING,
    title="Load balancer subnet smaller than /27",
    fix="Give the load balancer subnets of /27 or larger, each with at least 8 free addresses.",
    lesson=("An Application Load Balancer grows by adding nodes, each taking an address in its "
            "subnets, up to about 100 addresses in all. AWS asks for subnets of at least /27 with 8 "
            "free addresses each; in a smaller subnet the load balancer may fail to scale under load."),
    docs="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html",
    watches=("LoadBalancer", "Subnet"),
    watches_properties={"LoadBalancer": ("lb_type", "subnets"), "Subnet": ("cidr",)},
    watches_relations=False,
    scope=per_record("LoadBalancer", check_one, reach=1),
)
