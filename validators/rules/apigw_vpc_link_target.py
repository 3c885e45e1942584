"""apigw-vpc-link-target: a private (VPC link) integration to something other than a load balancer
the API type supports."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, api):
    for integration in api.get("integrations", ()):
        if integration.get("integration_type") != "vpc-link":
            continue
        target = diagram.get(integration.get("target")) if isinstance(integration.get("target"), str) else None
        if target is None:
            continue
        lb_type = target.get("lb_type") if target.kind == "LoadBalancer" else None
        ok = lb_type == "network" if api.get("api_type") == "REST" else lb_type in ("network", "application")
        if not ok:
            needed = "a Network Load Balancer" if api.get("api_type") == "REST" else "a load balancer"
            yield RULE.finding("API {api}: the VPC link integration for {route} goes to {target}; a "
                               "{api_type} API's VPC link needs {needed}.", [api.id, target.id],
                               api=api.label, route=integration.get("route"), target=target.label,
                               api_type=api.get("api_type"), needed=needed)


RULE = Rule(
    id="apigw-vpc-link-target",
    severity=Severity.ERROR,
    title="VPC link integration to an unsupported target",
    fix="Put a Network Load Balancer in front of the private backend (REST APIs), or an Application "
        "or Network Load Balancer (HTTP APIs).",
    lesson=("API Gateway reaches private backends in a VPC through a VPC link, which ends at a load "
            "balancer. For REST APIs that must be a Network Load Balancer; HTTP APIs also accept "
            "Application Load Balancers and Cloud Map services. The backends sit behind it."),
    docs="https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-with-private-integration.html",
    watches=("ApiGateway", "LoadBalancer", "LambdaFunction", "SqsQueue", "SnsTopic", "DynamoDbTable",
             "Instance"),
    watches_properties={"ApiGateway": ("api_type", "integrations"), "LoadBalancer": ("lb_type",),
                        "LambdaFunction": (), "SqsQueue": (), "SnsTopic": (), "DynamoDbTable": (),
                        "Instance": ()},
    watches_relations=False,
    scope=per_record("ApiGateway", check_one, reach=1),
)
