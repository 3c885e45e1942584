"""Networking: Regions, Availability Zones, VPCs, subnets, gateways, routing, peering, load balancing."""

from __future__ import annotations

from ..schema import ROOT, Kind
from ._fields import (choice, cidr4, cidr4_list, cidr6, destination, flag, number, port, records, ref,
                      refs, text)

CATEGORY = "Networking"

REGIONS = ("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2",
           "eu-west-3", "eu-central-1", "eu-north-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
           "ap-southeast-1", "ap-southeast-2", "ap-south-1", "sa-east-1")

#: Everything a route may send traffic to.
ROUTE_TARGETS = ("InternetGateway", "EgressOnlyInternetGateway", "NatGateway", "VpcPeering",
                 "VpcEndpoint", "Instance", "TransitGateway")

#: Short names of the AWS services an endpoint can front.
ENDPOINT_SERVICES = ("s3", "dynamodb", "ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm",
                     "ssmmessages", "ec2messages", "sts", "sqs", "sns", "kms", "execute-api",
                     "monitoring", "events", "elasticloadbalancing", "lambda")

KINDS = (
    Kind("Region", "Region", CATEGORY, (ROOT,), container=True, description=(
        "An AWS Region: a separate geographic area with its own Availability Zones."), fields=(
        text("region", "us-east-1", suggestions=REGIONS, help="The Region code, e.g. ap-northeast-1."),
    )),
    Kind("AvailabilityZone", "Availability Zone", CATEGORY, ("Vpc",), container=True, description=(
        "One or more data centres with independent power and networking. A subnet lives in exactly "
        "one Availability Zone."), fields=(
        text("zone", "us-east-1a", help="The zone name, e.g. ap-northeast-1a."),
    )),
    Kind("Vpc", "VPC", CATEGORY, ("Region", ROOT), container=True, cfn_type="AWS::EC2::VPC",
         description="A logically isolated virtual network with one or more IPv4 CIDR blocks.", fields=(
        cidr4_list("cidr_blocks", ("10.0.0.0/16",), label="IPv4 CIDR blocks",
                   help="The primary block first; secondary blocks after it."),
        cidr6("ipv6_cidr", label="IPv6 CIDR", help="An Amazon-provided /56, or empty for IPv4 only."),
        flag("enable_dns_support", True, label="DNS resolution"),
        flag("enable_dns_hostnames", True, label="DNS hostnames"),
        flag("flow_logs", False, label="Flow logs"),
        text("existing", "", label="Existing VPC",
             help="Set when the VPC already exists and the design only refers to it: its vpc- id, "
                  "or a value imported from another stack. Exported templates refer to it instead "
                  "of creating it."),
    )),
    Kind("Subnet", "Subnet", CATEGORY, ("AvailabilityZone", "Vpc"), container=True,
         cfn_type="AWS::EC2::Subnet", description=(
             "A range of a VPC's addresses in one Availability Zone. It is public when its route table "
             "sends traffic to an internet gateway."), fields=(
        cidr4("cidr", "10.0.0.0/24", label="IPv4 CIDR"),
        cidr6("ipv6_cidr", label="IPv6 CIDR"),
        text("availability_zone", "", help="Set from the Availability Zone the subnet is drawn in."),
        flag("map_public_ip_on_launch", False, label="Auto-assign public IPv4"),
        ref("route_table", ("RouteTable",), "associated with", drawn=False,
            help="Empty: the VPC's main route table is used."),
        ref("network_acl", ("NetworkAcl",), "associated with", drawn=False,
            help="Empty: the VPC's default network ACL is used."),
        text("existing", "", label="Existing subnet",
             help="Set when the subnet already exists and the design only refers to it: its "
                  "subnet- id, or a value imported from another stack."),
    )),
    Kind("InternetGateway", "Internet gateway", CATEGORY, ("Vpc", "Region", ROOT),
         cfn_type="AWS::EC2::InternetGateway", description=(
             "Connects a VPC to the internet, translating between public and private addresses one "
             "to one (static NAT)."), fields=(
        ref("vpc", ("Vpc",), "attached to"),
    )),
    Kind("EgressOnlyInternetGateway", "Egress-only internet gateway", CATEGORY, ("Vpc", "Region", ROOT),
         cfn_type="AWS::EC2::EgressOnlyInternetGateway", description=(
             "Lets IPv6 traffic out to the internet and refuses connections started from outside."),
         fields=(ref("vpc", ("Vpc",), "attached to"),)),
    Kind("NatGateway", "NAT gateway", CATEGORY, ("Subnet",), cfn_type="AWS::EC2::NatGateway",
         description=(
             "Lets resources in private subnets start connections out (many private addresses share "
             "one public one: NAPT) while refusing connections from outside."), fields=(
        choice("connectivity", ("public", "private"), "public"),
        text("elastic_ip", "auto", label="Elastic IP",
             help="The Elastic IP allocation; 'auto' allocates one; empty means none."),
    )),
    Kind("VpcEndpoint", "VPC endpoint", CATEGORY, ("Vpc",), cfn_type="AWS::EC2::VPCEndpoint",
         description=(
             "Reaches an AWS service privately, without an internet gateway or NAT. Gateway "
             "endpoints (S3, DynamoDB) are route targets; interface endpoints are network interfaces."),
         fields=(
        choice("endpoint_type", ("interface", "gateway"), "interface", label="Type"),
        text("service", "s3", suggestions=ENDPOINT_SERVICES,
             help="The service's short name (s3, ecr.dkr, logs...) or its full name."),
        flag("private_dns", True, label="Private DNS"),
        refs("subnets", ("Subnet",), "placed in", help="Interface endpoints: one subnet per zone."),
        refs("route_tables", ("RouteTable",), "associated with",
             help="Gateway endpoints: the route tables that get the service's prefix-list route."),
        refs("security_groups", ("SecurityGroup",), "protected by", drawn=False),
    )),
    Kind("RouteTable", "Route table", CATEGORY, ("Vpc",), cfn_type="AWS::EC2::RouteTable", description=(
        "Decides where traffic leaving a subnet goes, by the most specific matching destination. Local "
        "routes for the VPC's own blocks are always there."), fields=(
        flag("main", False, label="Main route table",
             help="Used by every subnet of the VPC that has no route table of its own."),
        records("routes",
                destination("destination", "0.0.0.0/0",
                            help="An IPv4 or IPv6 range, or a prefix list such as pl-s3."),
                ref("target", ROUTE_TARGETS, "routes to"),
                label="Routes"),
    )),
    Kind("VpcPeering", "VPC peering", CATEGORY, ("Region", ROOT), cfn_type="AWS::EC2::VPCPeeringConnection",
         description=(
             "A private connection between two VPCs. It is not transitive, and neither side may use "
             "the other's gateways."), fields=(
        ref("requester", ("Vpc",), "peers with"),
        ref("accepter", ("Vpc",), "peers with"),
    )),
    Kind("TransitGateway", "Transit gateway", CATEGORY, ("Region", ROOT),
         cfn_type="AWS::EC2::TransitGateway", description=(
             "A regional hub that routes between the VPCs attached to it."), fields=(
        number("amazon_side_asn", 64512, minimum=1, label="Amazon side ASN"),
        flag("default_route_table_propagation", True),
    )),
    Kind("TransitGatewayAttachment", "Transit gateway attachment", CATEGORY, ("Vpc",),
         cfn_type="AWS::EC2::TransitGatewayAttachment", description=(
             "Attaches a VPC to a transit gateway through one subnet in each Availability Zone."),
         fields=(
        ref("transit_gateway", ("TransitGateway",), "attached to"),
        refs("subnets", ("Subnet",), "placed in"),
    )),
    Kind("LoadBalancer", "Load balancer", CATEGORY, ("Vpc",),
         cfn_type="AWS::ElasticLoadBalancingV2::LoadBalancer", description=(
             "Receives requests and spreads them over the targets of its target groups. An Application "
             "Load Balancer works with HTTP(S); a Network Load Balancer with TCP, TLS and UDP."), fields=(
        choice("lb_type", ("application", "network"), "application", label="Type"),
        choice("scheme", ("internet-facing", "internal"), "internet-facing"),
        choice("ip_address_type", ("ipv4", "dualstack"), "ipv4", label="IP address type"),
        refs("subnets", ("Subnet",), "placed in", help="One subnet in each Availability Zone used."),
        refs("security_groups", ("SecurityGroup",), "protected by", drawn=False),
        flag("cross_zone", False, label="Cross-zone (NLB)",
             help="Always on for Application Load Balancers."),
        records("listeners",
                choice("protocol", ("HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP"), "HTTP"),
                port("port", 80),
                ref("certificate", ("AcmCertificate",), "uses certificate", drawn=False),
                choice("action", ("forward", "redirect", "fixed-response"), "forward"),
                ref("target_group", ("TargetGroup",), "forwards to"),
                port("redirect_port", 443),
                records("rules",
                        number("priority", 1, minimum=0),
                        text("condition", "path:/api/*",
                             help="path:PATTERN or host:NAME, as in a listener rule."),
                        ref("target_group", ("TargetGroup",), "forwards to")),
                label="Listeners"),
    )),
    Kind("TargetGroup", "Target group", CATEGORY, ("Vpc",),
         cfn_type="AWS::ElasticLoadBalancingV2::TargetGroup", description=(
             "The targets a load balancer sends requests to, on one protocol and port, with a health "
             "check."), fields=(
        choice("protocol", ("HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE"), "HTTP"),
        port("port", 80),
        choice("target_type", ("instance", "ip", "lambda", "alb"), "instance"),
        refs("targets", ("Instance", "LambdaFunction", "LoadBalancer"), "targets"),
        choice("health_check_protocol", ("HTTP", "HTTPS", "TCP"), "HTTP"),
        text("health_check_port", "traffic-port", help="A port number, or traffic-port."),
        text("health_check_path", "/"),
        number("health_check_interval", 30, minimum=0, label="Health check interval (s)"),
        number("health_check_timeout", 5, minimum=0, label="Health check timeout (s)"),
        number("healthy_threshold", 5, minimum=0),
        number("unhealthy_threshold", 2, minimum=0),
        text("matcher", "200", help="HTTP codes counted as healthy, e.g. 200 or 200-399."),
    )),
)
