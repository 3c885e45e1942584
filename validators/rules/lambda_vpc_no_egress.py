"""lambda-vpc-no-egress: a VPC-attached function that calls AWS services but has no way out of its
VPC (no NAT route and no VPC endpoint)."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import default_route, in_vpc
from ..finding import Severity
from ..rule import Rule

EGRESS_TARGETS = ("NatGateway", "TransitGateway", "Instance")


def check(diagram: Diagram):
    for fn in diagram.of_kind("LambdaFunction"):
        subnets = q.subnets_of(diagram, fn.id)
        if not subnets or not fn.get("needs_aws_apis"):
            continue
        if any(_target_kind(diagram, s.id) in EGRESS_TARGETS for s in subnets):
            continue
        vpc = q.vpc_of(diagram, subnets[0].id)
        if vpc is not None and in_vpc(diagram, vpc.id, "VpcEndpoint"):
            continue
        yield RULE.finding("Lambda function {fn} runs in a VPC but none of its subnets route to a NAT "
                           "gateway and its VPC has no endpoints, so it cannot call AWS services.",
                           [fn.id, *(s.id for s in subnets)], fn=fn.label)


def _target_kind(diagram: Diagram, subnet_id: str) -> str:
    target = default_route(diagram, subnet_id)
    return target.kind if target is not None else ""


RULE = Rule(
    id="lambda-vpc-no-egress",
    severity=Severity.ERROR,
    title="VPC Lambda function with no way out",
    fix="Put the function in private subnets whose 0.0.0.0/0 route goes to a NAT gateway, or add VPC "
        "endpoints for the services it calls.",
    lesson=("A function attached to a VPC sends all its traffic through that VPC and never gets a "
            "public IP address, even in a public subnet. To call AWS APIs or the internet it needs "
            "private subnets routed to a NAT gateway, or VPC endpoints for the services it uses."),
    docs="https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
    watches=("LambdaFunction", "Subnet", "RouteTable", "NatGateway", "TransitGateway", "Instance",
             "VpcEndpoint", "Vpc", "AvailabilityZone"),
    watches_properties={"LambdaFunction": ("subnets", "needs_aws_apis"), "Subnet": ("route_table",),
                        "RouteTable": ("routes", "main"), "NatGateway": (), "TransitGateway": (),
                        "Instance": (), "VpcEndpoint": ("subnets",), "Vpc": (), "AvailabilityZone": ()},
    watches_relations=False,
    check=check,
)
