"""main-route-table-public: a VPC's main route table with a route to an internet gateway."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import target_kind
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, rt):
    if not rt.get("main"):
        return
    for route in rt.get("routes", ()):
        if target_kind(diagram, route.get("target")) == "InternetGateway":
            yield RULE.finding("Main route table {rt} routes {destination} to internet gateway {igw}, "
                               "so every subnet without a table of its own is public.",
                               [rt.id, route.get("target")], rt=rt.label,
                               destination=route.get("destination"),
                               igw=diagram[route.get("target")].label)
            return


RULE = Rule(
    id="main-route-table-public",
    severity=Severity.WARNING,
    title="Main route table routes to the internet",
    fix="Keep the main route table local-only; give public subnets their own route table with the "
        "internet route.",
    lesson=("Every subnet without an explicit route table association uses the VPC's main route "
            "table. If that table routes to the internet gateway, each new subnet is public by "
            "accident. AWS advises leaving the main table in its default local-only state and "
            "associating every subnet explicitly."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html",
    watches=("RouteTable", "InternetGateway"),
    watches_properties={"RouteTable": ("main", "routes"), "InternetGateway": ()},
    watches_relations=False,
    scope=per_record("RouteTable", check_one, reach=1),
)
