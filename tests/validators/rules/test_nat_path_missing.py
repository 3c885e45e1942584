"""nat-path-missing: compute that needs a way out of its VPC has none."""

from __future__ import annotations

import pytest

from model import edits
from tests.support.builder import load_example
from tests.validators.reachability.scenarios import ingress, two_tier
from validators.rules.nat_path_missing import RULE

from .helpers import findings


def fargate_without_nat():
    d = load_example("ecs-fargate")
    for rt in ("rt-private-a", "rt-private-c"):
        d.apply(edits.set_property(d, rt, "routes", []))
    return d


def fargate_with_endpoints():
    d = fargate_without_nat()
    d.apply(edits.add_resource(d, "SecurityGroup", "vpce-sg", parent="vpc", properties={
        "ingress": [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": "10.1.0.0/16"}]}))
    for service in ("ecr.api", "ecr.dkr", "logs"):
        d.apply(edits.add_resource(d, "VpcEndpoint", f"ep-{service}", parent="vpc", properties={
            "endpoint_type": "interface", "service": service, "subnets": ["private-a", "private-c"],
            "security_groups": ["vpce-sg"]}))
    d.apply(edits.add_resource(d, "VpcEndpoint", "ep-s3", parent="vpc", properties={
        "endpoint_type": "gateway", "service": "s3", "route_tables": ["rt-private-a", "rt-private-c"]}))
    return d


def fargate_in_a_public_subnet_without_a_public_ip():
    d = load_example("ecs-fargate")
    d.apply(edits.set_property(d, "service", "subnets", ["public-a", "public-c"]))
    return d


def lambda_without_a_way_out(subnet="app-a", **props):
    b = two_tier()
    b.set("rt-app-a", routes=[])
    b.add("LambdaFunction", "fn", "vpc", name="worker", subnets=[subnet], security_groups=["web-sg"], **props)
    return b.diagram


def auto_scaling_group_isolated(endpoints=False):
    b = two_tier()
    b.set("rt-app-a", routes=[])
    b.set("rt-app-b", routes=[])
    b.add("AutoScalingGroup", "asg", "vpc", name="workers", subnets=["app-a", "app-b"],
          security_groups=["web-sg"])
    if endpoints:
        b.add("VpcEndpoint", "s3", "vpc", endpoint_type="gateway", service="s3",
              route_tables=["rt-app-a", "rt-app-b"])
        b.add("SecurityGroup", "vpce-sg", "vpc", ingress=[ingress(port=443, cidr="10.0.0.0/16")])
        for service in ("ssm", "ssmmessages", "ec2messages"):
            b.add("VpcEndpoint", f"ep-{service}", "vpc", service=service, subnets=["app-a", "app-b"],
                  security_groups=["vpce-sg"])
    return b.diagram


def ec2_launch_type_without_nat():
    d = fargate_without_nat()
    d.apply(edits.set_property(d, "service", "launch_type", "EC2"))
    return d


TRIGGERS = [
    pytest.param(fargate_without_nat(), id="fargate-private-no-nat"),
    pytest.param(fargate_in_a_public_subnet_without_a_public_ip(), id="fargate-public-no-public-ip"),
    pytest.param(lambda_without_a_way_out(), id="lambda-private-no-nat"),
    pytest.param(lambda_without_a_way_out("pub-a"), id="lambda-in-public-subnet"),
    pytest.param(auto_scaling_group_isolated(), id="asg-isolated"),
]

NEAR_MISSES = [
    pytest.param(load_example("ecs-fargate"), id="fargate-with-nat"),
    pytest.param(fargate_with_endpoints(), id="fargate-with-ecr-logs-and-s3-endpoints"),
    pytest.param(lambda_without_a_way_out(needs_aws_apis=False), id="lambda-calling-nothing"),
    pytest.param(auto_scaling_group_isolated(endpoints=True), id="asg-with-s3-and-ssm-endpoints"),
    pytest.param(ec2_launch_type_without_nat(), id="ec2-launch-type-not-judged"),
    pytest.param(load_example("dual-az-web"), id="dual-az-web"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert findings(RULE, diagram)


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []


def test_fargate_without_nat_names_images_and_logs():
    found = findings(RULE, fargate_without_nat())
    assert {f.message for f in found} == {
        "Tasks of app cannot pull their container images from ecr (tcp/443): the traffic stops at "
        "route table private-a (NO_ROUTE_TO_DESTINATION).",
        "Tasks of app cannot send their logs to CloudWatch Logs (tcp/443): the traffic stops at route "
        "table private-a (NO_ROUTE_TO_DESTINATION)."}
    image = next(f for f in found if "images" in f.message)
    assert "ecr.api and ecr.dkr" in image.fix and "S3 gateway endpoint" in image.fix
    assert {"service", "task", "rt-private-a"} <= set(image.resources)


def test_public_subnet_tasks_need_a_public_ip():
    found = findings(RULE, fargate_in_a_public_subnet_without_a_public_ip())
    assert all("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS" in f.message for f in found)
    assert all("assign public IP" in f.fix for f in found)


def test_lambda_in_a_public_subnet_is_told_it_never_gets_a_public_ip():
    [f] = findings(RULE, lambda_without_a_way_out("pub-a"))
    assert f.message == ("worker runs in a VPC but cannot reach AWS services (tcp/443): the traffic stops "
                         "at internet gateway igw (IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS).")
    assert "never gets a public IP" in f.fix


def test_auto_scaling_group_finding_offers_the_endpoint_alternative():
    [f] = findings(RULE, auto_scaling_group_isolated())
    assert f.message.startswith("Instances of workers cannot reach the internet for updates (tcp/443)")
    assert "ssm, ssmmessages and ec2messages" in f.fix
