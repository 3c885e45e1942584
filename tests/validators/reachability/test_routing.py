"""Routing as AWS does it: longest prefix match, then the rules of whatever the route leads to -
NAT gateways and instances, the internet gateway and public addresses, peering without transit,
transit gateways, gateway and interface endpoints."""

from __future__ import annotations

from validators.reachability import Flow, trace

from .scenarios import egress, ingress, second_vpc, two_tier


def _code(result):
    return None if result.reachable else (result.blocked.code, result.blocked.component,
                                          result.blocked.direction)


def test_private_instance_reaches_the_internet_through_its_nat_gateway():
    result = trace(two_tier().diagram, Flow("web", "internet"))
    assert result.reachable
    assert result.locations() == ("web", "nat-a", "igw", "internet")
    nat = [h for h in result.forward_hops if h.location == "nat-a"]
    assert [h.check for h in nat] == ["network-acl-inbound", "gateway", "network-acl-outbound", "route"]
    assert [h.location for h in result.return_hops] == ["nat-a", "nat-a", "web"]


def test_a_nat_gateway_in_a_private_subnet_leads_nowhere():
    b = two_tier()
    b.set("pub-a", route_table="rt-data")
    result = trace(b.diagram, Flow("web", "internet"))
    assert _code(result) == ("NO_ROUTE_TO_DESTINATION", "rt-data", "forward")
    assert result.forward_hops[-1].location == "nat-a"


def test_a_private_nat_gateway_or_one_without_an_elastic_ip_cannot_use_the_internet_gateway():
    for props in ({"connectivity": "private"}, {"elastic_ip": ""}):
        b = two_tier()
        b.set("nat-a", **props)
        result = trace(b.diagram, Flow("web", "internet"))
        assert _code(result) == ("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", "igw", "forward"), props
        assert "nat-a" in result.blocked.resources


def test_public_ip_follows_the_subnet_setting_unless_the_instance_says_otherwise():
    b = two_tier()
    b.set("pub-a", map_public_ip_on_launch=True)
    b.add("Instance", "auto", "pub-a", security_groups=["web-sg"])
    b.add("Instance", "refused", "pub-a", public_ip="none", security_groups=["web-sg"])
    b.add("Instance", "eip", "pub-b", public_ip="elastic", security_groups=["web-sg"])
    assert trace(b.diagram, Flow("auto", "internet")).reachable
    assert trace(b.diagram, Flow("eip", "internet")).reachable
    assert _code(trace(b.diagram, Flow("refused", "internet")))[0] == "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS"


def test_a_public_ip_in_a_private_subnet_does_not_make_it_reachable():
    """The request gets in through the internet gateway, but the reply follows the subnet's default
    route to the NAT gateway and never reaches the client."""
    b = two_tier()
    b.set("web", public_ip="assign")
    b.set("web-sg", ingress=[ingress(port=443, cidr="0.0.0.0/0")])
    result = trace(b.diagram, Flow("internet", "web"), front_doors=False)
    assert _code(result) == ("NO_ROUTE_TO_DESTINATION", "rt-app-a", "return")
    assert "nat-a" in result.blocked.explanation


def test_lambda_in_a_public_subnet_never_gets_a_public_ip():
    b = two_tier()
    b.add("LambdaFunction", "fn", "vpc", subnets=["pub-a"], security_groups=["web-sg"])
    result = trace(b.diagram, Flow("fn", "internet"))
    assert _code(result) == ("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", "igw", "forward")
    assert "NAT gateway" in result.blocked.suggestion
    b.set("fn", subnets=["app-a"])
    assert trace(b.diagram, Flow("fn", "internet")).reachable


def test_a_lambda_function_outside_any_vpc_has_the_internet_but_not_the_private_subnets():
    b = two_tier()
    b.add("LambdaFunction", "fn", b.region_id)
    assert trace(b.diagram, Flow("fn", "s3")).reachable
    assert _code(trace(b.diagram, Flow("fn", "db", port=3306)))[0] == "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS"


def test_a_subnet_without_a_route_table_uses_the_implicit_main_table():
    b = two_tier()
    b.subnet("loose", "az-a", "10.0.30.0/24")
    assert trace(b.diagram, Flow("loose", "db", port=3306)).reachable is False  # db-sg wants web-sg
    assert trace(b.diagram, Flow("loose", "web", port=80)).blocked.code == "ENI_SG_RULES_MISMATCH"
    result = trace(b.diagram, Flow("loose", "internet"))
    assert _code(result) == ("NO_ROUTE_TO_DESTINATION", "loose", "forward")
    assert "implicit main route table" in result.blocked.explanation


# ------------------------------------------------------------------------------------ peering
def _peered(return_route=True, cross_region=False):
    b = two_tier()
    box = second_vpc(b)
    b.add("VpcPeering", "pcx", b.region_id, requester="vpc", accepter="vpc2")
    b.set("rt-app-a", routes=[{"destination": "0.0.0.0/0", "target": "nat-a"},
                              {"destination": "10.1.0.0/16", "target": "pcx"}])
    if return_route:
        b.set("vpc2-rt", routes=[{"destination": "10.0.0.0/16", "target": "pcx"}])
    return b, box


def test_peering_carries_traffic_both_ways_when_both_sides_route():
    b, box = _peered()
    result = trace(b.diagram, Flow("web", box))
    assert result.reachable
    assert result.locations() == ("web", "pcx", box)
    assert any(h.check == "route" and "pcx" in h.matched for h in result.return_hops)


def test_peering_without_the_return_route_blocks_the_reply():
    b, box = _peered(return_route=False)
    result = trace(b.diagram, Flow("web", box))
    assert _code(result) == ("NO_ROUTE_TO_DESTINATION", "vpc2-rt", "return")
    assert "10.0.10.0/24" in result.blocked.suggestion and "pcx" in result.blocked.suggestion


def test_a_peer_cannot_use_the_other_vpcs_nat_gateway():
    """Edge-to-edge routing: VPC 2 sends its internet traffic into the peering."""
    b, box = _peered()
    b.set("vpc2-rt", routes=[{"destination": "0.0.0.0/0", "target": "pcx"}])
    assert _code(trace(b.diagram, Flow(box, "internet"))) == ("PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", "pcx", "forward")


def test_security_group_references_work_across_a_same_region_peering():
    b, box = _peered()
    b.set("vpc2-sg", ingress=[ingress(port=443, group="web-sg")])
    assert trace(b.diagram, Flow("web", box)).reachable


def test_a_route_to_a_peering_this_vpc_is_not_part_of_is_a_blackhole():
    b, box = _peered()
    second_vpc(b, "vpc3", "10.2.0.0/16", prefix="v3-")
    b.add("VpcPeering", "pcx-23", b.region_id, requester="vpc2", accepter="vpc3")
    b.set("rt-app-a", routes=[{"destination": "10.2.0.0/16", "target": "pcx-23"}])
    assert _code(trace(b.diagram, Flow("web", "v3-box")))[:2] == ("BAD_STATE_ROUTE", "pcx-23")


# ------------------------------------------------------------------------------ transit gateway
def test_a_transit_gateway_routes_between_attached_vpcs():
    b = two_tier()
    box = second_vpc(b)
    b.add("TransitGateway", "tgw", b.region_id)
    b.add("TransitGatewayAttachment", "att-1", "vpc", transit_gateway="tgw", subnets=["app-a", "app-b"])
    b.add("TransitGatewayAttachment", "att-2", "vpc2", transit_gateway="tgw", subnets=["vpc2-sub"])
    b.set("rt-app-a", routes=[{"destination": "10.1.0.0/16", "target": "tgw"}])
    b.set("vpc2-rt", routes=[{"destination": "10.0.0.0/16", "target": "tgw"}])
    result = trace(b.diagram, Flow("web", box))
    assert result.reachable and "tgw" in result.locations()
    b.set("vpc2-sg", ingress=[ingress(port=443, group="web-sg")])
    assert _code(trace(b.diagram, Flow("web", box))) == ("ENI_SG_RULES_MISMATCH", "vpc2-sg", "forward")


# ------------------------------------------------------------------------------------ endpoints
def _isolated():
    """The app subnets lose their NAT routes: only the VPC itself and endpoints remain."""
    b = two_tier()
    b.set("rt-app-a", routes=[])
    b.set("rt-app-b", routes=[])
    return b


def test_s3_through_a_gateway_endpoint_without_any_nat():
    b = _isolated()
    assert _code(trace(b.diagram, Flow("web", "s3")))[0] == "NO_ROUTE_TO_DESTINATION"
    b.add("VpcEndpoint", "s3-gw", "vpc", endpoint_type="gateway", service="s3", route_tables=["rt-app-a"])
    result = trace(b.diagram, Flow("web", "s3"))
    assert result.reachable
    assert result.locations() == ("web", "s3-gw", "s3")
    assert any(h.matched == "pl-s3 -> s3-gw" for h in result.forward_hops)
    assert _code(trace(b.diagram, Flow("web", "internet")))[0] == "NO_ROUTE_TO_DESTINATION"
    assert _code(trace(b.diagram, Flow("web", "dynamodb")))[0] == "NO_ROUTE_TO_DESTINATION"


def test_a_gateway_endpoint_serves_only_the_route_tables_it_is_associated_with():
    b = _isolated()
    b.add("VpcEndpoint", "s3-gw", "vpc", endpoint_type="gateway", service="s3", route_tables=["rt-app-b"])
    assert not trace(b.diagram, Flow("web", "s3")).reachable


def test_a_gateway_endpoint_of_another_vpc_cannot_serve_this_one():
    """Gateway endpoints do not extend across peering: an association from another VPC's endpoint
    is a dead route."""
    b = _isolated()
    second_vpc(b)
    b.add("VpcEndpoint", "s3-gw", "vpc2", endpoint_type="gateway", service="s3", route_tables=["rt-app-a"])
    assert _code(trace(b.diagram, Flow("web", "s3")))[:2] == ("BAD_STATE_ROUTE", "s3-gw")


def test_an_s3_bucket_stands_for_the_s3_service():
    b = _isolated()
    b.add("S3Bucket", "bucket", b.region_id)
    b.add("VpcEndpoint", "s3-gw", "vpc", endpoint_type="gateway", service="s3", route_tables=["rt-app-a"])
    assert trace(b.diagram, Flow("web", "bucket")).reachable


def test_an_interface_endpoint_with_private_dns_takes_the_service_traffic():
    b = _isolated()
    b.add("SecurityGroup", "vpce-sg", "vpc", ingress=[ingress(port=443, cidr="10.0.0.0/16")])
    b.add("VpcEndpoint", "logs-ep", "vpc", endpoint_type="interface", service="logs",
          subnets=["app-a", "app-b"], security_groups=["vpce-sg"])
    result = trace(b.diagram, Flow("web", "logs"))
    assert result.reachable
    assert result.locations() == ("web", "logs-ep", "logs")
    b.set("vpce-sg", ingress=[])
    assert _code(trace(b.diagram, Flow("web", "logs"))) == ("SG_HAS_NO_RULES", "vpce-sg", "forward")


def test_an_interface_endpoint_without_private_dns_is_not_used_by_the_service_name():
    b = _isolated()
    b.add("VpcEndpoint", "logs-ep", "vpc", endpoint_type="interface", service="logs",
          subnets=["app-a"], private_dns=False)
    assert _code(trace(b.diagram, Flow("web", "logs")))[0] == "NO_ROUTE_TO_DESTINATION"


# --------------------------------------------------------------------------------- NAT instance
def test_a_nat_instance_with_source_dest_check_off_carries_private_traffic_out():
    b = two_tier()
    b.add("SecurityGroup", "nat-sg", "vpc", ingress=[ingress(port=443, cidr="10.0.0.0/16")])
    b.add("Instance", "nat-box", "pub-a", public_ip="elastic", source_dest_check=False,
          security_groups=["nat-sg"])
    b.set("rt-app-a", routes=[{"destination": "0.0.0.0/0", "target": "nat-box"}])
    result = trace(b.diagram, Flow("web", "internet"))
    assert result.reachable
    assert result.locations() == ("web", "nat-box", "igw", "internet")
    b.set("nat-sg", ingress=[])
    assert _code(trace(b.diagram, Flow("web", "internet"))) == ("SG_HAS_NO_RULES", "nat-sg", "forward")


def test_egress_rules_decide_what_may_leave():
    b = two_tier()
    b.set("web-sg", ingress=[ingress(port=80, group="alb-sg")], egress=[egress(port=3306, group="db-sg")])
    assert trace(b.diagram, Flow("web", "db", port=3306)).reachable
    assert _code(trace(b.diagram, Flow("web", "internet"))) == ("ENI_SG_RULES_MISMATCH", "web-sg", "forward")
