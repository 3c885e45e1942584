"""gateway-endpoint-service: a gateway endpoint for a service other than S3 or DynamoDB."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

GATEWAY_SERVICES = ("s3", "dynamodb")


def check_one(diagram: Diagram, endpoint):
    service = endpoint.get("service")
    if endpoint.get("endpoint_type") != "gateway" or not isinstance(service, str):
        return
    short = service.rsplit(".", 1)[-1] if service.startswith("com.amazonaws.") else service
    if short not in GATEWAY_SERVICES:
        yield RULE.finding("Gateway endpoint {endpoint} is for {service}; gateway endpoints exist only "
                           "for S3 and DynamoDB.", [endpoint.id], endpoint=endpoint.label,
                           service=service)


RULE = Rule(
    id="gateway-endpoint-service",
    severity=Severity.ERROR,
    title="Gateway endpoint for a service that has none",
    fix="Make it an interface endpoint (placed in subnets, with a security group), or use S3 or "
        "DynamoDB.",
    lesson=("VPC endpoints come in two sorts. Gateway endpoints, free and added as a prefix-list "
            "route in route tables, exist only for Amazon S3 and DynamoDB. Every other service "
            "(ECR, CloudWatch Logs, Secrets Manager...) is reached through an interface endpoint: a "
            "network interface in your subnets."),
    docs="https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html",
    watches=("VpcEndpoint",),
    watches_properties={"VpcEndpoint": ("endpoint_type", "service")},
    watches_relations=False,
    scope=per_record("VpcEndpoint", check_one),
)
