"""fargate-public-ip-for-pull: a Fargate service in public subnets without a public IP, which can
then not pull its images."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import names
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, service):
    if service.get("launch_type") != "FARGATE" or service.get("assign_public_ip"):
        return
    subnets = q.subnets_of(diagram, service.id)
    if subnets and all(q.is_public_subnet(diagram, s.id) for s in subnets):
        yield RULE.finding("Fargate service {service} runs in public subnets {subnets} without a public "
                           "IP, so its tasks cannot reach the internet to pull images.",
                           [service.id, *(s.id for s in subnets)], service=service.label,
                           subnets=names(subnets))


RULE = Rule(
    id="fargate-public-ip-for-pull",
    severity=Severity.ERROR,
    title="Fargate tasks in public subnets without a public IP",
    fix="Turn on 'assign public IP' for the service, or move it to private subnets that route to a "
        "NAT gateway (or have ECR and S3 endpoints).",
    lesson=("A Fargate task pulls its container image when it starts. In a public subnet the route "
            "goes to the internet gateway, which only works for a task with a public IP address; "
            "without one the pull times out and the task never starts. In private subnets a NAT "
            "gateway or VPC endpoints for ECR and S3 do the job instead."),
    docs="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html",
    watches=("EcsService", "Subnet", "RouteTable", "InternetGateway", "Vpc", "AvailabilityZone"),
    watches_properties={"EcsService": ("launch_type", "assign_public_ip", "subnets"),
                        "Subnet": ("route_table",), "RouteTable": ("routes", "main"),
                        "InternetGateway": (), "Vpc": (), "AvailabilityZone": ()},
    watches_relations=False,
    scope=per_record("EcsService", check_one, reach=3),
)
