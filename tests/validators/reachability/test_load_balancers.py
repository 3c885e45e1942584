"""Load balancers and CloudFront in the path: listeners, target groups and their ports, zones,
client IP preservation, and the front doors a trace finds on its own."""

from __future__ import annotations

from validators.reachability import Flow, trace

from .scenarios import egress, ingress, two_tier


def _code(result):
    return None if result.reachable else (result.blocked.code, result.blocked.component,
                                          result.blocked.direction)


def test_internet_reaches_a_private_instance_through_the_load_balancer():
    """The notes' first case: internet -> ALB in public subnets -> EC2 in a private subnet."""
    result = trace(two_tier().diagram, Flow("internet", "web"))
    assert result.reachable and result.route == "via web-alb"
    assert result.locations() == ("internet", "igw", "alb", "web")
    assert len(result.paths) == 2, "one path through each of the load balancer's subnets"
    checks = [h.check for h in result.forward_hops]
    assert checks.index("listener") < checks.index("security-group-ingress") < checks.index("target-group")
    target_leg = [h for h in result.forward_hops if h.check == "depart"][1]
    assert "tcp/80" in target_leg.detail, "the load balancer talks to the target on the group's port"


def test_without_front_doors_the_private_instance_is_not_reachable_from_the_internet():
    result = trace(two_tier().diagram, Flow("internet", "web"), front_doors=False)
    assert _code(result) == ("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", "web", "forward")


def test_the_load_balancer_group_must_let_it_reach_the_targets():
    b = two_tier()
    b.set("alb-sg", egress=[egress(port=443, cidr="0.0.0.0/0")])
    result = trace(b.diagram, Flow("internet", "web"))
    assert _code(result) == ("ENI_SG_RULES_MISMATCH", "alb-sg", "forward")
    assert "outbound rule of security group alb-sg allows tcp/80" in result.blocked.explanation


def test_the_health_check_port_is_a_port_the_load_balancer_uses():
    b = two_tier()
    b.set("web-tg", health_check_port="8081")
    assert _code(trace(b.diagram, Flow("alb", "web", port=8081))) == ("ENI_SG_RULES_MISMATCH", "web-sg", "forward")
    b.set("web-sg", ingress=[ingress(port=80, to_port=8081, group="alb-sg")])
    assert trace(b.diagram, Flow("alb", "web", port=8081)).reachable
    assert _code(trace(b.diagram, Flow("alb", "web", port=8080)))[0] == "TARGET_PORT_RESTRICTION"


def test_an_auto_scaling_group_target_is_reached_in_every_subnet():
    b = two_tier()
    b.add("AutoScalingGroup", "asg", "vpc", subnets=["app-a", "app-b"], security_groups=["web-sg"],
          target_groups=["web-tg"])
    b.add("Instance", "member", "asg")
    result = trace(b.diagram, Flow("internet", "member"))
    assert result.reachable and result.route == "via web-alb"
    assert {p.label.split(" -> ")[-1] for p in result.paths} == {"member (app-a)", "member (app-b)"}


def test_a_network_load_balancer_keeps_the_client_address_for_instance_targets():
    """Without security groups the NLB filters nothing; the target then sees the internet client,
    so allowing only the load balancer's subnets is not enough."""
    b = two_tier()
    b.remove("alb")
    b.add("TargetGroup", "tls-tg", "vpc", protocol="TCP", port=443, targets=["web"])
    b.add("LoadBalancer", "nlb", "vpc", lb_type="network", subnets=["pub-a", "pub-b"], cross_zone=True,
          listeners=[{"protocol": "TCP", "port": 443, "action": "forward", "target_group": "tls-tg"}])
    b.set("web-sg", ingress=[ingress(port=443, cidr="10.0.0.0/23")])
    result = trace(b.diagram, Flow("internet", "web"))
    assert result.route == "via nlb"
    assert _code(result) == ("ENI_SG_RULES_MISMATCH", "web-sg", "forward")
    assert "from the internet" in result.blocked.explanation
    b.set("web-sg", ingress=[ingress(port=443, cidr="0.0.0.0/0")])
    assert trace(b.diagram, Flow("internet", "web")).reachable


def test_a_network_load_balancer_without_cross_zone_sends_only_within_its_zone():
    b = two_tier()
    b.add("Instance", "web-b", "app-b", security_groups=["web-sg"])
    b.add("TargetGroup", "tcp-tg", "vpc", protocol="TCP", port=80, target_type="ip", targets=["web", "web-b"])
    b.add("SecurityGroup", "nlb-sg", "vpc", ingress=[ingress(port=80, cidr="0.0.0.0/0")])
    b.add("LoadBalancer", "nlb", "vpc", lb_type="network", subnets=["pub-a", "pub-b"],
          security_groups=["nlb-sg"],
          listeners=[{"protocol": "TCP", "port": 80, "action": "forward", "target_group": "tcp-tg"}])
    b.set("web-sg", ingress=[ingress(port=80, group="nlb-sg")])
    same_zone = trace(b.diagram, Flow("internet", "web", port=80))
    assert same_zone.reachable and len(same_zone.paths) == 1
    b.set("nlb", cross_zone=True)
    assert len(trace(b.diagram, Flow("internet", "web", port=80)).paths) == 2


def test_an_internal_load_balancer_has_no_public_address():
    b = two_tier()
    b.set("alb", scheme="internal")
    assert _code(trace(b.diagram, Flow("internet", "alb"))) == \
        ("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", "alb", "forward")


def test_an_internet_facing_load_balancer_in_private_subnets_cannot_answer():
    b = two_tier()
    b.set("alb", subnets=["app-a", "app-b"])
    result = trace(b.diagram, Flow("internet", "alb"))
    assert _code(result) == ("NO_ROUTE_TO_DESTINATION", "rt-app-a", "return")


def test_an_ecs_service_target_is_reached_on_its_container_port():
    b = two_tier()
    b.add("TaskDefinition", "task", b.region_id)
    b.add("TargetGroup", "svc-tg", "vpc", port=80, target_type="ip")
    b.add("SecurityGroup", "task-sg", "vpc", ingress=[ingress(port=8080, group="alb-sg")])
    b.add("EcsService", "svc", "vpc", task_definition="task", subnets=["app-a", "app-b"],
          security_groups=["task-sg"],
          load_balancers=[{"target_group": "svc-tg", "container_name": "app", "container_port": 8080}])
    b.set("alb", listeners=[{"protocol": "HTTPS", "port": 443, "action": "forward", "target_group": "svc-tg"}])
    result = trace(b.diagram, Flow("internet", "svc"))
    assert result.reachable and result.route == "via web-alb"
    assert any("port 8080" in h.detail for h in result.forward_hops if h.check == "target-group")


# ----------------------------------------------------------------------------------- CloudFront
def _with_cdn(b, **origin):
    b.add("CloudFrontDistribution", "cdn", origins=[{"origin_id": "app", "target": "alb", **origin}])
    b.add("HostedZone", "zone")
    b.add("DnsRecord", "www", "zone", alias_target="cdn")
    return b


def test_a_dns_alias_leads_to_what_it_names():
    result = trace(_with_cdn(two_tier()).diagram, Flow("internet", "www"))
    assert result.reachable
    assert result.forward_hops[0].check == "dns" and result.locations()[:2] == ("www", "internet")
    assert result.locations()[-1] == "cdn"


def test_cloudfront_reaches_an_internet_facing_origin_and_on_through_it():
    b = _with_cdn(two_tier())
    assert trace(b.diagram, Flow("cdn", "alb")).reachable
    b.set("alb", listeners=[])
    b.set("alb-sg", ingress=[ingress(port=443, cidr="0.0.0.0/0")])
    assert _code(trace(b.diagram, Flow("cdn", "alb")))[0] == "ELBV2_LISTENER_PORT_RESTRICTION"


def test_cloudfront_needs_a_vpc_origin_for_an_internal_load_balancer():
    b = _with_cdn(two_tier())
    b.set("alb", scheme="internal")
    assert _code(trace(b.diagram, Flow("cdn", "alb"))) == ("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", "alb", "forward")
    b.set("cdn", origins=[{"origin_id": "app", "target": "alb", "vpc_origin": True}])
    b.set("alb-sg", ingress=[ingress(port=443, prefix_list="pl-cloudfront")])
    assert trace(b.diagram, Flow("cdn", "alb")).reachable


def test_http_viewers_are_redirected_before_they_reach_the_origin():
    """Through CloudFront on port 80, the default viewer policy answers with a redirect."""
    b = _with_cdn(two_tier())
    result = trace(b.diagram, Flow("internet", "web", port=80))
    assert not result.reachable
    b.set("cdn", viewer_protocol_policy="allow-all",
          origins=[{"origin_id": "app", "target": "alb", "protocol_policy": "https-only"}])
    result = trace(b.diagram, Flow("internet", "web", port=80))
    assert result.reachable and result.route == "via cdn and web-alb"


def test_a_trace_from_the_load_balancer_itself_uses_the_target_group():
    result = trace(two_tier().diagram, Flow("alb", "web", port=80))
    assert result.reachable
    assert [h.check for h in result.forward_hops][:2] == ["depart", "target-group"]
