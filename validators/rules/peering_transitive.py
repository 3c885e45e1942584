"""peering-transitive: a route that expects a peering to carry traffic on to a third VPC."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from .peering_edge_to_edge import peer_routes, route_table_scope


def check_one(diagram: Diagram, rt):
    for rt, route, dest, peering, here, peer in peer_routes(diagram, rt):
        if any(dest.version == b.version and dest.subnet_of(b) for b in _blocks(peer)):
            continue
        for third in _peers_of(diagram, peer, exclude=(here.id, peer.id)):
            if any(dest.version == b.version and dest.subnet_of(b) for b in _blocks(third)):
                yield RULE.finding("Route table {rt} sends {destination} over peering {peering} to VPC "
                                   "{peer}, hoping to reach VPC {third} through it; peering is not "
                                   "transitive.", [rt.id, peering.id, peer.id, third.id], rt=rt.label,
                                   destination=dest, peering=peering.label, peer=peer.label,
                                   third=third.label)
                break


def _blocks(vpc) -> list:
    return [n for n in (net(b) for b in list(vpc.get("cidr_blocks", ())) + [vpc.get("ipv6_cidr")])
            if n is not None]


def _peers_of(diagram: Diagram, vpc, exclude):
    for peering in diagram.referrers(vpc.id, "VpcPeering"):
        for end in (peering.get("requester"), peering.get("accepter")):
            other = diagram.get(end)
            if other is not None and other.kind == "Vpc" and other.id not in exclude:
                yield other


RULE = Rule(
    id="peering-transitive",
    severity=Severity.ERROR,
    title="Route relying on transitive peering",
    fix="Create a peering directly between the two VPCs that need to talk (or use a transit gateway), "
        "and route to that.",
    lesson=("VPC peering is a private link between exactly two VPCs, and it is not transitive: if A "
            "peers with B and B peers with C, A still cannot reach C through B. A peering only "
            "delivers packets addressed to the peer VPC itself. Connect A and C directly, or use a "
            "transit gateway as a hub."),
    docs="https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html",
    watches=("RouteTable", "VpcPeering", "Vpc"),
    watches_properties={"RouteTable": ("routes",), "VpcPeering": ("requester", "accepter"),
                        "Vpc": ("cidr_blocks", "ipv6_cidr")},
    watches_relations=False,
    scope=route_table_scope(check_one),
)
