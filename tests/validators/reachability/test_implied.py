"""The flows a design implies: read from listeners, target groups, origins, aliases, ECS task
definitions, Lambda and Auto Scaling needs, security-group references and drawn connections."""

from __future__ import annotations

from model import edits
from tests.support.builder import load_example
from validators.reachability import Flow
from validators.reachability.implied import implied_flows, implied_results

from .scenarios import ingress, two_tier


def _by_category(d):
    out: dict[str, set] = {}
    for item in implied_flows(d):
        out.setdefault(item.category, set()).add(str(item.flow))
    return out


def test_dual_az_web_implies_the_web_flows():
    flows = _by_category(load_example("dual-az-web"))
    assert flows["listener"] == {"internet -> alb tcp/443", "internet -> alb tcp/80"}
    assert flows["target"] == {"alb -> web-asg tcp/80"}
    assert flows["origin"] == {"cdn -> alb tcp/443", "cdn -> static tcp/443"}
    assert flows["alias"] == {"internet -> apex tcp/443", "internet -> www tcp/443"}
    assert flows["connection"] == {"web-asg -> db tcp/3306"}, "the drawn connection comes first"
    assert flows["updates"] == {"web-asg -> internet tcp/443"}
    assert "sg-reference" not in flows, "web-sg -> db-sg is the drawn connection already"


def test_ecs_fargate_implies_image_pull_and_logs():
    flows = _by_category(load_example("ecs-fargate"))
    assert flows["image-pull"] == {"service -> ecr tcp/443"}
    assert flows["logs"] == {"service -> logs tcp/443"}
    assert flows["target"] == {"alb -> service tcp/8080"}


def test_health_check_on_its_own_port_is_a_flow_of_its_own():
    b = two_tier()
    b.set("web-tg", health_check_port="8081")
    flows = _by_category(b.diagram)
    assert flows["target"] == {"alb -> web tcp/80"}
    assert flows["health-check"] == {"alb -> web tcp/8081"}
    [item] = [r for r in implied_results(b.diagram) if r.implied.category == "health-check"]
    assert not item.satisfied and item.result.blocked.component == "web-sg"


def test_a_group_reference_implies_the_app_tier_to_database_flow():
    b = two_tier()
    flows = _by_category(b.diagram)
    assert "web -> db tcp/3306" in flows["sg-reference"]
    assert not any(f.startswith("alb ->") for f in flows["sg-reference"]), \
        "load balancers are covered by their target flows"


def test_a_drawn_connection_without_a_port_uses_the_destinations_port():
    b = two_tier()
    b.diagram.apply(edits.connect(b.diagram, "c1", "web", "db"))
    b.diagram.apply(edits.connect(b.diagram, "c2", "web", "alb", protocol="udp", port=53))
    flows = _by_category(b.diagram)
    assert flows["connection"] == {"web -> db tcp/3306", "web -> alb udp/53"}
    [udp] = [r for r in implied_results(b.diagram) if str(r.implied.flow) == "web -> alb udp/53"]
    assert not udp.satisfied


def test_lambda_calling_aws_services_is_satisfied_by_endpoints_for_the_services_it_is_connected_to():
    b = two_tier()
    b.set("rt-app-a", routes=[])
    b.add("DynamoDbTable", "table", b.region_id)
    b.add("LambdaFunction", "fn", "vpc", subnets=["app-a"], security_groups=["web-sg"])
    [need] = [r for r in implied_results(b.diagram) if r.implied.category == "aws-api"]
    assert not need.satisfied and need.result.blocked.code == "NO_ROUTE_TO_DESTINATION"
    b.diagram.apply(edits.connect(b.diagram, "calls", "fn", "table"))
    b.add("VpcEndpoint", "ddb", "vpc", endpoint_type="gateway", service="dynamodb", route_tables=["rt-app-a"])
    [need] = [r for r in implied_results(b.diagram) if r.implied.category == "aws-api"]
    assert need.satisfied and not need.result.reachable
    assert need.alternative_results[0][0].reachable


def test_auto_scaling_updates_are_met_by_s3_and_systems_manager_endpoints():
    b = two_tier()
    b.set("rt-app-a", routes=[])
    b.set("rt-app-b", routes=[])
    b.add("AutoScalingGroup", "asg", "vpc", subnets=["app-a", "app-b"], security_groups=["web-sg"])

    def need():
        [item] = [r for r in implied_results(b.diagram) if r.implied.category == "updates"]
        return item

    assert not need().satisfied and not need().implied.strict
    b.add("VpcEndpoint", "s3", "vpc", endpoint_type="gateway", service="s3",
          route_tables=["rt-app-a", "rt-app-b"])
    b.add("SecurityGroup", "vpce-sg", "vpc", ingress=[ingress(port=443, cidr="10.0.0.0/16")])
    for service in ("ssm", "ssmmessages", "ec2messages"):
        b.add("VpcEndpoint", service, "vpc", service=service, subnets=["app-a", "app-b"],
              security_groups=["vpce-sg"])
    assert need().satisfied


def test_implied_results_are_cached_until_the_next_edit():
    b = two_tier()
    first = implied_results(b.diagram)
    assert implied_results(b.diagram) is first
    b.set("web-sg", ingress=[])
    again = implied_results(b.diagram)
    assert again is not first
    [target] = [r for r in again if r.implied.flow == Flow("alb", "web", "tcp", 80)]
    assert target.result.blocked.code == "SG_HAS_NO_RULES"


def test_each_flow_is_listed_once():
    d = load_example("dual-az-web")
    keys = [(i.flow.source, i.flow.destination, i.flow.protocol, i.flow.port) for i in implied_flows(d)]
    assert len(keys) == len(set(keys))
