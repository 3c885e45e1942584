"""Explanation codes: why a flow is blocked, in the words AWS Reachability Analyzer uses.

Each code the evaluator can emit is listed once with what it means and the usual way out, so the
command line, the rules and the editor explain a blocked flow the same way. Codes that Reachability
Analyzer also reports keep its exact name (so people can move between Kumozu and AWS); the one code
Kumozu adds for something the analyzer does not model says so in :attr:`Code.origin`.

Source: https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Code", "CODES", "describe", "SG_CODES", "NACL_CODES", "ROUTING_CODES"]


@dataclass(frozen=True)
class Code:
    name: str
    #: What it means, in one sentence a student can follow.
    meaning: str
    #: The usual fix, in one sentence; the evaluator adds a specific one per finding.
    fix: str
    #: ``reachability-analyzer`` when AWS uses the same name, ``kumozu`` otherwise.
    origin: str = "reachability-analyzer"


_ALL = (
    Code("NO_ROUTE_TO_DESTINATION",
         "No route in the route table matches the destination, so the packet is dropped.",
         "Add a route for the destination to a gateway or connection that leads there."),
    Code("BAD_STATE_ROUTE",
         "The route that matches points at a target that does not exist (a blackhole route).",
         "Point the route at an existing target, or delete it."),
    Code("CANNOT_ROUTE",
         "The route that matches points at a target that cannot carry this traffic.",
         "Use a target that forwards this kind of traffic (an internet gateway or NAT gateway for "
         "IPv4 to the internet, a peering connection for another VPC)."),
    Code("MORE_SPECIFIC_ROUTE",
         "A more specific route wins over the route that would have reached the destination.",
         "Remove or narrow the more specific route, or make it lead to the destination too."),
    Code("DISCONNECTED_VPCS",
         "Source and destination are in different VPCs with no peering connection or transit "
         "gateway between them.",
         "Connect the VPCs (peering or a transit gateway) and add routes on both sides."),
    Code("SUBNET_ACL_RESTRICTION",
         "A network ACL of a subnet on the way denies the traffic (rules are read lowest number "
         "first; the first match decides; nothing matched means denied).",
         "Add an allow rule, numbered before any deny that matches, for this protocol and port; "
         "for replies, allow the ephemeral ports 1024-65535."),
    Code("ENI_SG_RULES_MISMATCH",
         "No rule of the security groups on the network interface allows the traffic.",
         "Add a security group rule that allows this protocol and port from (or to) the peer."),
    Code("SG_HAS_NO_RULES",
         "The security groups on the network interface have no rules at all in this direction, so "
         "they allow nothing.",
         "Add a rule in this direction: security groups deny everything they do not allow."),
    Code("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS",
         "The traffic leaves through the internet gateway, but its source has no public IPv4 "
         "address, so the gateway cannot translate it.",
         "Give the source a public IP (or an Elastic IP), or send the traffic through a NAT "
         "gateway from a private subnet."),
    Code("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS",
         "The traffic comes in from the internet, but the destination has no public IPv4 address "
         "for the internet gateway to translate.",
         "Put an internet-facing load balancer (or CloudFront) in front of it, or give it a public "
         "IP in a public subnet."),
    Code("NGW_REQUIRES_SOURCE_IN_VPC",
         "A NAT gateway only serves sources in its own VPC.",
         "Use a NAT gateway in the source's own VPC."),
    Code("PCX_REQUIRES_ADDRESS_IN_VPC_CIDR",
         "A peering connection only carries traffic whose destination is inside the peer VPC's "
         "CIDR blocks: peering is not transitive and cannot reach the peer's gateways.",
         "Reach the destination through its own connection, or use a transit gateway."),
    Code("ELBV2_LISTENER_PORT_RESTRICTION",
         "The load balancer has no listener on this port and protocol.",
         "Add a listener on this port, or send the traffic to a port the load balancer listens on."),
    Code("ELBV2_LISTENER_HAS_NO_TG",
         "The listener does not forward to a target group (it redirects, answers itself, or has "
         "none), so the traffic never reaches a target.",
         "Give the listener a forward action to a target group that holds the destination."),
    Code("TARGET_PORT_RESTRICTION",
         "The load balancer sends to its targets only on the target group's port (and the health "
         "check port), not on this one.",
         "Trace on the target group's port, or change the target group's port."),
    Code("ELB_INSTALLED_AZ_RESTRICTION",
         "The target is in an Availability Zone the load balancer is not enabled in, so it never "
         "receives traffic.",
         "Add a load balancer subnet in the target's Availability Zone."),
    Code("VPCE_GATEWAY_PROTOCOL_RESTRICTION",
         "A gateway endpoint only carries TCP and ICMP echo traffic.",
         "Use TCP (HTTPS) to reach the service through the gateway endpoint."),
    Code("ENI_SOURCE_DEST_CHECK_RESTRICTION",
         "The route sends the traffic to an instance that has source/destination checking on, so it "
         "drops traffic that is not addressed to itself.",
         "Turn off source/destination check on the NAT instance or appliance."),
    Code("TGW_ROUTE_AZ_RESTRICTION",
         "The transit gateway attachment has no subnet in the source's Availability Zone, so "
         "resources in that zone cannot reach the transit gateway.",
         "Add an attachment subnet in every Availability Zone that has clients."),
    Code("TGW_RTB_CANNOT_ROUTE",
         "The transit gateway has no route to the destination (Kumozu models the routes propagated "
         "from attached VPCs).",
         "Attach the destination's VPC to the transit gateway with route propagation on."),
    Code("PROTOCOL_RESTRICTION",
         "The component does not accept this protocol.",
         "Use a protocol the component accepts (ALB and CloudFront: TCP)."),
    Code("EDGE_LISTENER_PORT_RESTRICTION",
         "CloudFront and Lightsail accept viewer connections only on ports 80 and 443.",
         "Connect on port 443 (HTTPS) or 80 (HTTP).", origin="kumozu"),
)

CODES: dict[str, Code] = {c.name: c for c in _ALL}

#: Codes of the security-group, network-ACL and routing families, as the three rules split them.
SG_CODES = frozenset({"ENI_SG_RULES_MISMATCH", "SG_HAS_NO_RULES"})
NACL_CODES = frozenset({"SUBNET_ACL_RESTRICTION"})
ROUTING_CODES = frozenset({
    "NO_ROUTE_TO_DESTINATION", "BAD_STATE_ROUTE", "CANNOT_ROUTE", "MORE_SPECIFIC_ROUTE",
    "DISCONNECTED_VPCS", "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", "NGW_REQUIRES_SOURCE_IN_VPC",
    "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", "VPCE_GATEWAY_PROTOCOL_RESTRICTION",
    "ENI_SOURCE_DEST_CHECK_RESTRICTION", "TGW_ROUTE_AZ_RESTRICTION", "TGW_RTB_CANNOT_ROUTE"})


def describe(name: str) -> Code:
    """The :class:`Code` called ``name``; ``KeyError`` for a name the evaluator never emits."""
    return CODES[name]
