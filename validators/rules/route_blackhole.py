"""route-blackhole: a route whose target is missing, unattached, or belongs to another VPC."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_vpc

_MISSING = "Route table {rt}: the route to {destination} goes to {target}, which does not exist."
_NO_TARGET = "Route table {rt}: the route to {destination} has no target."
_UNATTACHED = ("Route table {rt}: the route to {destination} goes to {target}, which is not attached "
               "to VPC {vpc}.")
_OTHER_VPC = ("Route table {rt}: the route to {destination} goes to {target}, which belongs to "
              "another VPC than {vpc}.")


def check_vpc(diagram: Diagram, vpc):
    attached_tgws = {a.get("transit_gateway") for a in diagram.children(vpc.id)
                     if a.kind == "TransitGatewayAttachment"}
    for rt in diagram.children(vpc.id):
        if rt.kind != "RouteTable":
            continue
        for route in rt.get("routes", ()):
            target_id = route.get("target")
            params = dict(rt=rt.label, destination=route.get("destination") or "?", vpc=vpc.label)
            if not isinstance(target_id, str):
                continue  # unresolved: cannot be judged
            if not target_id:
                yield RULE.finding(_NO_TARGET, [rt.id], **params)
                continue
            target = diagram.get(target_id)
            if target is None:
                yield RULE.finding(_MISSING, [rt.id, target_id], target=target_id, **params)
                continue
            problem = _problem(diagram, vpc, target, attached_tgws)
            if problem:
                yield RULE.finding(problem, [rt.id, target.id], target=target.label, **params)


def _problem(diagram: Diagram, vpc, target, attached_tgws) -> str:
    kind = target.kind
    if kind in ("InternetGateway", "EgressOnlyInternetGateway"):
        return "" if target.get("vpc") == vpc.id else _UNATTACHED
    if kind == "VpcPeering":
        return "" if vpc.id in (target.get("requester"), target.get("accepter")) else _OTHER_VPC
    if kind == "TransitGateway":
        return "" if target.id in attached_tgws else _UNATTACHED
    owner = q.vpc_of(diagram, target.id)
    return "" if owner is None or owner.id == vpc.id else _OTHER_VPC


RULE = Rule(
    id="route-blackhole",
    severity=Severity.ERROR,
    title="Route to a missing or foreign target (blackhole)",
    fix="Point the route at a gateway or device of this VPC (attach the gateway first), or delete "
        "the route.",
    lesson=("A route only works if its target exists and belongs to the route table's VPC: an "
            "internet gateway must be attached to it, a NAT gateway or instance must sit in it, a "
            "peering or transit gateway must connect it. When a target is deleted, AWS keeps the "
            "route in a 'blackhole' state and silently drops the traffic that matches it."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html",
    watches=("RouteTable", "Vpc", "InternetGateway", "EgressOnlyInternetGateway", "NatGateway",
             "VpcPeering", "VpcEndpoint", "Instance", "TransitGateway", "TransitGatewayAttachment",
             "Subnet", "AvailabilityZone", "AutoScalingGroup"),
    watches_properties={"RouteTable": ("routes",), "Vpc": (), "InternetGateway": ("vpc",),
                        "EgressOnlyInternetGateway": ("vpc",), "NatGateway": (),
                        "VpcPeering": ("requester", "accepter"), "VpcEndpoint": (), "Instance": (),
                        "TransitGateway": (), "TransitGatewayAttachment": ("transit_gateway",),
                        "Subnet": (), "AvailabilityZone": (), "AutoScalingGroup": ("subnets",)},
    watches_relations=False,
    scope=per_vpc(check_vpc),
)
