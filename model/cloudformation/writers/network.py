"""VPCs, subnets, gateways, route tables, network ACLs, endpoints, peering and transit gateways."""

from __future__ import annotations

from ...cidr import is_prefix_list, parse_v6
from ...queries import main_route_table
from ...resources import Resource
from ...schema import Unresolved
from ..ids import camel
from ..writer import Writer
from . import writes

__all__ = ["ROUTE_TARGET_KEYS", "PROTOCOL_NUMBERS", "DEFAULT_ACL_RULES", "vpc_id", "vpc", "subnet",
           "internet_gateway", "egress_only_gateway", "nat_gateway", "route_table", "network_acl",
           "is_default_acl_rule", "vpc_endpoint", "vpc_peering", "transit_gateway",
           "transit_gateway_attachment"]

#: The route property naming each kind of target.
ROUTE_TARGET_KEYS = {"InternetGateway": "GatewayId", "EgressOnlyInternetGateway":
                     "EgressOnlyInternetGatewayId", "NatGateway": "NatGatewayId",
                     "VpcPeering": "VpcPeeringConnectionId", "VpcEndpoint": "VpcEndpointId",
                     "Instance": "InstanceId", "TransitGateway": "TransitGatewayId"}

#: IP protocol numbers for network ACL entries.
PROTOCOL_NUMBERS = {"all": -1, "tcp": 6, "udp": 17, "icmp": 1, "icmpv6": 58}

#: The rules every default network ACL starts with (written by AWS, never by a template).
DEFAULT_ACL_RULES = ({"rule_number": 100, "protocol": "all", "cidr": "0.0.0.0/0", "action": "allow"},
                     {"rule_number": 101, "protocol": "all", "cidr": "::/0", "action": "allow"})


def _required(w: Writer, value, record: Resource, what: str, kind: str = "String"):
    """``value``, or a parameter when the design leaves a required property empty."""
    if value not in (None, "", []):
        return value
    name = f"{w.logical.get(record.id) or camel(record.id)}{what}"
    w.empty.add(name)
    return w.parameter(name, kind, f"{what} of {record.label}, which the design leaves empty")


def vpc_id(w: Writer, record: Resource):
    vpc = w.vpc_of(record)
    return _required(w, w.ref(vpc.id) if vpc else None, record, "VpcId", "AWS::EC2::VPC::Id")


@writes("Vpc")
def vpc(w: Writer, r: Resource) -> None:
    if r.id not in w.logical:
        return
    blocks = r.get("cidr_blocks")
    if isinstance(blocks, Unresolved):
        primary, secondary = w.symbolic(blocks), ()
    else:
        primary, secondary = (w.value(blocks[0]) if blocks else None), blocks[1:]
    logical = w.add(w.main(r), "AWS::EC2::VPC", {
        "CidrBlock": _required(w, primary, r, "CidrBlock"),
        "EnableDnsSupport": r.get("enable_dns_support"),
        "EnableDnsHostnames": r.get("enable_dns_hostnames"),
        "Tags": w.tags(r)}, r)
    for i, block in enumerate(secondary, start=2):
        w.add(w.helper_id(r, f"Cidr{i}"), "AWS::EC2::VPCCidrBlock",
              {"VpcId": {"Ref": logical}, "CidrBlock": w.value(block)}, r)
    if r.get("ipv6_cidr"):
        w.ipv6_blocks[r.id] = w.add(w.helper_id(r, "Ipv6Cidr"), "AWS::EC2::VPCCidrBlock",
                                    {"VpcId": {"Ref": logical}, "AmazonProvidedIpv6CidrBlock": True}, r)
    if r.get("flow_logs"):
        _flow_logs(w, r, logical)


def _flow_logs(w: Writer, r: Resource, vpc_logical: str) -> None:
    """Flow logs to a CloudWatch log group, with the role that lets the service write there."""
    group = w.add(w.helper_id(r, "FlowLogGroup"), "AWS::Logs::LogGroup",
                  {"RetentionInDays": 30}, r, metadata=w.implied(),
                  DeletionPolicy="Retain", UpdateReplacePolicy="Retain")
    role = w.add(w.helper_id(r, "FlowLogRole"), "AWS::IAM::Role", {
        "AssumeRolePolicyDocument": _trust("vpc-flow-logs.amazonaws.com"),
        "Policies": [{"PolicyName": "flow-logs", "PolicyDocument": {
            "Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents",
                                              "logs:DescribeLogGroups", "logs:DescribeLogStreams"],
                "Resource": {"Fn::GetAtt": [group, "Arn"]}}]}}]}, r, metadata=w.implied())
    w.add(w.helper_id(r, "FlowLog"), "AWS::EC2::FlowLog", {
        "ResourceId": {"Ref": vpc_logical}, "ResourceType": "VPC", "TrafficType": "ALL",
        "LogDestinationType": "cloud-watch-logs", "LogGroupName": {"Ref": group},
        "DeliverLogsPermissionArn": {"Fn::GetAtt": [role, "Arn"]}}, r)


def _trust(service: str) -> dict:
    return {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                                                    "Principal": {"Service": service},
                                                    "Action": "sts:AssumeRole"}]}


def _zone_of(w: Writer, r: Resource):
    parent = w.d.get(r.parent)
    if parent is not None and parent.kind == "AvailabilityZone" and parent.get("zone"):
        return parent.get("zone")
    return r.get("availability_zone")


def _subnet_ipv6(w: Writer, r: Resource, vpc: Resource | None):
    """A subnet's /64 as CloudFormation must say it: the n-th /64 of the VPC's Amazon-provided
    block, which only AWS knows before deployment."""
    block = r.get("ipv6_cidr")
    if not block:
        return None
    if isinstance(block, Unresolved):
        return w.symbolic(block)
    outer = parse_v6(vpc.get("ipv6_cidr")) if vpc is not None and isinstance(vpc.get("ipv6_cidr"),
                                                                             str) else None
    inner = parse_v6(block)
    if outer is None or inner is None or inner.prefixlen != 64 or not inner.subnet_of(outer) \
            or vpc.id not in w.logical:
        return block
    index = (int(inner.network_address) - int(outer.network_address)) >> 64
    count = 2 ** (64 - outer.prefixlen)
    return {"Fn::Select": [index, {"Fn::Cidr": [
        {"Fn::Select": [0, {"Fn::GetAtt": [w.logical[vpc.id], "Ipv6CidrBlocks"]}]},
        min(count, 256), 64]}]}


@writes("Subnet")
def subnet(w: Writer, r: Resource) -> None:
    if r.id not in w.logical:
        return
    vpc = w.vpc_of(r)
    ipv6 = _subnet_ipv6(w, r, vpc)
    logical = w.add(w.main(r), "AWS::EC2::Subnet", {
        "VpcId": vpc_id(w, r),
        "CidrBlock": _required(w, w.value(r.get("cidr")), r, "CidrBlock"),
        "Ipv6CidrBlock": ipv6,
        "AvailabilityZone": w.zone(_zone_of(w, r)),
        "MapPublicIpOnLaunch": True if r.get("map_public_ip_on_launch") is True else None,
        "Tags": w.tags(r)}, r, depends_on=[w.ipv6_blocks.get(vpc.id)] if ipv6 and vpc else ())
    table = w.d.get(r.get("route_table"))
    implied = False
    if table is None and vpc is not None:
        table = main_route_table(w.d, vpc.id)
        implied = True
    table_ref = w.ref(table.id) if table is not None else None
    if table_ref is not None:
        w.add(w.helper_id(r, "RouteTableAssociation"), "AWS::EC2::SubnetRouteTableAssociation",
              {"SubnetId": {"Ref": logical}, "RouteTableId": table_ref}, r,
              metadata=w.implied() if implied else None)
    acl_ref = w.ref(r.get("network_acl")) if r.get("network_acl") else None
    if acl_ref is not None:
        w.add(w.helper_id(r, "NetworkAclAssociation"), "AWS::EC2::SubnetNetworkAclAssociation",
              {"SubnetId": {"Ref": logical}, "NetworkAclId": acl_ref}, r)


@writes("InternetGateway")
def internet_gateway(w: Writer, r: Resource) -> None:
    logical = w.add(w.main(r), "AWS::EC2::InternetGateway", {"Tags": w.tags(r)}, r)
    vpc = w.ref(r.get("vpc")) if r.get("vpc") else None
    if vpc is not None and r.id in w.attachments:
        w.add(w.attachments[r.id], "AWS::EC2::VPCGatewayAttachment",
              {"VpcId": vpc, "InternetGatewayId": {"Ref": logical}}, r)


@writes("EgressOnlyInternetGateway")
def egress_only_gateway(w: Writer, r: Resource) -> None:
    vpc = w.ref(r.get("vpc")) if r.get("vpc") else None
    w.add(w.main(r), "AWS::EC2::EgressOnlyInternetGateway",
          {"VpcId": _required(w, vpc, r, "VpcId", "AWS::EC2::VPC::Id")}, r)


@writes("NatGateway")
def nat_gateway(w: Writer, r: Resource) -> None:
    subnet_record = w.subnet_of(r)
    private = r.get("connectivity") == "private"
    props = {"SubnetId": _required(w, w.ref(subnet_record.id) if subnet_record else None, r,
                                   "SubnetId", "AWS::EC2::Subnet::Id"),
             "ConnectivityType": "private" if private else None, "Tags": w.tags(r)}
    allocation = r.get("elastic_ip")
    if isinstance(allocation, Unresolved):
        props["AllocationId"] = w.symbolic(allocation)
    elif isinstance(allocation, str) and allocation.startswith("eipalloc-"):
        props["AllocationId"] = allocation
    elif allocation and not private:
        eip = w.helper_id(r, "Eip")
        w.add(eip, "AWS::EC2::EIP", {"Domain": "vpc", "Tags": w.tags(r)}, r,
              metadata=None if allocation == eip else {"value": allocation})
        props["AllocationId"] = {"Fn::GetAtt": [eip, "AllocationId"]}
    w.add(w.main(r), "AWS::EC2::NatGateway", props, r)


@writes("RouteTable")
def route_table(w: Writer, r: Resource) -> None:
    if r.id not in w.logical:
        return
    logical = w.add(w.main(r), "AWS::EC2::RouteTable",
                    {"VpcId": vpc_id(w, r), "Tags": w.tags(r)}, r)
    vpc = w.vpc_of(r)
    for i, route in enumerate(r.get("routes", ()), start=1):
        target = route.get("target")
        depends = []
        if isinstance(target, Unresolved):
            key, value = "GatewayId", w.symbolic(target)
        else:
            record = w.d.get(target)
            if record is None or record.kind not in ROUTE_TARGET_KEYS:
                continue  # a blackhole route (its target is gone) cannot be created
            key, value = ROUTE_TARGET_KEYS[record.kind], w.ref(record.id)
            if value is None:
                continue
            depends.append(w.attachments.get(record.id))
            if record.kind == "TransitGateway" and vpc is not None:
                depends.extend(w.logical[a.id] for a in w.d.referrers(record.id,
                                                                       "TransitGatewayAttachment")
                               if a.id in w.logical and w.vpc_of(a) is not None
                               and w.vpc_of(a).id == vpc.id)
        destination = route.get("destination")
        if isinstance(destination, str) and is_prefix_list(destination):
            dest_key = "DestinationPrefixListId"
        elif isinstance(destination, str) and ":" in destination:
            dest_key = "DestinationIpv6CidrBlock"
        else:
            dest_key = "DestinationCidrBlock"
        w.add(w.helper_id(r, f"Route{i}"), "AWS::EC2::Route",
              {"RouteTableId": {"Ref": logical}, dest_key: w.value(destination), key: value}, r,
              depends_on=depends)


@writes("NetworkAcl")
def network_acl(w: Writer, r: Resource) -> None:
    if r.id in w.logical:
        acl = {"Ref": w.add(w.main(r), "AWS::EC2::NetworkAcl",
                            {"VpcId": vpc_id(w, r), "Tags": w.tags(r)}, r)}
    else:
        acl = w.ref(r.id)  # the VPC's default ACL: only the rules added to AWS's own are written
        if acl is None:
            return
    for egress, direction in ((False, "inbound"), (True, "outbound")):
        for i, rule in enumerate(r.get(direction, ()), start=1):
            if r.get("default") and is_default_acl_rule(rule):
                continue
            _acl_entry(w, r, acl, rule, egress, f"{direction.capitalize()}{i}")


def is_default_acl_rule(rule) -> bool:
    """Whether a rule is one AWS writes into every default network ACL."""
    return any(all(rule.get(k) == v for k, v in default.items()) for default in DEFAULT_ACL_RULES)


def _acl_entry(w: Writer, r: Resource, acl, rule, egress: bool, suffix: str) -> None:
    name = rule.get("protocol")
    props = {"NetworkAclId": acl, "RuleNumber": w.value(rule.get("rule_number")),
             "Protocol": PROTOCOL_NUMBERS.get(name, -1) if isinstance(name, str) else w.value(name),
             "RuleAction": w.value(rule.get("action")), "Egress": egress}
    cidr = rule.get("cidr")
    props["Ipv6CidrBlock" if isinstance(cidr, str) and ":" in cidr else "CidrBlock"] = w.value(cidr)
    low, high = rule.get("from_port"), rule.get("to_port")
    if name in ("tcp", "udp"):
        props["PortRange"] = {"From": w.value(low), "To": w.value(high)}
    elif name in ("icmp", "icmpv6"):
        props["Icmp"] = {"Type": -1 if low == 0 and high == 65535 else w.value(low),
                         "Code": -1 if high == 65535 else w.value(high)}
    w.add(w.helper_id(r, suffix), "AWS::EC2::NetworkAclEntry", props, r)


@writes("VpcEndpoint")
def vpc_endpoint(w: Writer, r: Resource) -> None:
    interface = r.get("endpoint_type") == "interface"
    service = r.get("service")
    if isinstance(service, str) and service and not service.startswith(("com.amazonaws.", "aws.",
                                                                        "vpce-", "cn.com.")):
        service_name = {"Fn::Sub": f"com.amazonaws.${{AWS::Region}}.{service}"}  # a short name
    else:
        service_name = w.value(service)
    w.add(w.main(r), "AWS::EC2::VPCEndpoint", {
        "VpcId": vpc_id(w, r), "ServiceName": service_name,
        "VpcEndpointType": "Interface" if interface else "Gateway",
        "PrivateDnsEnabled": r.get("private_dns") if interface else None,
        "SubnetIds": w.refs(r.get("subnets")) if interface else None,
        "SecurityGroupIds": w.refs(r.get("security_groups"), "GroupId") if interface else None,
        "RouteTableIds": None if interface else w.refs(r.get("route_tables"))}, r)


@writes("VpcPeering")
def vpc_peering(w: Writer, r: Resource) -> None:
    w.add(w.main(r), "AWS::EC2::VPCPeeringConnection", {
        "VpcId": _required(w, w.ref(r.get("requester")), r, "VpcId", "AWS::EC2::VPC::Id"),
        "PeerVpcId": _required(w, w.ref(r.get("accepter")), r, "PeerVpcId", "AWS::EC2::VPC::Id"),
        "Tags": w.tags(r)}, r)


@writes("TransitGateway")
def transit_gateway(w: Writer, r: Resource) -> None:
    propagation = r.get("default_route_table_propagation")
    w.add(w.main(r), "AWS::EC2::TransitGateway", {
        "AmazonSideAsn": w.value(r.get("amazon_side_asn")),
        "DefaultRouteTablePropagation": ("enable" if propagation else "disable")
        if isinstance(propagation, bool) else w.value(propagation),
        "Tags": w.tags(r)}, r)


@writes("TransitGatewayAttachment")
def transit_gateway_attachment(w: Writer, r: Resource) -> None:
    gateway = r.get("transit_gateway")
    w.add(w.main(r), "AWS::EC2::TransitGatewayAttachment", {
        "TransitGatewayId": _required(w, w.ref(gateway), r, "TransitGatewayId"),
        "VpcId": vpc_id(w, r), "SubnetIds": w.refs(r.get("subnets")), "Tags": w.tags(r)}, r)
