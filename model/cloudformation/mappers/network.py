"""VPCs, subnets, gateways, route tables, network ACLs, endpoints, peering and transit gateways."""

from __future__ import annotations

from ...kinds.networking import ROUTE_TARGETS
from ...schema import Unresolved
from ..context import ImportContext
from ..dumper import expression
from ..intrinsics import ResourceRef
from ..values import first, is_unknown, protocol, text, unresolved, ValueProblem
from . import maps
from .common import choice, fold_target, get_flag, get_number, get_text, is_ref_to, plan_fold

__all__ = ["NETWORK_ACL_DEFAULT_RULES", "vpc", "vpc_cidr_block", "unresolved_select", "subnet",
           "internet_gateway", "egress_only_gateway", "gateway_attachment", "elastic_ip",
           "eip_association", "nat_gateway", "route_table", "route", "route_table_association",
           "network_acl", "network_acl_entry", "network_acl_association", "vpc_endpoint",
           "vpc_peering", "transit_gateway", "transit_gateway_attachment", "flow_log"]

NETWORK_ACL_DEFAULT_RULES = ("100", "101")


@maps("AWS::EC2::VPC", kind="Vpc")
def vpc(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    block = p.get("CidrBlock")
    if block is None:
        block = ResourceRef(ctx.model_ids[logical], "CidrBlock")  # allocated from an IPAM pool
    ctx.new(logical, cidr_blocks=[get_text(ctx, logical, {"CidrBlock": block}, "CidrBlock")],
            enable_dns_support=get_flag(ctx, logical, p, "EnableDnsSupport", True),
            enable_dns_hostnames=get_flag(ctx, logical, p, "EnableDnsHostnames", False))


@maps("AWS::EC2::VPCCidrBlock", plan=plan_fold("VpcId", "AWS::EC2::VPC"))
def vpc_cidr_block(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    target = fold_target(ctx, p.get("VpcId"), "Vpc")
    ctx.fold(logical, target.id)
    if "CidrBlock" in p:
        target.props["cidr_blocks"].append(get_text(ctx, logical, p, "CidrBlock"))
    ipv6 = p.get("Ipv6CidrBlock")
    if ipv6 is None and (p.get("AmazonProvidedIpv6CidrBlock") is not None or "Ipv6Pool" in p
                         or "Ipv6IpamPoolId" in p):
        ipv6 = ResourceRef(target.id, "Ipv6CidrBlocks")
        ipv6 = unresolved_select(ipv6)
    if ipv6 is not None and not target.props.get("ipv6_cidr"):
        target.props["ipv6_cidr"] = ipv6 if isinstance(ipv6, Unresolved) else \
            get_text(ctx, logical, p, "Ipv6CidrBlock")


def unresolved_select(value: ResourceRef) -> Unresolved:
    """``!Select [0, !GetAtt Vpc.Ipv6CidrBlocks]``: the Amazon-provided /56 AWS picks."""
    return Unresolved(expression({"Fn::Select": [0, value.form()]}))


@maps("AWS::EC2::Subnet", kind="Subnet")
def subnet(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    vpc_id = ctx.vpc(logical, p.get("VpcId")) or ctx.default_vpc(logical)
    ipv6 = p.get("Ipv6CidrBlock")
    if ipv6 is None and p.get("Ipv6CidrBlocks") is not None:
        ipv6 = first(p.get("Ipv6CidrBlocks")) if isinstance(p.get("Ipv6CidrBlocks"), list) \
            else p.get("Ipv6CidrBlocks")
    zone = p.get("AvailabilityZone")
    if zone is None and p.get("AvailabilityZoneId") is not None:
        ctx.note(logical, "the subnet names its zone by AZ ID, which maps to a zone name only in "
                          "the account; the zone is left unknown")
    draft = ctx.new(logical, cidr=get_text(ctx, logical, p, "CidrBlock"),
                    ipv6_cidr=ctx.attempt(logical, "Ipv6CidrBlock", text, ipv6, ""),
                    availability_zone=ctx.attempt(logical, "AvailabilityZone", text, zone, ""),
                    map_public_ip_on_launch=get_flag(ctx, logical, p, "MapPublicIpOnLaunch"))
    draft.parent_hint = vpc_id


@maps("AWS::EC2::InternetGateway", kind="InternetGateway")
def internet_gateway(ctx: ImportContext, logical: str) -> None:
    ctx.new(logical)


@maps("AWS::EC2::EgressOnlyInternetGateway", kind="EgressOnlyInternetGateway")
def egress_only_gateway(ctx: ImportContext, logical: str) -> None:
    vpc_id = ctx.vpc(logical, ctx.props(logical).get("VpcId"))
    draft = ctx.new(logical, vpc=vpc_id or "")
    draft.parent_hint = vpc_id


@maps("AWS::EC2::VPCGatewayAttachment", plan=plan_fold("InternetGatewayId", "AWS::EC2::InternetGateway"))
def gateway_attachment(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    gateway = fold_target(ctx, p.get("InternetGatewayId"), "InternetGateway")
    ctx.fold(logical, gateway.id)
    vpc_id = ctx.vpc(logical, p.get("VpcId"))
    if gateway.props.get("vpc"):
        ctx.note(logical, f"{gateway.id} is attached to a VPC twice; the later attachment is used "
                          f"(AWS allows one VPC per internet gateway)")
    gateway.props["vpc"] = vpc_id or ""
    gateway.parent_hint = vpc_id


def _eip_users(ctx: ImportContext) -> dict[str, tuple[str, str]]:
    """EIP logical id -> (what uses it: "nat" or "instance", its logical id)."""
    cache = getattr(ctx, "_eip_users", None)
    if cache is not None:
        return cache
    users: dict[str, tuple[str, str]] = {}
    for nat in ctx.of_type("AWS::EC2::NatGateway"):
        allocation = ctx.props(nat).get("AllocationId")
        if is_ref_to(ctx, allocation, "AWS::EC2::EIP"):
            users.setdefault(ctx.logical_of(allocation.id), ("nat", nat))
    for eip in ctx.of_type("AWS::EC2::EIP"):
        if is_ref_to(ctx, ctx.props(eip).get("InstanceId"), "AWS::EC2::Instance"):
            users.setdefault(eip, ("instance", ctx.logical_of(ctx.props(eip)["InstanceId"].id)))
    for association in ctx.of_type("AWS::EC2::EIPAssociation"):
        p = ctx.props(association)
        eip = p.get("AllocationId", p.get("EIP"))
        if is_ref_to(ctx, eip, "AWS::EC2::EIP") and is_ref_to(ctx, p.get("InstanceId"),
                                                              "AWS::EC2::Instance"):
            users.setdefault(ctx.logical_of(eip.id), ("instance",
                                                      ctx.logical_of(p["InstanceId"].id)))
    ctx._eip_users = users
    return users


def _plan_eip(ctx: ImportContext, logical: str):
    return None if logical in _eip_users(ctx) else "GenericResource"


@maps("AWS::EC2::EIP", plan=_plan_eip)
def elastic_ip(ctx: ImportContext, logical: str) -> None:
    use, user = _eip_users(ctx)[logical]
    owner = ctx.draft_of(user)
    ctx.fold(logical, owner.id)
    if use == "instance":
        owner.props["public_ip"] = "elastic"


def _plan_eip_association(ctx: ImportContext, logical: str):
    p = ctx.props(logical)
    eip = p.get("AllocationId", p.get("EIP"))
    if isinstance(eip, ResourceRef) and _eip_users(ctx).get(ctx.logical_of(eip.id), ("",))[0] \
            == "instance":
        return None
    return "GenericResource"


@maps("AWS::EC2::EIPAssociation", plan=_plan_eip_association)
def eip_association(ctx: ImportContext, logical: str) -> None:
    instance = ctx.draft_of(ctx.logical_of(ctx.props(logical)["InstanceId"].id))
    ctx.fold(logical, instance.id)
    instance.props["public_ip"] = "elastic"


@maps("AWS::EC2::NatGateway", kind="NatGateway")
def nat_gateway(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    connectivity = choice(ctx, logical, "ConnectivityType", p.get("ConnectivityType"),
                          ("public", "private"), "public")
    allocation = p.get("AllocationId")
    if is_ref_to(ctx, allocation, "AWS::EC2::EIP"):
        eip = ctx.logical_of(allocation.id)
        written = ctx.kumozu(eip).get("value")
        elastic_ip = written if isinstance(written, str) else eip
    else:
        elastic_ip = ctx.attempt(logical, "AllocationId", text, allocation, "")
    if connectivity == "public" and elastic_ip == "":
        ctx.note(logical, "a public NAT gateway needs an Elastic IP (AllocationId), and this one "
                          "has none")
    subnet_id = ctx.subnet(logical, p.get("SubnetId"))
    draft = ctx.new(logical, connectivity=connectivity, elastic_ip=elastic_ip)
    draft.parent_hint = subnet_id


@maps("AWS::EC2::RouteTable", kind="RouteTable")
def route_table(ctx: ImportContext, logical: str) -> None:
    draft = ctx.new(logical, main=bool(ctx.kumozu(logical).get("main", False)))
    draft.parent_hint = ctx.vpc(logical, ctx.props(logical).get("VpcId"))


_ROUTE_TARGET_KEYS = ("GatewayId", "NatGatewayId", "EgressOnlyInternetGatewayId",
                      "VpcPeeringConnectionId", "TransitGatewayId", "InstanceId", "VpcEndpointId",
                      "NetworkInterfaceId", "CarrierGatewayId", "LocalGatewayId", "CoreNetworkArn")


@maps("AWS::EC2::Route", plan=plan_fold("RouteTableId", "AWS::EC2::RouteTable"))
def route(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    table = fold_target(ctx, p.get("RouteTableId"), "RouteTable")
    ctx.fold(logical, table.id)
    destination = next((p[k] for k in ("DestinationCidrBlock", "DestinationIpv6CidrBlock",
                                       "DestinationPrefixListId") if k in p), "")
    key = next((k for k in _ROUTE_TARGET_KEYS if p.get(k) is not None), None)
    target = ctx.ref(logical, key, p[key], ROUTE_TARGETS) if key else ""
    if key is None:
        ctx.note(logical, "the route names no target")
    table.props["routes"].append(ctx.record("RouteTable", "routes",
                                            destination=ctx.attempt(logical, "destination", text,
                                                                    destination, ""),
                                            target=target))


@maps("AWS::EC2::SubnetRouteTableAssociation", plan=plan_fold("SubnetId", "AWS::EC2::Subnet"))
def route_table_association(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    subnet_draft = fold_target(ctx, p.get("SubnetId"), "Subnet")
    ctx.fold(logical, subnet_draft.id)
    if ctx.kumozu(logical).get("implied"):
        return  # written by Kumozu to reproduce a main route table: the subnet has none of its own
    table = ctx.ref(logical, "RouteTableId", p.get("RouteTableId"), ("RouteTable",))
    if subnet_draft.props.get("route_table"):
        ctx.note(logical, f"{subnet_draft.id} is associated with a route table twice; the later "
                          f"association is used (a subnet has one route table)")
    subnet_draft.props["route_table"] = table


@maps("AWS::EC2::NetworkAcl", kind="NetworkAcl")
def network_acl(ctx: ImportContext, logical: str) -> None:
    draft = ctx.new(logical, inbound=[], outbound=[])
    draft.parent_hint = ctx.vpc(logical, ctx.props(logical).get("VpcId"))


def _plan_acl_entry(ctx: ImportContext, logical: str):
    p = ctx.props(logical)
    acl = p.get("NetworkAclId")
    if not (is_ref_to(ctx, acl, "AWS::EC2::NetworkAcl")
            or (is_ref_to(ctx, acl, "AWS::EC2::VPC") and acl.attribute == "DefaultNetworkAcl")):
        return "GenericResource"
    try:
        protocol(p.get("Protocol"))
    except ValueProblem as problem:
        ctx.note(logical, f"{problem}: the entry is kept as a generic resource")
        return "GenericResource"
    return None


@maps("AWS::EC2::NetworkAclEntry", plan=_plan_acl_entry)
def network_acl_entry(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    acl = ctx.drafts.get(ctx.target(p["NetworkAclId"])) or ctx.implicit_draft(p["NetworkAclId"])
    ctx.fold(logical, acl.id)
    name = protocol(p.get("Protocol"))
    low, high = 0, 65535
    if name in ("tcp", "udp"):
        ports = p.get("PortRange") if isinstance(p.get("PortRange"), dict) else {}
        low = get_number(ctx, logical, ports, "From", 0)
        high = get_number(ctx, logical, ports, "To", 65535)
    elif name in ("icmp", "icmpv6"):
        icmp = p.get("Icmp") if isinstance(p.get("Icmp"), dict) else {}
        low = _icmp(get_number(ctx, logical, icmp, "Type", -1), 0)
        high = _icmp(get_number(ctx, logical, icmp, "Code", -1), 65535)
    egress = get_flag(ctx, logical, p, "Egress", False)
    rule = ctx.record("NetworkAcl", "inbound",
                      rule_number=get_number(ctx, logical, p, "RuleNumber", 100),
                      protocol=name, from_port=low, to_port=high,
                      cidr=get_text(ctx, logical, p, "CidrBlock") if "CidrBlock" in p
                      else get_text(ctx, logical, p, "Ipv6CidrBlock"),
                      action=choice(ctx, logical, "RuleAction", p.get("RuleAction"), ("allow", "deny"),
                                    "allow"))
    acl.props["outbound" if egress is True else "inbound"].append(rule)


def _icmp(value, all_value: int):
    return all_value if value == -1 else value


@maps("AWS::EC2::SubnetNetworkAclAssociation", plan=plan_fold("SubnetId", "AWS::EC2::Subnet"))
def network_acl_association(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    subnet_draft = fold_target(ctx, p.get("SubnetId"), "Subnet")
    ctx.fold(logical, subnet_draft.id)
    subnet_draft.props["network_acl"] = ctx.ref(logical, "NetworkAclId", p.get("NetworkAclId"),
                                                ("NetworkAcl",))


_ENDPOINT_TYPES = {"Interface": "interface", "Gateway": "gateway"}


@maps("AWS::EC2::VPCEndpoint", kind="VpcEndpoint")
def vpc_endpoint(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    service = get_text(ctx, logical, p, "ServiceName")
    prefix = f"com.amazonaws.{ctx.region}."
    if isinstance(service, str) and service.startswith(prefix):
        service = service[len(prefix):]
    kind = choice(ctx, logical, "VpcEndpointType", p.get("VpcEndpointType"),
                  ("interface", "gateway"), "gateway", _ENDPOINT_TYPES)
    draft = ctx.new(logical, endpoint_type=kind, service=service,
                    # private DNS is an interface endpoint setting; gateway ones keep the default
                    private_dns=get_flag(ctx, logical, p, "PrivateDnsEnabled",
                                         kind != "interface"),
                    subnets=ctx.refs(logical, "SubnetIds", p.get("SubnetIds"), ("Subnet",)),
                    route_tables=ctx.refs(logical, "RouteTableIds", p.get("RouteTableIds"),
                                          ("RouteTable",)),
                    security_groups=ctx.refs(logical, "SecurityGroupIds", p.get("SecurityGroupIds"),
                                             ("SecurityGroup",)))
    draft.parent_hint = ctx.vpc(logical, p.get("VpcId"))


@maps("AWS::EC2::VPCPeeringConnection", kind="VpcPeering")
def vpc_peering(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    for key in ("PeerRegion", "PeerOwnerId"):
        if key in p:
            ctx.note(logical, f"the peer is in {key.replace('Peer', 'another ').lower()} "
                              f"({text(p[key]) if not is_unknown(p[key]) else unresolved(p[key])})")
    ctx.new(logical, requester=ctx.vpc(logical, p.get("VpcId")) or "",
            accepter=ctx.vpc(logical, p.get("PeerVpcId")) or "")


@maps("AWS::EC2::TransitGateway", kind="TransitGateway")
def transit_gateway(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    propagation = choice(ctx, logical, "DefaultRouteTablePropagation",
                         p.get("DefaultRouteTablePropagation"), ("enable", "disable"), "enable")
    ctx.new(logical, amazon_side_asn=get_number(ctx, logical, p, "AmazonSideAsn", 64512),
            default_route_table_propagation=propagation == "enable" if isinstance(propagation, str)
            else propagation)


@maps("AWS::EC2::TransitGatewayAttachment", "AWS::EC2::TransitGatewayVpcAttachment",
      kind="TransitGatewayAttachment")
def transit_gateway_attachment(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    draft = ctx.new(logical,
                    transit_gateway=ctx.ref(logical, "TransitGatewayId", p.get("TransitGatewayId"),
                                            ("TransitGateway",)),
                    subnets=ctx.refs(logical, "SubnetIds", p.get("SubnetIds"), ("Subnet",)))
    draft.parent_hint = ctx.vpc(logical, p.get("VpcId"))


def _plan_flow_log(ctx: ImportContext, logical: str):
    p = ctx.props(logical)
    if p.get("ResourceType") == "VPC" and is_ref_to(ctx, p.get("ResourceId"), "AWS::EC2::VPC"):
        return None
    return "GenericResource"


@maps("AWS::EC2::FlowLog", plan=_plan_flow_log)
def flow_log(ctx: ImportContext, logical: str) -> None:
    """A VPC's flow log sets its ``flow_logs``; where the logs go is not drawn."""
    target = fold_target(ctx, ctx.props(logical).get("ResourceId"), "Vpc")
    ctx.fold(logical, target.id)
    target.props["flow_logs"] = True
