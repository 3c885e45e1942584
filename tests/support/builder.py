"""Building designs in tests with as little ceremony as possible.

>>> b = DesignBuilder()
>>> vpc = b.vpc("vpc", "10.0.0.0/16")
>>> az = b.az("az-a", vpc)
>>> b.subnet("web-a", az, "10.0.1.0/24")
'web-a'
>>> len(b.diagram)
4
"""

from __future__ import annotations

from pathlib import Path

from model import edits
from model.diagram import Diagram
from model.documents import open_design

ROOT = Path(__file__).resolve().parents[2]


class DesignBuilder:
    def __init__(self, region: str = "us-east-1"):
        self.diagram = Diagram()
        self.diagram.apply(edits.set_metadata(self.diagram, "region", region))
        self.region_id = self.add("Region", "region", region=region)

    def add(self, kind: str, rid: str, parent: str | None = None, *, name: str = "", **properties) -> str:
        """Add a resource; properties are given as keyword arguments."""
        self.diagram.apply(edits.add_resource(self.diagram, kind, rid, name=name, parent=parent,
                                              properties=properties))
        return rid

    def set(self, rid: str, **properties) -> None:
        self.diagram.apply(edits.set_properties(self.diagram, rid, properties))

    def remove(self, *ids: str) -> None:
        self.diagram.apply(edits.remove_resources(self.diagram, ids))

    # conveniences for the containers nearly every network test needs
    def vpc(self, rid: str, *cidrs: str, **properties) -> str:
        return self.add("Vpc", rid, self.region_id, cidr_blocks=list(cidrs or ("10.0.0.0/16",)),
                        **properties)

    def az(self, rid: str, vpc: str, zone: str | None = None) -> str:
        zone = zone or f"{self.diagram.region}{'abcdef'[self.diagram.count('AvailabilityZone') % 6]}"
        return self.add("AvailabilityZone", rid, vpc, zone=zone)

    def subnet(self, rid: str, parent: str, cidr: str, **properties) -> str:
        return self.add("Subnet", rid, parent, cidr=cidr, **properties)

    def internet_gateway(self, rid: str, vpc: str) -> str:
        return self.add("InternetGateway", rid, vpc, vpc=vpc)

    def route_table(self, rid: str, vpc: str, routes=(), subnets=(), main: bool = False) -> str:
        """A route table with ``routes`` as (destination, target) pairs, associated with
        ``subnets``."""
        self.add("RouteTable", rid, vpc, main=main,
                 routes=[{"destination": d, "target": t} for d, t in routes])
        for subnet in subnets:
            self.set(subnet, route_table=rid)
        return rid

    def public_subnet(self, rid: str, parent: str, cidr: str, igw: str, **properties) -> str:
        """A subnet with its own route table sending 0.0.0.0/0 to ``igw``."""
        vpc = self.diagram.get(parent)
        while vpc is not None and vpc.kind != "Vpc":
            vpc = self.diagram.get(vpc.parent)
        self.subnet(rid, parent, cidr, **properties)
        self.route_table(f"rt-{rid}", vpc.id, routes=[("0.0.0.0/0", igw)], subnets=[rid])
        return rid


def load_example(name: str) -> Diagram:
    """One of the designs in ``examples/`` (``dual-az-web``, ``ecs-fargate``, ``route-tables``)."""
    return open_design(str(ROOT / "examples" / f"{name}.kumozu.yaml")).diagram
