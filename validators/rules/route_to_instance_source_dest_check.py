"""route-to-instance-source-dest-check: a route through an instance that still checks source and
destination."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, rt):
    for route in rt.get("routes", ()):
        target = diagram.get(route.get("target")) if isinstance(route.get("target"), str) else None
        if target is not None and target.kind == "Instance" and target.get("source_dest_check"):
            yield RULE.finding("Route table {rt} sends {destination} through instance {instance}, whose "
                               "source/destination check is on.", [rt.id, target.id], rt=rt.label,
                               destination=route.get("destination"), instance=target.label)


RULE = Rule(
    id="route-to-instance-source-dest-check",
    severity=Severity.ERROR,
    title="Routing through an instance with source/destination check on",
    fix="Turn off the source/destination check on the instance (NAT instance or appliance).",
    lesson=("By default an instance only accepts packets addressed to it and only sends packets from "
            "its own address. A NAT instance, firewall or other middlebox forwards other hosts' "
            "traffic, so its source/destination check must be switched off, or it drops every "
            "packet routed through it."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html",
    watches=("RouteTable", "Instance"),
    watches_properties={"RouteTable": ("routes",), "Instance": ("source_dest_check",)},
    watches_relations=False,
    scope=per_record("RouteTable", check_one, reach=1),
)
