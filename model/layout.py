"""Automatic layout: where to draw resources that have no position yet.

Deterministic and overlap-free by construction: every container lays its contents out in bands
(rows of cells that never share space), and sizes itself to fit them. The conventions follow AWS
architecture diagrams: edge and global services across the top; inside a Region its regional
services, then its VPCs; inside a VPC the gateways and load balancers, then one column per
Availability Zone with public subnets above private ones, then the supporting pieces (route tables,
security groups, ACLs). Resources that already have a position keep it; new ones go below them.
"""

from __future__ import annotations

from math import ceil, sqrt

from . import kinds as _kinds
from . import queries as q
from .cidr import parse
from .diagram import Diagram
from .edits import Composite, SetGeometry
from .naming import natural_key
from .resources import Geometry, Resource

__all__ = ["ICON_CELL", "HEADER", "PADDING", "GAP", "layout_edit", "item_size", "MIN_CONTAINER"]

#: Size of the cell a non-container resource is drawn in (icon with two lines of label).
ICON_CELL = (132.0, 104.0)
#: Height of a container's title bar, and the inner padding and spacing of its contents.
HEADER = 40.0
PADDING = 20.0
GAP = 20.0
MIN_CONTAINER = (300.0, 150.0)

_EDGE_KINDS = ("HostedZone", "CloudFrontDistribution", "AcmCertificate", "IamUser", "IamGroup",
               "IamRole", "IamPolicy")
_VPC_TOP = ("InternetGateway", "EgressOnlyInternetGateway", "LoadBalancer", "VpcEndpoint",
            "TransitGatewayAttachment", "TargetGroup")
_VPC_BOTTOM = ("RouteTable", "NetworkAcl", "SecurityGroup", "DbSubnetGroup")


def item_size(diagram: Diagram, rid: str) -> tuple[float, float]:
    """The drawn size of a resource: its stored size for containers, the icon cell otherwise."""
    record = diagram[rid]
    g = diagram.geometry(rid)
    if _kinds.kind(record.kind).container:
        if g is not None and g.w > 0 and g.h > 0:
            return g.w, g.h
        return MIN_CONTAINER
    return ICON_CELL


def layout_edit(diagram: Diagram, only_missing: bool = True) -> Composite:
    """An edit giving every resource without a position one (all of them if ``only_missing`` is
    False), and growing containers to hold their contents. Cost: O(n log n)."""
    planner = _Planner(diagram, only_missing)
    planner.place(None)
    edits = tuple(SetGeometry(rid, diagram.geometry(rid), g) for rid, g in planner.result.items()
                  if diagram.geometry(rid) != g)
    return Composite(edits, "Arrange")


class _Planner:
    def __init__(self, diagram: Diagram, only_missing: bool):
        self.d = diagram
        self.only_missing = only_missing
        self.result: dict[str, Geometry] = {}

    def keeps(self, rid: str) -> bool:
        return self.only_missing and self.d.geometry(rid) is not None

    def size_of(self, record: Resource) -> tuple[float, float]:
        g = self.result.get(record.id)
        if g is not None and (g.w or g.h):
            return g.w, g.h
        return item_size(self.d, record.id)

    def place(self, container: str | None) -> tuple[float, float]:
        """Lay out the contents of ``container``; return the size the contents need, padding and
        title bar included."""
        children = self.d.children(container)
        for child in children:
            if _kinds.kind(child.kind).container:
                needed = self.place(child.id)
                old = self.d.geometry(child.id)
                w, h = needed
                if self.keeps(child.id) and old.w and old.h:
                    w, h = max(w, old.w), max(h, old.h)
                x, y = (old.x, old.y) if old else (0.0, 0.0)
                self.result[child.id] = Geometry(x, y, w, h)
        kept = [c for c in children if self.keeps(c.id)]
        fresh = [c for c in children if not self.keeps(c.id)]
        inset = PADDING if container is not None else 0.0
        top = HEADER if container is not None else 0.0
        content_right, content_bottom = inset, top
        for child in kept:
            w, h = self.size_of(child)
            g = self.d.geometry(child.id)
            self.result[child.id] = Geometry(g.x, g.y, w, h) if g.w or g.h else g
            content_right = max(content_right, g.x + w)
            content_bottom = max(content_bottom, g.y + h)
        y = content_bottom + GAP if kept else top + (PADDING if container is not None else 0.0)
        for band, direction in self.bands(container, fresh):
            if not band:
                continue
            width, height = self.lay_band(band, direction, inset, y)
            content_right = max(content_right, inset + width)
            content_bottom = max(content_bottom, y + height)
            y += height + GAP
        if container is None:
            return content_right, content_bottom
        return (max(content_right + PADDING, MIN_CONTAINER[0]),
                max(content_bottom + PADDING, MIN_CONTAINER[1]))

    def lay_band(self, band: list[Resource], direction: str, x0: float, y0: float):
        """Place a band's members in a row, a column or a grid; return its width and height."""
        sizes = [self.size_of(r) for r in band]
        if direction == "grid":
            columns = max(1, min(len(band), ceil(sqrt(len(band) * 2))))
        elif direction == "column":
            columns = 1
        else:
            columns = len(band)
        col_widths = [0.0] * columns
        row_heights = [0.0] * ceil(len(band) / columns)
        for i, (w, h) in enumerate(sizes):
            col_widths[i % columns] = max(col_widths[i % columns], w)
            row_heights[i // columns] = max(row_heights[i // columns], h)
        if direction == "column":  # stacked containers share one width, like AWS diagrams
            for record in band:
                if _kinds.kind(record.kind).container and record.id in self.result:
                    g = self.result[record.id]
                    self.result[record.id] = Geometry(g.x, g.y, col_widths[0], g.h)
        for i, record in enumerate(band):
            col, row = i % columns, i // columns
            x = x0 + sum(col_widths[:col]) + GAP * col
            y = y0 + sum(row_heights[:row]) + GAP * row
            g = self.result.get(record.id)
            if g is not None and (g.w or g.h):
                self.result[record.id] = Geometry(x, y, g.w, g.h)
            else:
                self.result[record.id] = Geometry(x, y)
        width = sum(col_widths) + GAP * (columns - 1)
        height = sum(row_heights) + GAP * (len(row_heights) - 1)
        return width, height

    def bands(self, container: str | None, children: list[Resource]):
        kind = self.d[container].kind if container else None
        by_id = sorted(children, key=lambda r: natural_key(r.id))

        def of(kinds, pool=by_id):
            return [r for r in pool if r.kind in kinds]

        def rest(*taken):
            used = {r.id for band in taken for r in band}
            return [r for r in by_id if r.id not in used]

        containers = [r for r in by_id if _kinds.kind(r.kind).container]
        if kind is None:
            edge = of(_EDGE_KINDS)
            regions = of(("Region",))
            return [(edge, "row"), (regions, "column"), (rest(edge, regions), "grid")]
        if kind == "Region":
            vpcs = of(("Vpc",))
            others = rest(vpcs)
            return [(others, "grid"), (vpcs, "column")]
        if kind == "Vpc":
            top = sorted(of(_VPC_TOP), key=lambda r: (_VPC_TOP.index(r.kind), natural_key(r.id)))
            azs = of(("AvailabilityZone",))
            subnets = sorted(of(("Subnet",)), key=self.subnet_order)
            bottom = sorted(of(_VPC_BOTTOM), key=lambda r: (_VPC_BOTTOM.index(r.kind), natural_key(r.id)))
            inner = [r for r in rest(top, azs, subnets, bottom) if _kinds.kind(r.kind).container]
            loose = rest(top, azs, subnets, bottom, inner)
            return [(top, "grid"), (azs, "row"), (subnets, "column"), (inner, "row"), (loose, "grid"),
                    (bottom, "grid")]
        if kind == "AvailabilityZone":
            return [(sorted(children, key=self.subnet_order), "column")]
        leaves = [r for r in by_id if r not in containers]
        return [(leaves, "grid"), (containers, "row")]

    def subnet_order(self, record: Resource):
        """Public subnets first, then by address."""
        if record.kind != "Subnet":
            return (2, 0, natural_key(record.id))
        net = parse(record.get("cidr")) if isinstance(record.get("cidr"), str) else None
        public = q.is_public_subnet(self.d, record.id)
        return (0 if public else 1, int(net.network_address) if net else 0, natural_key(record.id))
