"""route-reserved-destination: a route to 169.254.168.0/22 or fd00:ec2::/32, reserved by AWS."""

from __future__ import annotations

import ipaddress

from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

RESERVED = (ipaddress.ip_network("169.254.168.0/22"), ipaddress.ip_network("fd00:ec2::/32"))


def check_one(diagram: Diagram, rt):
    for route in rt.get("routes", ()):
        n = net(route.get("destination"))
        if n is None:
            continue
        for reserved in RESERVED:
            if n.version == reserved.version and n.subnet_of(reserved):
                yield RULE.finding("Route table {rt} has a route to {destination}, inside {reserved}, "
                                   "which AWS reserves for its own services.", [rt.id], rt=rt.label,
                                   destination=n, reserved=reserved)


RULE = Rule(
    id="route-reserved-destination",
    severity=Severity.ERROR,
    title="Route to a range AWS reserves",
    fix="Remove the route; the instance metadata and Amazon DNS addresses cannot be routed elsewhere.",
    lesson=("AWS keeps 169.254.168.0/22 and fd00:ec2::/32 for services every instance reaches "
            "locally, such as instance metadata and the Amazon DNS server. A route whose destination "
            "lies inside them is refused; a broader route that covers them is accepted, but packets "
            "to the reserved addresses are never forwarded by it."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html",
    watches=("RouteTable",),
    watches_properties={"RouteTable": ("routes",)},
    watches_relations=False,
    scope=per_record("RouteTable", check_one),
)
