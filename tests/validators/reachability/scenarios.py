"""Designs for the tracing tests: a standard two-tier network, and one small change to it per
explanation code the evaluator can emit.

``two_tier()`` is a VPC 10.0.0.0/16 in us-east-1 with zones a and b, an internet gateway, public
subnets ``pub-a`` 10.0.0.0/24 and ``pub-b`` 10.0.1.0/24 (route table ``rt-public``: 0.0.0.0/0 ->
``igw``), a NAT gateway in each (``nat-a``, ``nat-b``), private app subnets ``app-a`` 10.0.10.0/24
and ``app-b`` 10.0.11.0/24 routed to their zone's NAT gateway (``rt-app-a``, ``rt-app-b``), an
internet-facing ALB ``alb`` (group ``alb-sg``: tcp/443 from anywhere) with an HTTPS listener on 443
forwarding to ``web-tg`` (port 80), whose target is the instance ``web`` in ``app-a`` (group
``web-sg``: tcp/80 from ``alb-sg``), and a database ``db`` (group ``db-sg``: tcp/3306 from
``web-sg``) in ``data-a`` 10.0.20.0/24 and ``data-b`` 10.0.21.0/24 (local routes only).
"""

from __future__ import annotations

from tests.support.builder import DesignBuilder
from validators.reachability import Flow

ANY_OUT = [{"protocol": "all", "from_port": 0, "to_port": 65535, "cidr": "0.0.0.0/0"}]


def rule(protocol="tcp", port=443, to_port=None, cidr="", group="", prefix_list="", **extra):
    record = {"protocol": protocol, "from_port": port, "to_port": port if to_port is None else to_port,
              "cidr": cidr, "prefix_list": prefix_list, **extra}
    return record, group


def ingress(protocol="tcp", port=443, to_port=None, cidr="", group="", prefix_list=""):
    record, group = rule(protocol, port, to_port, cidr, group, prefix_list)
    return {**record, "source_group": group}


def egress(protocol="tcp", port=443, to_port=None, cidr="", group="", prefix_list=""):
    record, group = rule(protocol, port, to_port, cidr, group, prefix_list)
    return {**record, "destination_group": group}


def acl_rule(number, action="allow", protocol="all", ports=(0, 65535), cidr="0.0.0.0/0"):
    return {"rule_number": number, "action": action, "protocol": protocol, "from_port": ports[0],
            "to_port": ports[1], "cidr": cidr}


def two_tier() -> DesignBuilder:
    b = DesignBuilder("us-east-1")
    b.vpc("vpc", "10.0.0.0/16", name="main-vpc")
    b.az("az-a", "vpc", "us-east-1a")
    b.az("az-b", "vpc", "us-east-1b")
    b.internet_gateway("igw", "vpc")
    b.subnet("pub-a", "az-a", "10.0.0.0/24")
    b.subnet("pub-b", "az-b", "10.0.1.0/24")
    b.route_table("rt-public", "vpc", routes=[("0.0.0.0/0", "igw")], subnets=["pub-a", "pub-b"])
    b.add("NatGateway", "nat-a", "pub-a")
    b.add("NatGateway", "nat-b", "pub-b")
    b.subnet("app-a", "az-a", "10.0.10.0/24")
    b.subnet("app-b", "az-b", "10.0.11.0/24")
    b.route_table("rt-app-a", "vpc", routes=[("0.0.0.0/0", "nat-a")], subnets=["app-a"])
    b.route_table("rt-app-b", "vpc", routes=[("0.0.0.0/0", "nat-b")], subnets=["app-b"])
    b.subnet("data-a", "az-a", "10.0.20.0/24")
    b.subnet("data-b", "az-b", "10.0.21.0/24")
    b.route_table("rt-data", "vpc", subnets=["data-a", "data-b"])
    b.add("SecurityGroup", "alb-sg", "vpc", ingress=[ingress(port=443, cidr="0.0.0.0/0")])
    b.add("SecurityGroup", "web-sg", "vpc", ingress=[ingress(port=80, group="alb-sg")])
    b.add("SecurityGroup", "db-sg", "vpc", ingress=[ingress(port=3306, group="web-sg")])
    b.add("Instance", "web", "app-a", name="web server", security_groups=["web-sg"])
    b.add("TargetGroup", "web-tg", "vpc", port=80, targets=["web"])
    b.add("LoadBalancer", "alb", "vpc", name="web-alb", subnets=["pub-a", "pub-b"],
          security_groups=["alb-sg"],
          listeners=[{"protocol": "HTTPS", "port": 443, "action": "forward", "target_group": "web-tg"}])
    b.add("DbSubnetGroup", "db-subnets", "vpc", subnets=["data-a", "data-b"])
    b.add("RdsInstance", "db", "vpc", db_subnet_group="db-subnets", security_groups=["db-sg"])
    return b


def second_vpc(b: DesignBuilder, vpc="vpc2", cidr="10.1.0.0/16", zone="us-east-1a", prefix="") -> str:
    """Another VPC with one subnet (``<prefix>sub``, the first /24) and an instance ``<prefix>box``
    whose group lets in tcp/443 from 10.0.0.0/8."""
    prefix = prefix or vpc + "-"
    b.vpc(vpc, cidr)
    b.az(f"{prefix}az", vpc, zone)
    first = cidr.split("/")[0].rsplit(".", 2)[0] + ".0.0/24"
    b.subnet(f"{prefix}sub", f"{prefix}az", first)
    b.route_table(f"{prefix}rt", vpc, subnets=[f"{prefix}sub"])
    b.add("SecurityGroup", f"{prefix}sg", vpc, ingress=[ingress(port=443, cidr="10.0.0.0/8")])
    b.add("Instance", f"{prefix}box", f"{prefix}sub", security_groups=[f"{prefix}sg"])
    return f"{prefix}box"


# --------------------------------------------------------------------------- one per code
# Each returns (diagram, flow, blocking component, direction).

def no_route_to_destination():
    b = two_tier()
    b.set("rt-app-a", routes=[])
    return b.diagram, Flow("web", "internet"), "rt-app-a", "forward"


def bad_state_route():
    b = two_tier()
    b.set("rt-app-a", routes=[{"destination": "0.0.0.0/0", "target": "nat-deleted"}])
    return b.diagram, Flow("web", "internet"), "rt-app-a", "forward"


def cannot_route():
    b = two_tier()
    b.add("EgressOnlyInternetGateway", "eigw", "vpc", vpc="vpc")
    b.set("rt-app-a", routes=[{"destination": "0.0.0.0/0", "target": "eigw"}])
    return b.diagram, Flow("web", "internet"), "eigw", "forward"


def more_specific_route():
    b = two_tier()
    b.set("rt-app-a", routes=[{"destination": "0.0.0.0/0", "target": "nat-a"},
                              {"destination": "10.0.20.0/24", "target": "igw"}])
    return b.diagram, Flow("web", "db", port=3306), "rt-app-a", "forward"


def disconnected_vpcs():
    b = two_tier()
    box = second_vpc(b)
    return b.diagram, Flow("web", box), "rt-app-a", "forward"


def subnet_acl_restriction():
    b = two_tier()
    b.add("NetworkAcl", "app-acl", "vpc", inbound=[acl_rule(100, ports=(80, 80), protocol="tcp",
                                                             cidr="10.0.0.0/16")],
          outbound=[acl_rule(100, ports=(80, 80), protocol="tcp", cidr="10.0.0.0/16")])
    b.set("app-a", network_acl="app-acl")
    return b.diagram, Flow("alb", "web", port=80), "app-acl", "return"


def eni_sg_rules_mismatch():
    b = two_tier()
    b.set("web-sg", ingress=[ingress(port=8080, group="alb-sg")])
    return b.diagram, Flow("alb", "web", port=80), "web-sg", "forward"


def sg_has_no_rules():
    b = two_tier()
    b.set("web-sg", egress=[])
    return b.diagram, Flow("web", "internet"), "web-sg", "forward"


def igw_public_ip_association_for_egress():
    b = two_tier()
    b.add("Instance", "bastion", "pub-a", public_ip="none", security_groups=["web-sg"])
    return b.diagram, Flow("bastion", "internet"), "igw", "forward"


def igw_private_ip_association_for_ingress():
    b = two_tier()
    return b.diagram, Flow("internet", "db", port=3306), "db", "forward"


def ngw_requires_source_in_vpc():
    b = two_tier()
    box = second_vpc(b)
    b.set("vpc2-rt", routes=[{"destination": "0.0.0.0/0", "target": "nat-a"}])
    return b.diagram, Flow(box, "internet"), "nat-a", "forward"


def pcx_requires_address_in_vpc_cidr():
    """A peers with B, B peers with C; A routes C's block to the A-B peering: not transitive."""
    b = two_tier()
    second_vpc(b, "vpc-b", "10.1.0.0/16", prefix="b-")
    c = second_vpc(b, "vpc-c", "10.2.0.0/16", prefix="c-")
    b.add("VpcPeering", "pcx-ab", b.region_id, requester="vpc", accepter="vpc-b")
    b.add("VpcPeering", "pcx-bc", b.region_id, requester="vpc-b", accepter="vpc-c")
    b.set("rt-app-a", routes=[{"destination": "0.0.0.0/0", "target": "nat-a"},
                              {"destination": "10.2.0.0/16", "target": "pcx-ab"}])
    return b.diagram, Flow("web", c), "pcx-ab", "forward"


def elbv2_listener_port_restriction():
    return two_tier().diagram, Flow("internet", "alb", port=8443), "alb", "forward"


def elbv2_listener_has_no_tg():
    b = two_tier()
    b.set("alb", listeners=[
        {"protocol": "HTTPS", "port": 443, "action": "forward", "target_group": "web-tg"},
        {"protocol": "HTTP", "port": 80, "action": "redirect", "redirect_port": 443}])
    b.set("alb-sg", ingress=[ingress(port=443, cidr="0.0.0.0/0"), ingress(port=80, cidr="0.0.0.0/0")])
    return b.diagram, Flow("internet", "web", port=80), "alb", "forward"


def target_port_restriction():
    return two_tier().diagram, Flow("alb", "web", port=8080), "web-tg", "forward"


def elb_installed_az_restriction():
    b = two_tier()
    b.az("az-c", "vpc", "us-east-1c")
    b.subnet("app-c", "az-c", "10.0.12.0/24")
    b.add("Instance", "web-c", "app-c", security_groups=["web-sg"])
    b.set("web-tg", targets=["web", "web-c"])
    return b.diagram, Flow("alb", "web-c", port=80), "alb", "forward"


def vpce_gateway_protocol_restriction():
    b = two_tier()
    b.add("VpcEndpoint", "s3-gw", "vpc", endpoint_type="gateway", service="s3", route_tables=["rt-app-a"])
    return b.diagram, Flow("web", "s3", protocol="udp", port=443), "s3-gw", "forward"


def eni_source_dest_check_restriction():
    b = two_tier()
    b.add("Instance", "nat-box", "pub-a", public_ip="assign", security_groups=["web-sg"])
    b.set("rt-app-a", routes=[{"destination": "0.0.0.0/0", "target": "nat-box"}])
    return b.diagram, Flow("web", "internet"), "nat-box", "forward"


def _with_transit(b: DesignBuilder, attachment_subnets, propagation=True) -> str:
    box = second_vpc(b)
    b.add("TransitGateway", "tgw", b.region_id, default_route_table_propagation=propagation)
    b.add("TransitGatewayAttachment", "att-1", "vpc", transit_gateway="tgw", subnets=attachment_subnets)
    b.add("TransitGatewayAttachment", "att-2", "vpc2", transit_gateway="tgw", subnets=["vpc2-sub"])
    b.set("rt-app-a", routes=[{"destination": "0.0.0.0/0", "target": "nat-a"},
                              {"destination": "10.1.0.0/16", "target": "tgw"}])
    b.set("vpc2-rt", routes=[{"destination": "10.0.0.0/16", "target": "tgw"}])
    return box


def tgw_route_az_restriction():
    b = two_tier()
    box = _with_transit(b, ["app-b"])
    return b.diagram, Flow("web", box), "tgw", "forward"


def tgw_rtb_cannot_route():
    b = two_tier()
    box = _with_transit(b, ["app-a", "app-b"], propagation=False)
    return b.diagram, Flow("web", box), "tgw", "forward"


def protocol_restriction():
    return two_tier().diagram, Flow("internet", "alb", protocol="udp", port=443), "alb", "forward"


def edge_listener_port_restriction():
    b = two_tier()
    b.add("CloudFrontDistribution", "cdn", origins=[{"origin_id": "app", "target": "alb"}])
    return b.diagram, Flow("internet", "cdn", port=8080), "cdn", "forward"


#: Every code the evaluator emits -> the scenario that produces it.
BY_CODE = {
    "NO_ROUTE_TO_DESTINATION": no_route_to_destination,
    "BAD_STATE_ROUTE": bad_state_route,
    "CANNOT_ROUTE": cannot_route,
    "MORE_SPECIFIC_ROUTE": more_specific_route,
    "DISCONNECTED_VPCS": disconnected_vpcs,
    "SUBNET_ACL_RESTRICTION": subnet_acl_restriction,
    "ENI_SG_RULES_MISMATCH": eni_sg_rules_mismatch,
    "SG_HAS_NO_RULES": sg_has_no_rules,
    "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS": igw_public_ip_association_for_egress,
    "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS": igw_private_ip_association_for_ingress,
    "NGW_REQUIRES_SOURCE_IN_VPC": ngw_requires_source_in_vpc,
    "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR": pcx_requires_address_in_vpc_cidr,
    "ELBV2_LISTENER_PORT_RESTRICTION": elbv2_listener_port_restriction,
    "ELBV2_LISTENER_HAS_NO_TG": elbv2_listener_has_no_tg,
    "TARGET_PORT_RESTRICTION": target_port_restriction,
    "ELB_INSTALLED_AZ_RESTRICTION": elb_installed_az_restriction,
    "VPCE_GATEWAY_PROTOCOL_RESTRICTION": vpce_gateway_protocol_restriction,
    "ENI_SOURCE_DEST_CHECK_RESTRICTION": eni_source_dest_check_restriction,
    "TGW_ROUTE_AZ_RESTRICTION": tgw_route_az_restriction,
    "TGW_RTB_CANNOT_ROUTE": tgw_rtb_cannot_route,
    "PROTOCOL_RESTRICTION": protocol_restriction,
    "EDGE_LISTENER_PORT_RESTRICTION": edge_listener_port_restriction,
}
