"""route-duplicate: two routes with the same destination in one route table."""

from __future__ import annotations

from model.cidr import is_prefix_list
from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def _key(destination):
    if not isinstance(destination, str):
        return None
    if is_prefix_list(destination):
        return destination
    n = net(destination)
    return str(n) if n is not None else None


def check_one(diagram: Diagram, rt):
    """One finding per destination written more than once, naming the table and the targets of
    every route to that destination, so each competing arrow is highlighted. A target is named as
    written, present or not, so the finding depends on the table alone."""
    targets: dict[str, list] = {}
    for route in rt.get("routes", ()):
        key = _key(route.get("destination"))
        if key is not None:
            targets.setdefault(key, []).append(route.get("target"))
    for key, named in targets.items():
        if len(named) < 2:
            continue
        written = [t for t in named if isinstance(t, str) and t]
        yield RULE.finding("Route table {rt} has more than one route to {destination}.",
                           [rt.id, *written], rt=rt.label, destination=key)


RULE = Rule(
    id="route-duplicate",
    severity=Severity.ERROR,
    title="Two routes with the same destination",
    fix="Keep one route per destination; change the target of the existing route instead of adding "
        "another.",
    lesson=("A route table picks a route by the most specific destination that matches. Two routes "
            "with exactly the same destination would leave that choice undecided, so AWS refuses the "
            "second one (the API answers RouteAlreadyExists). To send the traffic elsewhere, replace "
            "the target of the route you have."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html",
    watches=("RouteTable",),
    watches_properties={"RouteTable": ("routes",)},
    watches_relations=False,
    scope=per_record("RouteTable", check_one),
)
