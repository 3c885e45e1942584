"""Route tables and what lies behind them: local delivery, internet gateways, NAT gateways and NAT
instances, peering connections, transit gateways and gateway endpoints.

:func:`route` takes a packet at a network interface, finds the route that decides for its
destination (longest prefix match; a gateway endpoint's prefix list beats ``0.0.0.0/0`` for its
service) and applies the rules of the target it names, as AWS documents them:

- an internet gateway translates only for interfaces with a public IPv4 address, and drops private
  destinations;
- a NAT gateway serves only its own VPC; a public one needs an Elastic IP and its own subnet's
  route to an internet gateway, then routing continues from its subnet;
- an instance used as a route target must have source/destination check off, and its security
  groups and subnet ACL apply;
- a peering connection carries only traffic for the peer VPC's own blocks (no transitive peering,
  no use of the peer's gateways);
- a transit gateway needs an attachment subnet in the sender's Availability Zone and routes to the
  VPCs attached to it (their routes are propagated);
- a gateway endpoint carries only TCP and ICMP echo to its service.

Cost: O(routes) per route table crossed; at most :data:`MAX_DEPTH` tables per packet.
"""

from __future__ import annotations

from dataclasses import dataclass

from model import queries as q

from .addresses import Address
from .endpoints import Endpoint, public_ip_in, resolve_resource
from .quick_init import quick_init
from .results import Check
from .walk import Side, Walk, lookup, sentence

__all__ = ["Arrival", "route", "connected", "MAX_DEPTH"]

#: A packet that has crossed this many route tables is in a loop (NAT to NAT, appliance to
#: appliance) and is reported as going nowhere.
MAX_DEPTH = 4


@quick_init
@dataclass(frozen=True)
class Arrival:
    """Where routing delivered the packet: into a VPC (``vpc``), onto the internet, or to an AWS
    service through a gateway endpoint. ``via`` is the connection it came through (for the reply's
    route), ``keeps_groups`` whether security-group identity survived, ``source`` the source
    address the far side sees (changed by NAT)."""

    where: str
    source: Address
    vpc: str = ""
    via: str = ""
    keeps_groups: bool = True


def connected(w: Walk, a: str, b: str) -> bool:
    """Whether two VPCs share a peering connection or a transit gateway."""
    if a == b:
        return True
    return w.index.peered(a, b) or w.index.tgw_connected(a, b)


def route(w: Walk, cur: Side, dest: Address, dest_vpc: str, source: Address, depth: int = 0) -> Arrival | None:
    """Route a packet at ``cur`` (an interface in a subnet) towards ``dest``. ``source`` is the
    source address as sent. Returns where it arrives, or ``None`` with ``w.blocked`` set."""
    subnet = cur.subnet
    table, table_kind, table_words = w.table_of(subnet)
    if depth >= MAX_DEPTH:
        return _fail(w, cur, table, table_kind, "NO_ROUTE_TO_DESTINATION",
                     f"the packet has crossed {depth} route tables without arriving: the routes form a loop")
    entry, partial = lookup(w.routes_of(subnet), dest)
    via = w.kind_of(entry.target) if entry is not None else ""
    if dest_vpc and dest_vpc != subnet.vpc and not connected(w, subnet.vpc, dest_vpc) \
            and via not in ("VpcPeering", "TransitGateway"):
        # Unless the table sends it into a connection (whose own rules then speak: peering is not
        # transitive), nothing links the two networks; a default route to a NAT gateway or the
        # internet gateway catching the private address changes nothing.
        why = (f"{w.called('VPC', subnet.vpc)} is not connected to {w.called('VPC', dest_vpc)} by "
               f"peering or a transit gateway, so {table_words} has no way to {dest.label}")
        return _fail(w, cur, table, table_kind, "DISCONNECTED_VPCS", why,
                     matched=entry.describe() if entry else "", resources=(subnet.id, dest_vpc),
                     hint=_missing_route_hint(w, table_words, dest, dest_vpc, subnet.vpc))
    if entry is None:
        why = f"{table_words} (used by {w.called('subnet', subnet.id)}) has no route that matches {dest.label}"
        return _fail(w, cur, table, table_kind, "NO_ROUTE_TO_DESTINATION", why,
                     resources=(subnet.id, dest_vpc),
                     hint=_missing_route_hint(w, table_words, dest, dest_vpc, subnet.vpc))
    if partial is not None:
        why = (f"{table_words} sends part of {dest.label} ({partial.destination}) to "
               f"{w.name(partial.target)} by a more specific route, not where {entry.destination} goes")
        return _fail(w, cur, table, table_kind, "MORE_SPECIFIC_ROUTE", why, matched=partial.describe(),
                     resources=(subnet.id, partial.target))
    if entry.target == "local":
        w.hop(cur.id, table, table_kind, Check.ROUTE,
              f"{table_words} delivers {dest.label} inside the VPC (local route {entry.destination})",
              entry.describe())
        return Arrival("vpc", source, subnet.vpc)
    target = w.d.get(entry.target)
    if target is None:
        why = (f"{table_words} sends {entry.destination} to {entry.target}, which does not exist: "
               f"the route is a blackhole")
        return _fail(w, cur, table, table_kind, "BAD_STATE_ROUTE", why, matched=entry.describe(),
                     resources=(subnet.id,))
    if dest_vpc == subnet.vpc and target.kind not in ("Instance", "NatGateway"):
        why = (f"{table_words} sends {entry.destination} to {w.described(target.id)}, a more specific "
               f"route than the VPC's local route, so {dest.label} never reaches it inside the VPC")
        return _fail(w, cur, table, table_kind, "MORE_SPECIFIC_ROUTE", why, matched=entry.describe(),
                     resources=(subnet.id, target.id))
    w.hop(cur.id, table, table_kind, Check.ROUTE,
          f"{table_words} sends traffic for {dest.label} to {w.described(target.id)}", entry.describe())
    handler = _HANDLERS.get(target.kind)
    if handler is None or (target.kind == "VpcEndpoint") != bool(entry.prefix_list):
        why = (f"{w.described(target.id)} cannot carry this traffic"
               + (" (an egress-only internet gateway carries IPv6 only)"
                  if target.kind == "EgressOnlyInternetGateway" else ""))
        return _fail(w, cur, target.id, target.kind, "CANNOT_ROUTE", why, check=Check.GATEWAY,
                     resources=(table,))
    return handler(w, cur, target, dest, dest_vpc, source, depth)


def _fail(w: Walk, cur: Side, component: str, kind: str, code: str, why: str, matched: str = "",
          check: str = Check.ROUTE, resources=(), hint: str = "") -> None:
    w.block(cur.id, component, kind, check, why, code, sentence(why), hint,
            resources=resources, matched=matched)
    return None


def _missing_route_hint(w: Walk, table_words: str, dest: Address, dest_vpc: str, vpc: str) -> str:
    if dest.is_public and dest.prefix_list:
        service = dest.prefix_list[3:]
        gateway = " a gateway endpoint," if service in ("s3", "dynamodb") else ""
        return (f"Give {table_words} a way to {service}:{gateway} a route for 0.0.0.0/0 to a NAT "
                f"gateway (private subnet) or an internet gateway (public subnet), or an interface "
                f"endpoint with private DNS.")
    if dest.is_public:
        return (f"Add a route for 0.0.0.0/0 in {table_words}: to an internet gateway for a public "
                f"subnet, or to a NAT gateway in a public subnet for a private one.")
    if dest_vpc and dest_vpc != vpc and not connected(w, vpc, dest_vpc):
        return (f"Connect {w.called('VPC', vpc)} and {w.called('VPC', dest_vpc)} with a peering "
                f"connection (or a transit gateway) and add routes for each other's blocks on both "
                f"sides.")
    if dest.network is None:
        return f"Give the destination's subnet a valid CIDR, then route it in {table_words}."
    return f"Add a route for {dest.network} in {table_words} to the connection that leads there."


def _internet_gateway(w: Walk, cur: Side, igw, dest: Address, dest_vpc: str, source: Address, depth):
    subnet = cur.subnet
    if igw.get("vpc") != subnet.vpc:
        return _fail(w, cur, igw.id, igw.kind, "BAD_STATE_ROUTE",
                     f"{w.called('internet gateway', igw.id)} is not attached to {w.called('VPC', subnet.vpc)}, so "
                     f"the route to it is a blackhole", check=Check.GATEWAY, resources=(subnet.vpc,))
    if not dest.is_public:
        return _fail(w, cur, igw.id, igw.kind, "NO_ROUTE_TO_DESTINATION",
                     f"the only route for {dest.label} leads to {w.called('internet gateway', igw.id)}, which "
                     f"drops private addresses", check=Check.GATEWAY, resources=(dest_vpc,))
    if not cur.public:
        why = (f"{w.described(cur.id)} has no public IPv4 address in {w.called('subnet', subnet.id)}, so "
               f"{w.called('internet gateway', igw.id)} cannot translate its traffic")
        if cur.endpoint.kind == "NatGateway":
            why = (f"NAT gateway {cur.endpoint.label} has no public address (it is private or has no "
                   f"Elastic IP), so {w.called('internet gateway', igw.id)} drops its traffic")
        hint = _no_public_ip_hint(w, cur)
        w.block(cur.id, igw.id, igw.kind, Check.GATEWAY, why, "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS",
                sentence(why), hint, (cur.id, subnet.id))
        return None
    w.hop(igw.id, igw.id, igw.kind, Check.GATEWAY,
          f"{w.called('internet gateway', igw.id)} swaps {cur.endpoint.label}'s private address for its public "
          f"one and sends it to the internet")
    return Arrival("internet", source, keeps_groups=False)


def _no_public_ip_hint(w: Walk, cur: Side) -> str:
    kind = cur.endpoint.kind
    if kind == "LambdaFunction":
        return ("A Lambda function in a VPC never gets a public IP: put it in private subnets whose "
                "route table sends 0.0.0.0/0 to a NAT gateway, or use VPC endpoints.")
    if kind == "EcsService":
        return ("Turn on 'assign public IP' for Fargate tasks in a public subnet, or run them in "
                "private subnets behind a NAT gateway (or ECR/S3/Logs endpoints).")
    if kind == "NatGateway":
        return "Give the NAT gateway an Elastic IP (public connectivity)."
    return ("Give it a public IP (auto-assign in the subnet, or an Elastic IP), or move it to a "
            "private subnet that routes 0.0.0.0/0 to a NAT gateway.")


def _nat_gateway(w: Walk, cur: Side, nat, dest: Address, dest_vpc: str, source: Address, depth):
    subnet = cur.subnet
    nat_subnet = w.index.subnet(nat.parent or "")
    nat_vpc = nat_subnet.vpc if nat_subnet else ""
    if nat_vpc != subnet.vpc:
        return _fail(w, cur, nat.id, nat.kind, "NGW_REQUIRES_SOURCE_IN_VPC",
                     f"{w.called('NAT gateway', nat.id)} is in {w.called('VPC', nat_vpc)}, and a NAT gateway only "
                     f"serves sources in its own VPC", check=Check.GATEWAY, resources=(subnet.vpc,))
    public = nat.get("connectivity") == "public" and bool(nat.get("elastic_ip"))
    endpoint = Endpoint(nat.id, nat.label, "NatGateway", (nat_subnet.id,), (), False,
                        "yes" if public else "no")
    nat_side = Side(endpoint, nat_subnet, Address(w.called("NAT gateway", nat.id), nat_subnet.network,
                                                  unknown=nat_subnet.network is None), public)
    if nat_subnet.id != subnet.id and not w.acl_allows(nat.id, nat_subnet, "inbound", source,
                                                        (w.port, w.port)):
        return None
    kind = "public" if public else "private"
    w.hop(nat.id, nat.id, nat.kind, Check.GATEWAY,
          f"{w.called('NAT gateway', nat.id)} ({kind}, in {w.called('subnet', nat_subnet.id)}) replaces the source "
          f"address with its own and forwards it")
    translated = nat_side.address if not dest.is_public else Address(
        f"{w.called('NAT gateway', nat.id)}'s public address", None)
    return _onward(w, nat_side, dest, dest_vpc, translated, depth)


def _instance(w: Walk, cur: Side, inst, dest: Address, dest_vpc: str, source: Address, depth):
    subnet = cur.subnet
    endpoint = resolve_resource(w.d, inst.id)
    inst_subnet = w.index.subnet(endpoint.subnets[0])
    if inst_subnet is None or inst_subnet.vpc != subnet.vpc:
        return _fail(w, cur, inst.id, inst.kind, "BAD_STATE_ROUTE",
                     f"instance {inst.label} is not in this VPC, so the route to it is a blackhole",
                     check=Check.GATEWAY, resources=(subnet.vpc,))
    if inst.get("source_dest_check"):
        return _fail(w, cur, inst.id, inst.kind, "ENI_SOURCE_DEST_CHECK_RESTRICTION",
                     f"instance {inst.label} has source/destination check on, so it drops traffic "
                     f"that is not addressed to itself", check=Check.GATEWAY)
    side = Side(endpoint, inst_subnet, Address(f"instance {inst.label}", inst_subnet.network, "",
                                               frozenset(endpoint.groups),
                                               unknown=inst_subnet.network is None),
                public_ip_in(w.d, endpoint, inst_subnet.id))
    if inst_subnet.id != subnet.id and not w.acl_allows(inst.id, inst_subnet, "inbound", source,
                                                         (w.port, w.port)):
        return None
    if not w.groups_allow(side, "ingress", source):
        return None
    w.hop(inst.id, inst.id, inst.kind, Check.GATEWAY,
          f"instance {inst.label} forwards it (source/destination check is off)"
          + (", translating the source address to its own" if dest.is_public else ""))
    if not w.groups_allow(side, "egress", dest):
        return None
    translated = source if not dest.is_public else Address(f"instance {inst.label}'s public address")
    return _onward(w, side, dest, dest_vpc, translated, depth)


def _onward(w: Walk, side: Side, dest: Address, dest_vpc: str, source: Address, depth):
    """Leave a NAT device's subnet and route on from there."""
    if not w.acl_allows(side.id, side.subnet, "outbound", dest, (w.port, w.port)):
        return None
    arrival = route(w, side, dest, dest_vpc, source, depth + 1)
    if arrival is None:
        return None
    return Arrival(arrival.where, source if arrival.where != "internet" else arrival.source,
                   arrival.vpc, arrival.via, False)


def _peering(w: Walk, cur: Side, pcx, dest: Address, dest_vpc: str, source: Address, depth):
    subnet = cur.subnet
    requester, accepter = w.index.peering(pcx.id)
    if subnet.vpc not in (requester, accepter):
        return _fail(w, cur, pcx.id, pcx.kind, "BAD_STATE_ROUTE",
                     f"{w.called('peering connection', pcx.id)} does not connect {w.called('VPC', subnet.vpc)}",
                     check=Check.GATEWAY)
    peer = accepter if subnet.vpc == requester else requester
    if peer not in w.d:
        return _fail(w, cur, pcx.id, pcx.kind, "BAD_STATE_ROUTE",
                     f"{w.called('peering connection', pcx.id)} has no VPC on its other side", check=Check.GATEWAY)
    if dest.is_public or not w.index.vpc_contains(peer, dest.network):
        blocks = ", ".join(str(n) for n in w.index.vpc_networks(peer)) or "none"
        why = (f"{w.called('peering connection', pcx.id)} only carries traffic for {w.called('VPC', peer)}'s own "
               f"blocks ({blocks}); {dest.label} is not in them: peering is not transitive and a "
               f"peer's gateways cannot be used")
        return _fail(w, cur, pcx.id, pcx.kind, "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", why,
                     check=Check.GATEWAY, resources=(peer,))
    w.hop(pcx.id, pcx.id, pcx.kind, Check.GATEWAY,
          f"{w.called('peering connection', pcx.id)} carries it into {w.called('VPC', peer)}")
    same_region = q.region_of(w.d, subnet.vpc) == q.region_of(w.d, peer)
    return Arrival("vpc", source, peer, pcx.id, same_region)


def _transit_gateway(w: Walk, cur: Side, tgw, dest: Address, dest_vpc: str, source: Address, depth):
    subnet = cur.subnet
    attached = w.index.tgw_subnets(tgw.id, subnet.vpc)
    if attached is None:
        return _fail(w, cur, tgw.id, tgw.kind, "BAD_STATE_ROUTE",
                     f"{w.called('VPC', subnet.vpc)} has no attachment to {w.called('transit gateway', tgw.id)}, so "
                     f"the route to it is a blackhole", check=Check.GATEWAY)
    zones = {w.index.subnet(s).az for s in attached if w.index.subnet(s) is not None}
    if subnet.az and subnet.az not in zones:
        listed = ", ".join(sorted(z for z in zones if z)) or "none"
        return _fail(w, cur, tgw.id, tgw.kind, "TGW_ROUTE_AZ_RESTRICTION",
                     f"the attachment of {w.called('VPC', subnet.vpc)} to {w.called('transit gateway', tgw.id)} has "
                     f"no subnet in {subnet.az} (only {listed}), so {w.called('subnet', subnet.id)} cannot "
                     f"reach it", check=Check.GATEWAY, resources=(subnet.id,))
    found = ""
    if tgw.get("default_route_table_propagation") and not dest.is_public:
        for vpc in w.index.tgw_vpcs(tgw.id):
            if vpc != subnet.vpc and w.index.vpc_contains(vpc, dest.network):
                found = vpc
                break
    if not found:
        return _fail(w, cur, tgw.id, tgw.kind, "TGW_RTB_CANNOT_ROUTE",
                     f"{w.called('transit gateway', tgw.id)} has no route to {dest.label} (it knows only the "
                     f"blocks of the VPCs attached to it"
                     + (")" if tgw.get("default_route_table_propagation") else
                        ", and route propagation is off)"), check=Check.GATEWAY)
    w.hop(tgw.id, tgw.id, tgw.kind, Check.GATEWAY,
          f"{w.called('transit gateway', tgw.id)} routes it to {w.called('VPC', found)}")
    return Arrival("vpc", source, found, tgw.id, False)


def _gateway_endpoint(w: Walk, cur: Side, vpce, dest: Address, dest_vpc: str, source: Address, depth):
    if vpce.get("endpoint_type") != "gateway":
        return _fail(w, cur, vpce.id, vpce.kind, "CANNOT_ROUTE",
                     f"{w.described(vpce.id)} is an interface endpoint, which is not a route target",
                     check=Check.GATEWAY)
    vpce_vpc = q.vpc_of(w.d, vpce.id)
    if vpce_vpc is None or vpce_vpc.id != cur.subnet.vpc:
        return _fail(w, cur, vpce.id, vpce.kind, "BAD_STATE_ROUTE",
                     f"gateway endpoint {vpce.label} belongs to another VPC; a gateway endpoint serves "
                     f"only its own VPC's route tables", check=Check.GATEWAY)
    if w.protocol not in ("tcp", "icmp"):
        return _fail(w, cur, vpce.id, vpce.kind, "VPCE_GATEWAY_PROTOCOL_RESTRICTION",
                     f"{w.called('gateway endpoint', vpce.id)} carries only TCP and ICMP echo, not "
                     f"{w.protocol.upper()}", check=Check.GATEWAY)
    w.hop(vpce.id, vpce.id, vpce.kind, Check.GATEWAY,
          f"{w.called('gateway endpoint', vpce.id)} carries it privately to {dest.label}")
    return Arrival("service", source, via=vpce.id, keeps_groups=False)


_HANDLERS = {"InternetGateway": _internet_gateway, "NatGateway": _nat_gateway, "Instance": _instance,
             "VpcPeering": _peering, "TransitGateway": _transit_gateway,
             "VpcEndpoint": _gateway_endpoint}
