"""alb-internet-facing-private: an internet-facing load balancer in subnets with no route to an
internet gateway."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import names
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, lb):
    if lb.get("scheme") != "internet-facing":
        return
    private = [s for s in q.subnets_of(diagram, lb.id) if not q.is_public_subnet(diagram, s.id)]
    if private:
        yield RULE.finding("Internet-facing load balancer {lb} is in private subnet(s) {subnets}, "
                           "which have no route to an internet gateway.",
                           [lb.id, *(s.id for s in private)], lb=lb.label, subnets=names(private))


RULE = Rule(
    id="alb-internet-facing-private",
    severity=Severity.ERROR,
    title="Internet-facing load balancer in private subnets",
    fix="Place the load balancer in public subnets (route 0.0.0.0/0 to the internet gateway), or "
        "make it internal.",
    lesson=("An internet-facing load balancer gets public addresses on nodes in the subnets you "
            "give it, so those subnets must be public: their route table needs a route to the "
            "internet gateway. The targets behind it can, and usually should, stay in private "
            "subnets of the same zones."),
    docs="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html",
    watches=("LoadBalancer", "Subnet", "RouteTable", "InternetGateway", "Vpc", "AvailabilityZone"),
    watches_properties={"LoadBalancer": ("scheme", "subnets"), "Subnet": ("route_table",),
                        "RouteTable": ("routes", "main"), "InternetGateway": (), "Vpc": (),
                        "AvailabilityZone": ()},
    watches_relations=False,
    scope=per_record("LoadBalancer", check_one, reach=3),
)
