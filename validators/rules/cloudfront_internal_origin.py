"""cloudfront-internal-origin: a CloudFront origin that is an internal load balancer or a private
instance, without a VPC origin."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import has_public_ipv4
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def _is_internal(diagram: Diagram, target) -> bool:
    if target.kind == "LoadBalancer":
        return target.get("scheme") == "internal"
    if target.kind == "Instance":
        subnets = q.subnets_of(diagram, target.id)
        return len(subnets) == 1 and not (q.is_public_subnet(diagram, subnets[0].id)
                                          and has_public_ipv4(diagram, target))
    return False


def check_one(diagram: Diagram, dist):
    for origin in dist.get("origins", ()):
        target = diagram.get(origin.get("target")) if isinstance(origin.get("target"), str) else None
        if target is None or origin.get("vpc_origin") or not _is_internal(diagram, target):
            continue
        yield RULE.finding("CloudFront distribution {dist}: origin {origin} is {target}, which cannot be "
                           "reached from the internet, and no VPC origin is set.", [dist.id, target.id],
                           dist=dist.label, origin=origin.get("origin_id"), target=target.label)


RULE = Rule(
    id="cloudfront-internal-origin",
    severity=Severity.ERROR,
    title="CloudFront origin inside a VPC without a VPC origin",
    fix="Turn on the VPC origin for this origin, or use an internet-facing load balancer.",
    lesson=("CloudFront fetches from its origins over the internet unless told otherwise. An "
            "internal load balancer or an instance in a private subnet has no public address, so "
            "CloudFront cannot reach it, unless the origin is set up as a CloudFront VPC origin, "
            "which connects into the private subnet directly."),
    docs="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html",
    watches=("CloudFrontDistribution", "LoadBalancer", "Instance", "Subnet", "RouteTable",
             "InternetGateway", "AutoScalingGroup", "AvailabilityZone", "Vpc"),
    watches_properties={"CloudFrontDistribution": ("origins",), "LoadBalancer": ("scheme",),
                        "Instance": ("public_ip",),
                        "Subnet": ("route_table", "map_public_ip_on_launch"),
                        "RouteTable": ("routes", "main"), "InternetGateway": (),
                        "AutoScalingGroup": ("subnets",), "AvailabilityZone": (), "Vpc": ()},
    watches_relations=False,
    scope=per_record("CloudFrontDistribution", check_one, reach=6),
)
