"""The notes' classic cases on the shipped examples: what each design lets through, and why not
where it does not."""

from __future__ import annotations

from model import edits
from tests.support.builder import load_example
from validators.reachability import Flow, trace
from validators.reachability.implied import implied_results


def test_route_tables_example_subnet_2_only_routes_inside_the_vpc():
    """Example 1 of the notes: route table 1 holds the local route only."""
    d = load_example("route-tables")
    result = trace(d, Flow("app", "internet"))
    assert (result.blocked.code, result.blocked.component) == ("NO_ROUTE_TO_DESTINATION", "rt-1")
    assert trace(d, Flow("app", "web", port=443)).reachable, "inside 10.0.0.0/16 it can go anywhere"
    assert trace(d, Flow("subnet-2", "internet")).blocked.code == "NO_ROUTE_TO_DESTINATION"


def test_route_tables_example_subnet_3_web_server_reaches_and_is_reached_from_the_internet():
    """Example 2: route table 2 sends 0.0.0.0/0 to the internet gateway, and the subnet gives its
    instances public addresses."""
    d = load_example("route-tables")
    out = trace(d, Flow("web", "internet"))
    assert out.reachable and out.locations() == ("web", "igw", "internet")
    assert trace(d, Flow("internet", "web")).reachable
    d.apply(edits.set_property(d, "subnet-3", "map_public_ip_on_launch", False))
    result = trace(d, Flow("web", "internet"))
    assert result.blocked.code == "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS"


def test_dual_az_web_the_web_tier_is_reachable_from_the_internet_and_the_database_is_not():
    d = load_example("dual-az-web")
    web = trace(d, Flow("internet", "web"))
    assert web.reachable and web.route == "via web-alb"
    assert len(web.paths) == 4, "two load balancer subnets x two Auto Scaling subnets"
    assert trace(d, Flow("internet", "web-asg")).reachable
    db = trace(d, Flow("internet", "db", port=3306))
    assert db.blocked.code == "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS"
    assert trace(d, Flow("web", "db", port=3306)).reachable
    assert trace(d, Flow("internet", "www")).reachable


def test_dual_az_web_every_implied_flow_passes():
    d = load_example("dual-az-web")
    results = implied_results(d)
    assert results and all(r.satisfied for r in results), [
        (str(r.implied.flow), r.result.blocked) for r in results if not r.satisfied]


def test_ecs_fargate_tasks_pull_images_through_their_nat_gateways():
    d = load_example("ecs-fargate")
    result = trace(d, Flow("service", "ecr"))
    assert result.reachable
    assert {p.label.split(":")[0] for p in result.paths} == {"ecr.api", "ecr.dkr", "s3"}
    assert all("nat-a" in p.locations() or "nat-c" in p.locations() for p in result.paths)


def _without_nat(d):
    for rt in ("rt-private-a", "rt-private-c"):
        d.apply(edits.set_property(d, rt, "routes", []))


def test_ecs_fargate_without_nat_cannot_pull_images():
    d = load_example("ecs-fargate")
    _without_nat(d)
    result = trace(d, Flow("service", "ecr"))
    assert not result.reachable and result.blocked.code == "NO_ROUTE_TO_DESTINATION"


def test_ecs_fargate_without_nat_pulls_through_ecr_interface_endpoints_and_an_s3_gateway():
    d = load_example("ecs-fargate")
    _without_nat(d)
    d.apply(edits.add_resource(d, "SecurityGroup", "vpce-sg", parent="vpc", properties={
        "ingress": [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": "10.1.0.0/16"}]}))
    for service in ("ecr.api", "ecr.dkr", "logs"):
        d.apply(edits.add_resource(d, "VpcEndpoint", f"ep-{service}", parent="vpc", properties={
            "endpoint_type": "interface", "service": service, "subnets": ["private-a", "private-c"],
            "security_groups": ["vpce-sg"]}))
    missing_s3 = trace(d, Flow("service", "ecr"))
    assert not missing_s3.reachable
    assert missing_s3.deciding_path.label.startswith("s3:"), "image layers come from S3"
    d.apply(edits.add_resource(d, "VpcEndpoint", "ep-s3", parent="vpc", properties={
        "endpoint_type": "gateway", "service": "s3", "route_tables": ["rt-private-a", "rt-private-c"]}))
    result = trace(d, Flow("service", "ecr"))
    assert result.reachable
    used = {loc for p in result.paths for loc in p.locations()}
    assert {"ep-ecr.api", "ep-ecr.dkr", "ep-s3"} <= used and "nat-a" not in used
    assert trace(d, Flow("service", "logs")).reachable
    assert not trace(d, Flow("service", "internet")).reachable
