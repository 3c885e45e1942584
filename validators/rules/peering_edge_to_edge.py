"""peering-edge-to-edge: a route that expects a peer VPC's gateways (internet, NAT, VPN) to carry
traffic that is not for the peer VPC itself."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import Scope, per_record


def peer_routes(diagram: Diagram, rt):
    """``(route table, route, destination network, peering, this VPC, peer VPC)`` for every route
    of the table that sends an IP destination over a peering of its own VPC. Cost: O(routes)."""
    here = q.vpc_of(diagram, rt.id)
    if here is not None:
        for route in rt.get("routes", ()):
            target = route.get("target")
            peering = diagram.get(target) if isinstance(target, str) else None
            dest = net(route.get("destination"))
            if peering is None or peering.kind != "VpcPeering" or dest is None:
                continue
            ends = (peering.get("requester"), peering.get("accepter"))
            if here.id not in ends:
                continue  # a peering of other VPCs: route-blackhole
            peer = diagram.get(ends[1] if ends[0] == here.id else ends[0])
            if peer is not None and peer.kind == "Vpc":
                yield rt, route, dest, peering, here, peer


def route_table_scope(check_one) -> Scope:
    """One unit per route table. A table's check reads its routes, the peerings they name and the
    blocks of any VPC, so a change to a route table affects that table and a change to any VPC or
    peering affects every table (those change rarely)."""
    inner = per_record("RouteTable", check_one)

    def affected(d: Diagram, touched):
        if touched.of_kind("Vpc", "VpcPeering"):
            return set(inner.units(d)) | touched.of_kind("RouteTable")
        return touched.of_kind("RouteTable")

    return Scope(inner.units, inner.check_unit, affected)


def _blocks(vpc) -> list:
    return [n for n in (net(b) for b in list(vpc.get("cidr_blocks", ())) + [vpc.get("ipv6_cidr")])
            if n is not None]


def _vpc_blocks(diagram: Diagram):
    return diagram.cached("validators.vpc_blocks", lambda: [(v, _blocks(v)) for v in diagram.of_kind("Vpc")])


def check_one(diagram: Diagram, rt):
    for rt, route, dest, peering, here, peer in peer_routes(diagram, rt):
        if any(dest.version == b.version and dest.subnet_of(b) for b in _blocks(peer)):
            continue
        if any(v.id not in (here.id, peer.id) and any(dest.version == b.version and dest.subnet_of(b)
                                                       for b in blocks) for v, blocks in _vpc_blocks(diagram)):
            continue  # aimed at a third VPC: peering-transitive
        yield RULE.finding("Route table {rt} sends {destination} over peering {peering}, but the "
                           "peering only carries traffic for VPC {peer} itself, not through its "
                           "gateways.", [rt.id, peering.id], rt=rt.label, destination=dest,
                           peering=peering.label, peer=peer.label)


RULE = Rule(
    id="peering-edge-to-edge",
    severity=Severity.ERROR,
    title="Route through a peer VPC's gateways",
    fix="Give this VPC its own internet gateway, NAT gateway or VPN, or route only the peer VPC's "
        "CIDR over the peering.",
    lesson=("A peering connection only carries packets whose destination is inside the peer VPC. "
            "It does not let one VPC use the other's internet gateway, NAT gateway, VPN, Direct "
            "Connect or gateway endpoint, so a default route over a peering goes nowhere. Each "
            "VPC needs its own way out."),
    docs="https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html",
    watches=("RouteTable", "VpcPeering", "Vpc"),
    watches_properties={"RouteTable": ("routes",), "VpcPeering": ("requester", "accepter"),
                        "Vpc": ("cidr_blocks", "ipv6_cidr")},
    watches_relations=False,
    scope=route_table_scope(check_one),
)
