"""route-quota: more static routes in one table than the default quota of 50 per IP family."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

QUOTA = 50


def check_one(diagram: Diagram, rt):
    counts = {4: 0, 6: 0}
    for route in rt.get("routes", ()):
        n = net(route.get("destination"))
        if n is not None:
            counts[n.version] += 1
    for version, count in counts.items():
        if count > QUOTA:
            yield RULE.finding("Route table {rt} has {count} IPv{version} routes; the default quota is "
                               "{quota}.", [rt.id], rt=rt.label, count=count, version=version,
                               quota=QUOTA)


RULE = Rule(
    id="route-quota",
    severity=Severity.WARNING,
    title="More routes than the default quota",
    fix="Summarise routes into larger blocks or managed prefix lists, or request a quota increase.",
    lesson=("A route table holds 50 static IPv4 routes and 50 static IPv6 routes by default (the "
            "quota can be raised to 1,000, which may cost network performance). Summarising "
            "neighbouring destinations into one larger block keeps tables short and readable."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html",
    watches=("RouteTable",),
    watches_properties={"RouteTable": ("routes",)},
    watches_relations=False,
    scope=per_record("RouteTable", check_one),
)
