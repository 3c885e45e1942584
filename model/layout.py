"""Automatic layout: where to draw resources that have no position yet.

Deterministic and overlap-free by construction: every container lays its contents out in bands
that never share space (rows of cells, or shelves of boxes wrapping at one width) and sizes itself
to fit them. The conventions follow AWS architecture diagrams:

- edge and global services (Route 53, CloudFront, IAM...) across the top, outside every Region;
- inside a Region its regional services, then its VPCs side by side, wrapping into rows so the
  picture keeps a landscape shape however many VPCs there are;
- inside a VPC the gateways, load balancers and endpoints on top, then one column per
  Availability Zone with the subnets of the same tier (public first, then by address) aligned
  across the zones, then groups such as Auto Scaling groups, and at the bottom a compact band of
  route tables, network ACLs and security groups.

Resources that already have a position keep it; new ones go below them. Cost: O(n log n).
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

#: Width over height the arrangement of VPCs in a Region aims for.
_ASPECT = 1.6

_EDGE_KINDS = ("HostedZone", "CloudFrontDistribution", "AcmCertificate", "IamUser", "IamGroup",
               "IamRole", "IamPolicy")
_VPC_TOP = ("InternetGateway", "EgressOnlyInternetGateway", "LoadBalancer", "TargetGroup",
            "VpcEndpoint", "TransitGatewayAttachment")
_VPC_BOTTOM = ("RouteTable", "NetworkAcl", "SecurityGroup", "DbSubnetGroup")

#: Regional services in the order requests flow: entry points, compute, messaging, data, then what
#: supports them. They fill one band that wraps at the Region's width, tier after tier.
_TIER_ORDER = (("ApiGateway", "EventRule", "TransitGateway", "VpcPeering", "InternetGateway",
                "EgressOnlyInternetGateway"),
               ("LambdaFunction", "TaskDefinition", "LightsailInstance"),
               ("SqsQueue", "SnsTopic"),
               ("DynamoDbTable", "S3Bucket"),
               ("LogGroup", "CloudTrailTrail", "CodeDeployApplication", "EcrRepository",
                "AcmCertificate"))
_REGIONAL_TIERS = {kind: i for i, kinds_ in enumerate(_TIER_ORDER) for kind in kinds_}


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


def _raise(skyline: list[tuple[float, float, float]], start: float, end: float,
           bottom: float) -> list[tuple[float, float, float]]:
    """The skyline with [start, end) raised to ``bottom``."""
    out = []
    for s0, s1, b in skyline:
        if s1 <= start or s0 >= end:
            out.append((s0, s1, b))
            continue
        if s0 < start:
            out.append((s0, start, b))
        if s1 > end:
            out.append((end, s1, b))
    out.append((start, end, bottom))
    out.sort()
    return out


class _Band:
    """Members laid out together: ``grid`` (cells wrapping at the width), ``shelf`` (boxes
    wrapping at the width, each row as tall as its tallest), ``column`` (one under another), or
    ``zones`` (Availability Zones side by side with their subnets aligned by tier)."""

    __slots__ = ("members", "style", "side")

    def __init__(self, members: list[Resource], style: str, side: bool = False):
        # ``side`` bands stand in a column to the right of the others, so a container holding a
        # wide row of zones does not also stack its supporting pieces underneath (a landscape box).
        self.members, self.style, self.side = members, style, side


class _Planner:
    def __init__(self, diagram: Diagram, only_missing: bool):
        self.d = diagram
        self.only_missing = only_missing
        self.result: dict[str, Geometry] = {}
        self._public: dict[str, bool] = {}

    def keeps(self, rid: str) -> bool:
        return self.only_missing and self.d.geometry(rid) is not None

    def is_container(self, record: Resource) -> bool:
        return _kinds.kind(record.kind).container

    def size_of(self, record: Resource) -> tuple[float, float]:
        g = self.result.get(record.id)
        if g is not None and (g.w or g.h):
            return g.w, g.h
        return item_size(self.d, record.id)

    def set_size(self, record: Resource, w: float, h: float) -> None:
        old = self.result.get(record.id) or self.d.geometry(record.id) or Geometry(0.0, 0.0)
        self.result[record.id] = Geometry(old.x, old.y, w, h)

    def move(self, record: Resource, x: float, y: float) -> None:
        g = self.result.get(record.id)
        if g is not None and (g.w or g.h):
            self.result[record.id] = Geometry(x, y, g.w, g.h)
        else:
            self.result[record.id] = Geometry(x, y)

    # ------------------------------------------------------------------ containers
    def place(self, container: str | None) -> tuple[float, float]:
        """Lay out the contents of ``container``; return the size the contents need, padding and
        title bar included."""
        children = self.d.children(container)
        for child in children:
            if self.is_container(child):
                needed = self.place(child.id)
                old = self.d.geometry(child.id)
                w, h = needed
                if self.keeps(child.id) and old.w and old.h:
                    w, h = max(w, old.w), max(h, old.h)
                self.set_size(child, w, h)
        kept = [c for c in children if self.keeps(c.id)]
        fresh = [c for c in children if not self.keeps(c.id)]
        inset = PADDING if container is not None else 0.0
        top = HEADER + PADDING if container is not None else 0.0
        right, bottom = inset, top - (PADDING if container is not None else 0.0)
        for child in kept:
            w, h = self.size_of(child)
            g = self.d.geometry(child.id)
            self.result[child.id] = Geometry(g.x, g.y, w, h) if g.w or g.h else g
            right = max(right, g.x + w)
            bottom = max(bottom, g.y + h)
        y = bottom + GAP if kept else top
        bands = [b for b in self.bands(container, fresh) if b.members]
        main = [b for b in bands if not b.side]
        side = [b for b in bands if b.side] if main else []
        if not main:
            main = bands
        width = self.target_width(main, right - inset)
        starts = []
        for band in main:
            starts.append(y)
            w, h = self.lay_band(band, inset, y, width)
            right = max(right, inset + w)
            bottom = max(bottom, y + h)
            y += h + GAP
        if side:
            # Beside everything but the first band (the gateways row), two icons wide unless
            # a box needs more.
            x = right + 2 * GAP
            y = starts[1] if len(starts) > 1 else starts[0]
            boxes = [self.size_of(r)[0] for b in side for r in b.members if self.is_container(r)]
            side_width = max(boxes + [2 * ICON_CELL[0] + GAP])
            for band in side:
                w, h = self.lay_band(band, x, y, side_width)
                right = max(right, x + w)
                bottom = max(bottom, y + h)
                y += h + GAP
        if container is None:
            return right, bottom
        return (max(right + PADDING, MIN_CONTAINER[0]), max(bottom + PADDING, MIN_CONTAINER[1]))

    def target_width(self, bands: list[_Band], kept_width: float) -> float:
        """The width the bands of one container wrap at: wide enough for its widest box and its
        Availability Zones side by side, and for groups of boxes (VPCs) to form a landscape."""
        width = max(kept_width, 0.0)
        for band in bands:
            sizes = [self.size_of(r) for r in band.members]
            if band.style == "zones":
                width = max(width, self.zones_width(band.members))
            elif band.style in ("shelf", "column"):
                width = max(width, max(w for w, _ in sizes))
                if band.style == "shelf" and len(sizes) > 1:
                    area = sum((w + GAP) * (h + GAP) for w, h in sizes)
                    width = max(width, sqrt(area * _ASPECT) - GAP)
        if width == 0.0:  # icons only: a rough square
            count = sum(len(b.members) for b in bands)
            columns = max(1, ceil(sqrt(count * 2)))
            width = columns * ICON_CELL[0] + (columns - 1) * GAP
        return width

    # ------------------------------------------------------------------ bands
    def lay_band(self, band: _Band, x0: float, y0: float, width: float) -> tuple[float, float]:
        if band.style == "zones":
            return self.lay_zones(band.members, x0, y0)
        if band.style == "column":
            return self.lay_rows([[r] for r in band.members], x0, y0, stretch=True)
        if band.style == "shelf":
            return self.lay_skyline(band.members, x0, y0, width)
        rows: list[list[Resource]] = [[]]
        used = 0.0
        for record in band.members:
            w, _ = self.size_of(record)
            if rows[-1] and used + GAP + w > width + 0.5:
                rows.append([])
                used = 0.0
            used += (GAP if rows[-1] else 0.0) + w
            rows[-1].append(record)
        return self.lay_rows(rows, x0, y0, stretch=False)

    def lay_skyline(self, members: list[Resource], x0: float, y0: float,
                    width: float) -> tuple[float, float]:
        """Boxes of different sizes packed left to right, each where it sits highest without
        covering another (a skyline), wrapping at ``width``: a short VPC next to a tall one
        leaves no hole under it. Cost: O(n * s) for n boxes and s skyline steps."""
        skyline = [(0.0, max(width, 0.0), 0.0)]  # (x from, x to, bottom) steps of used space
        right = bottom = 0.0
        for record in members:
            w, h = self.size_of(record)
            best = None
            for start, _, _ in skyline:
                if start > 0.0 and start + w > width + 0.5:
                    continue
                top = max((b for s0, s1, b in skyline if s0 < start + w and s1 > start), default=0.0)
                top = top + GAP if top > 0.0 else 0.0
                if best is None or top < best[1] - 0.5:
                    best = (start, top)
            x, y = best
            self.move(record, x0 + x, y0 + y)
            skyline = _raise(skyline, x, x + w + GAP, y + h)
            right, bottom = max(right, x + w), max(bottom, y + h)
        return right, bottom

    def lay_rows(self, rows: list[list[Resource]], x0: float, y0: float,
                 stretch: bool) -> tuple[float, float]:
        """Place rows of members one under another; ``stretch`` gives the containers of a
        one-member-per-row column a common width, as AWS diagrams draw stacked boxes."""
        if stretch:
            common = max(self.size_of(row[0])[0] for row in rows)
            for row in rows:
                if self.is_container(row[0]):
                    _, h = self.size_of(row[0])
                    self.set_size(row[0], common, h)
        width = height = 0.0
        y = y0
        for row in rows:
            x = x0
            row_height = 0.0
            for record in row:
                w, h = self.size_of(record)
                self.move(record, x, y)
                x += w + GAP
                row_height = max(row_height, h)
            width = max(width, x - GAP - x0)
            y += row_height + GAP
            height = y - GAP - y0
        return width, height

    # ------------------------------------------------------------------ zones
    def zone_members(self, zone: Resource) -> list[Resource] | None:
        """The contents of a zone to align across zones, or None when some already have a place."""
        members = sorted(self.d.children(zone.id), key=self.subnet_order)
        if any(self.keeps(m.id) for m in members):
            return None
        return members

    def zones_width(self, zones: list[Resource]) -> float:
        """The width :meth:`lay_zones` will give the zones."""
        columns = [self.zone_members(z) for z in zones]
        if any(c is None for c in columns):
            return sum(self.size_of(z)[0] for z in zones) + GAP * (len(zones) - 1)
        inner = max([self.size_of(m)[0] for c in columns for m in c]
                    + [MIN_CONTAINER[0] - 2 * PADDING])
        return len(zones) * (inner + 2 * PADDING) + GAP * (len(zones) - 1)

    def lay_zones(self, zones: list[Resource], x0: float, y0: float) -> tuple[float, float]:
        """Availability Zones side by side, of one width and height, with the n-th subnet of
        every zone (public first) on the same row, so the tiers read across the VPC."""
        columns = [self.zone_members(z) for z in zones]
        if any(c is None for c in columns):
            return self.lay_rows([zones], x0, y0, stretch=False)
        inner = max([self.size_of(m)[0] for c in columns for m in c] + [MIN_CONTAINER[0] - 2 * PADDING])
        tiers = max((len(c) for c in columns), default=0)
        heights = [max((self.size_of(c[i])[1] for c in columns if i < len(c)), default=0.0)
                   for i in range(tiers)]
        zone_w = inner + 2 * PADDING
        zone_h = max(HEADER + PADDING + sum(heights) + GAP * max(tiers - 1, 0) + PADDING,
                     MIN_CONTAINER[1])
        x = x0
        for zone, members in zip(zones, columns):
            y = HEADER + PADDING
            for i, member in enumerate(members):
                if self.is_container(member):
                    self.set_size(member, inner, heights[i])
                self.move(member, PADDING, y)
                y += heights[i] + GAP
            self.set_size(zone, zone_w, zone_h)
            self.move(zone, x, y0)
            x += zone_w + GAP
        return x - GAP - x0, zone_h

    # ------------------------------------------------------------------ who goes where
    def bands(self, container: str | None, children: list[Resource]) -> list[_Band]:
        kind = self.d[container].kind if container else None
        by_id = sorted(children, key=lambda r: natural_key(r.id))

        def of(kinds, order=None):
            found = [r for r in by_id if r.kind in kinds]
            if order is not None:
                found.sort(key=lambda r: (order.index(r.kind), natural_key(r.id)))
            return found

        def rest(*taken):
            used = {r.id for band in taken for r in band}
            return [r for r in by_id if r.id not in used]

        boxes = [r for r in by_id if self.is_container(r)]
        if kind is None:
            edge = of(_EDGE_KINDS)
            regions = of(("Region",))
            others = rest(edge, regions)
            return [_Band(edge, "grid"), _Band(regions, "shelf"),
                    _Band([r for r in others if r in boxes], "shelf"),
                    _Band([r for r in others if r not in boxes], "grid")]
        if kind == "Region":
            vpcs = of(("Vpc",))
            inner = [r for r in rest(vpcs) if r in boxes]
            services = rest(vpcs, inner)
            services.sort(key=lambda r: (_REGIONAL_TIERS.get(r.kind, len(_TIER_ORDER)),
                                         natural_key(r.id)))
            return [_Band(services, "grid"), _Band(vpcs, "shelf"), _Band(inner, "shelf")]
        if kind == "Vpc":
            top = of(_VPC_TOP, _VPC_TOP)
            zones = of(("AvailabilityZone",))
            subnets = sorted(of(("Subnet",)), key=self.subnet_order)
            bottom = of(_VPC_BOTTOM, _VPC_BOTTOM)
            inner = [r for r in rest(top, zones, subnets, bottom) if r in boxes]
            loose = rest(top, zones, subnets, bottom, inner)
            return [_Band(top, "grid"), _Band(zones, "zones"), _Band(subnets, "shelf"),
                    _Band(inner, "shelf", side=bool(zones)), _Band(loose, "grid", side=bool(zones)),
                    _Band(bottom, "grid", side=bool(zones))]
        if kind == "AvailabilityZone":
            return [_Band(sorted(children, key=self.subnet_order), "column")]
        leaves = [r for r in by_id if r not in boxes]
        return [_Band(leaves, "grid"), _Band(boxes, "shelf")]

    def subnet_order(self, record: Resource):
        """Public subnets first, then by address."""
        if record.kind != "Subnet":
            return (2, 0, natural_key(record.id))
        public = self._public.get(record.id)
        if public is None:
            public = self._public[record.id] = q.is_public_subnet(self.d, record.id)
        cidr = record.get("cidr")
        net = parse(cidr) if isinstance(cidr, str) else None
        return (0 if public else 1, int(net.network_address) if net else 0, natural_key(record.id))
