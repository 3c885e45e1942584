"""nat-path-missing: compute that needs a way out of its VPC has none (no NAT, NAT instance, public IP
or the endpoints it needs)."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..reachability.codes import ROUTING_CODES
from ..reachability.findings import PATH_KINDS, component_words, describe_flow, fix_for, involved, path_scope
from ..reachability.implied import OUTBOUND_CATEGORIES, ImpliedResult
from ..rule import Rule

#: What else would do, by need (appended to the fix).
_ALTERNATIVES = {
    "image-pull": "Without a NAT path, Fargate tasks pull from ECR through interface endpoints for "
                  "ecr.api and ecr.dkr plus an S3 gateway endpoint (image layers live in S3).",
    "logs": "Without a NAT path, the awslogs driver needs an interface endpoint for logs.",
    "aws-api": "Without a NAT path, the function reaches AWS services only through VPC endpoints: draw "
               "connections to the services it calls and give the VPC an endpoint for each.",
    "updates": "Without a NAT path, the instances need an S3 gateway endpoint (package repositories) "
               "and interface endpoints for ssm, ssmmessages and ec2messages.",
}


def check_item(diagram: Diagram, item: ImpliedResult):
    """This rule's finding about one traced implied flow, if it has one."""
    if item.satisfied:  # most flows: decided before looking for the blocked path
        return
    blocked = item.result.blocked
    if item.implied.category not in OUTBOUND_CATEGORIES or blocked is None \
            or blocked.code not in ROUTING_CODES:
        return
    first, params = describe_flow(diagram, item)
    yield RULE.finding(first + ": the traffic stops at {blocker} ({code}).", involved(diagram, item),
                       fix_for(item, _ALTERNATIVES.get(item.implied.category, "")),
                       blocker=component_words(diagram, blocked.component), code=blocked.code,
                       **params)


RULE = Rule(
    id="nat-path-missing",
    severity=Severity.ERROR,
    title="Compute that needs a way out of its VPC has none",
    fix="Route the private subnet's 0.0.0.0/0 to a NAT gateway in a public subnet of the same VPC, or "
        "add the VPC endpoints the workload needs.",
    lesson=("Resources in a private subnet have no public IP, so they reach the internet and AWS's "
            "public APIs only through a NAT gateway (or NAT instance) in a public subnet, or privately "
            "through VPC endpoints. Fargate tasks must pull their images (ECR needs the ecr.api and "
            "ecr.dkr interface endpoints and an S3 gateway endpoint), Lambda functions in a VPC get no "
            "public IP even in a public subnet, and instances need updates."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html",
    watches=PATH_KINDS,
    watches_metadata=("region",),
    scope=path_scope(check_item),
)
