"""peering-edge-to-edge: a route that expects a peer VPC's gateways (internet, NAT, VPN) to carry
traffic that is not for the peer VPC itself."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule


def peer_routes(diagram: Diagram):
    """``(route table, route, destination network, peering, this VPC, peer VPC)`` for every route
    of a table that sends an IP destination over a peering of its own VPC. Cost: O(routes)."""
    for rt in diagram.of_kind("RouteTable"):
        here = q.vpc_of(diagram, rt.id)
        if here is None:
            continue
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


def _blocks(vpc) -> list:
    return [n for n in (net(b) for b in list(vpc.get("cidr_blocks", ())) + [vpc.get("ipv6_cidr")])
            if n is not None]


def check(diagram: Diagram):
    vpc_blocks = [(v, _blocks(v)) for v in diagram.of_kind("Vpc")]
    for rt, route, dest, peering, here, peer in peer_routes(diagram):
        if any(dest.version == b.version and dest.subnet_of(b) for b in _blocks(peer)):
            continue
        if any(v.id not in (here.id, peer.id) and any(dest.version == b.version and dest.subnet_of(b)
                                                       for b in blocks) for v, blocks in vpc_blocks):
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
    check=check,
)
