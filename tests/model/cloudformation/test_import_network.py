"""Networking types map onto the model's kinds, references and containment, with what AWS creates
implicitly added."""

from __future__ import annotations

from model.kinds.security import DEFAULT_EGRESS
from model.schema import Unresolved

from .support import load

HEAD = "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n"


def subnet(name: str, cidr: str, zone: str = "us-east-1a") -> str:
    return (f"  {name}:\n    Type: AWS::EC2::Subnet\n"
            f"    Properties: {{VpcId: !Ref Vpc, CidrBlock: {cidr}, AvailabilityZone: {zone}}}\n")


def test_subnets_sit_in_one_zone_box_per_vpc_and_zone_inside_the_region():
    d = load(HEAD + subnet("A", "10.0.1.0/24") + subnet("B", "10.0.2.0/24", "us-east-1b")
             + subnet("A2", "10.0.3.0/24")).diagram
    assert d["Vpc"].parent == "us-east-1" and d["us-east-1"].kind == "Region"
    assert d["A"].parent == d["A2"].parent == "Vpc-us-east-1a"
    assert d["B"].parent == "Vpc-us-east-1b"
    assert d["Vpc-us-east-1a"].kind == "AvailabilityZone" and d["Vpc-us-east-1a"].parent == "Vpc"
    assert d["A"].get("availability_zone") == "us-east-1a"


def test_secondary_blocks_and_ipv6_become_the_vpcs_blocks():
    d = load(HEAD + "  Second:\n    Type: AWS::EC2::VPCCidrBlock\n"
                    "    Properties: {VpcId: !Ref Vpc, CidrBlock: 100.64.0.0/16}\n"
                    "  Six:\n    Type: AWS::EC2::VPCCidrBlock\n"
                    "    Properties: {VpcId: !Ref Vpc, AmazonProvidedIpv6CidrBlock: true}\n").diagram
    assert d["Vpc"].get("cidr_blocks") == ("10.0.0.0/16", "100.64.0.0/16")
    assert d["Vpc"].get("ipv6_cidr") == Unresolved("!Select [0, !GetAtt Vpc.Ipv6CidrBlocks]")
    assert "Second" not in d and "Six" not in d


def test_main_route_table_and_default_acl_are_added_and_noted():
    result = load(HEAD + subnet("A", "10.0.1.0/24"))
    d = result.diagram
    main = d["VpcMainRouteTable"]
    assert main.kind == "RouteTable" and main.get("main") is True and main.get("routes") == ()
    acl = d["VpcDefaultNetworkAcl"]
    assert acl.get("default") is True
    assert [(r["rule_number"], r["cidr"], r["action"]) for r in acl.get("inbound")] == \
        [(100, "0.0.0.0/0", "allow")]
    assert any("main route table AWS creates with Vpc" in n for n in result.notes)
    assert any("default network ACL" in n for n in result.notes)


def test_gateway_attachment_route_and_association():
    d = load(HEAD + subnet("A", "10.0.1.0/24") + """\
  Igw:
    Type: AWS::EC2::InternetGateway
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}
  Rt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  Out:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}
  Out6:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref Rt, DestinationIpv6CidrBlock: '::/0', GatewayId: !Ref Igw}
  Assoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref A, RouteTableId: !Ref Rt}
""").diagram
    assert d["Igw"].get("vpc") == "Vpc" and d["Igw"].parent == "Vpc"
    assert [(r["destination"], r["target"]) for r in d["Rt"].get("routes")] == \
        [("0.0.0.0/0", "Igw"), ("::/0", "Igw")]
    assert d["A"].get("route_table") == "Rt"
    assert not any(name in d for name in ("Attach", "Out", "Out6", "Assoc"))


def test_eip_feeding_a_nat_gateway_becomes_its_elastic_ip_and_the_nat_sits_in_its_subnet():
    d = load(HEAD + subnet("Pub", "10.0.0.0/24") + """\
  Eip:
    Type: AWS::EC2::EIP
    Properties: {Domain: vpc}
  Nat:
    Type: AWS::EC2::NatGateway
    Properties: {SubnetId: !Ref Pub, AllocationId: !GetAtt Eip.AllocationId}
  Private:
    Type: AWS::EC2::NatGateway
    Properties: {SubnetId: !Ref Pub, ConnectivityType: private}
""").diagram
    assert d["Nat"].parent == "Pub" and d["Nat"].get("elastic_ip") == "Eip"
    assert d["Private"].get("connectivity") == "private" and d["Private"].get("elastic_ip") == ""
    assert "Eip" not in d


def test_network_acl_entries_and_associations():
    d = load(HEAD + subnet("A", "10.0.1.0/24") + """\
  Acl:
    Type: AWS::EC2::NetworkAcl
    Properties: {VpcId: !Ref Vpc}
  In:
    Type: AWS::EC2::NetworkAclEntry
    Properties: {NetworkAclId: !Ref Acl, RuleNumber: 110, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 443, To: 443}}
  Out:
    Type: AWS::EC2::NetworkAclEntry
    Properties: {NetworkAclId: !Ref Acl, RuleNumber: 120, Protocol: -1, RuleAction: deny, Egress: true, CidrBlock: 10.9.0.0/16}
  Esp:
    Type: AWS::EC2::NetworkAclEntry
    Properties: {NetworkAclId: !Ref Acl, RuleNumber: 130, Protocol: 50, RuleAction: allow, CidrBlock: 0.0.0.0/0}
  AclAssoc:
    Type: AWS::EC2::SubnetNetworkAclAssociation
    Properties: {SubnetId: !Ref A, NetworkAclId: !Ref Acl}
  DefaultAclEntry:
    Type: AWS::EC2::NetworkAclEntry
    Properties: {NetworkAclId: !GetAtt Vpc.DefaultNetworkAcl, RuleNumber: 50, Protocol: 17, RuleAction: deny, CidrBlock: 0.0.0.0/0, PortRange: {From: 53, To: 53}}
""")
    d = d.diagram
    inbound = [(r["rule_number"], r["protocol"], r["from_port"], r["to_port"], r["action"])
               for r in d["Acl"].get("inbound")]
    assert inbound == [(110, "tcp", 443, 443, "allow")]
    assert [(r["rule_number"], r["protocol"], r["cidr"], r["action"]) for r in d["Acl"].get("outbound")] == \
        [(120, "all", "10.9.0.0/16", "deny")]
    assert d["A"].get("network_acl") == "Acl"
    assert d["Esp"].kind == "GenericResource"  # IP protocol 50 is not modelled: kept, not dropped
    default_rules = [(r["rule_number"], r["protocol"]) for r in d["VpcDefaultNetworkAcl"].get("inbound")]
    assert default_rules == [(100, "all"), (50, "udp")]


def test_security_group_rules_default_egress_and_standalone_rules():
    d = load(HEAD + """\
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0, Description: https}
  Db:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      VpcId: !Ref Vpc
      SecurityGroupEgress:
        - {IpProtocol: '-1', CidrIp: 127.0.0.1/32}
  DbFromWeb:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {GroupId: !GetAtt Db.GroupId, IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref Web}
  WebToDb:
    Type: AWS::EC2::SecurityGroupEgress
    Properties: {GroupId: !Ref Web, IpProtocol: tcp, FromPort: 5432, ToPort: 5432, DestinationSecurityGroupId: !Ref Db}
""").diagram
    web, db = d["Web"], d["Db"]
    assert web.parent == "Vpc" and web.get("description") == "web"
    assert [(r["from_port"], r["cidr"], r["description"]) for r in web.get("ingress")] == \
        [(443, "0.0.0.0/0", "https")]
    # no egress written: AWS's allow-all rule, then the standalone rule
    assert web.get("egress")[0] == DEFAULT_EGRESS[0]
    assert web.get("egress")[1]["destination_group"] == "Db"
    assert db.get("egress") == ()  # the loopback-only rule removes the default
    assert db.get("ingress")[0]["source_group"] == "Web"


def test_endpoints_peering_transit_gateway_and_egress_only_gateway():
    d = load(HEAD + subnet("A", "10.0.1.0/24") + """\
  Rt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  S3:
    Type: AWS::EC2::VPCEndpoint
    Properties: {VpcId: !Ref Vpc, ServiceName: !Sub 'com.amazonaws.${AWS::Region}.s3', RouteTableIds: [!Ref Rt]}
  Logs:
    Type: AWS::EC2::VPCEndpoint
    Properties: {VpcId: !Ref Vpc, ServiceName: com.amazonaws.us-east-1.logs, VpcEndpointType: Interface, PrivateDnsEnabled: true, SubnetIds: [!Ref A]}
  Other:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.1.0.0/16}
  Peer:
    Type: AWS::EC2::VPCPeeringConnection
    Properties: {VpcId: !Ref Vpc, PeerVpcId: !Ref Other}
  Tgw:
    Type: AWS::EC2::TransitGateway
    Properties: {AmazonSideAsn: 65000, DefaultRouteTablePropagation: disable}
  Att:
    Type: AWS::EC2::TransitGatewayVpcAttachment
    Properties: {TransitGatewayId: !Ref Tgw, VpcId: !Ref Vpc, SubnetIds: [!Ref A]}
  Eigw:
    Type: AWS::EC2::EgressOnlyInternetGateway
    Properties: {VpcId: !Ref Vpc}
""").diagram
    assert (d["S3"].get("endpoint_type"), d["S3"].get("service"), d["S3"].get("route_tables")) == \
        ("gateway", "s3", ("Rt",))
    assert (d["Logs"].get("endpoint_type"), d["Logs"].get("service"), d["Logs"].get("subnets")) == \
        ("interface", "logs", ("A",))
    assert (d["Peer"].get("requester"), d["Peer"].get("accepter"), d["Peer"].parent) == \
        ("Vpc", "Other", "us-east-1")
    assert d["Tgw"].get("amazon_side_asn") == 65000
    assert d["Tgw"].get("default_route_table_propagation") is False
    assert d["Att"].kind == "TransitGatewayAttachment" and d["Att"].parent == "Vpc"
    assert d["Eigw"].get("vpc") == "Vpc"


def test_a_vpc_given_as_a_parameter_is_drawn_as_an_existing_vpc():
    result = load("Parameters:\n  VpcId: {Type: 'AWS::EC2::VPC::Id'}\nResources:\n"
                  "  Sg:\n    Type: AWS::EC2::SecurityGroup\n"
                  "    Properties: {GroupDescription: x, VpcId: !Ref VpcId}\n")
    d = result.diagram
    assert d["Sg"].parent == "VpcId"
    assert d["VpcId"].kind == "Vpc" and d["VpcId"].get("existing") == Unresolved("!Ref VpcId")
    assert any("VPC the template does not create" in n for n in result.notes)
    assert "VpcIdMainRouteTable" not in d  # an existing VPC's own tables are not known


def test_a_security_group_without_a_vpc_goes_to_the_default_vpc():
    d = load("Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n"
             "    Properties: {GroupDescription: x}\n").diagram
    assert d["DefaultVpc"].get("cidr_blocks") == ("172.31.0.0/16",)
    assert d["DefaultVpc"].get("existing") == "default"
    assert d["Sg"].parent == "DefaultVpc"
