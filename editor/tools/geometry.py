"""Geometry planning for edits, without Qt: where things are drawn, and growing containers so that
what is dropped, pasted or moved into them fits.

A :class:`GeometryPlan` overlays planned positions, sizes and parents on top of a diagram, so one
edit can be built from its final state (move, re-parent and grow the containers in one command).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from model import kinds as _kinds
from model.diagram import Diagram
from model.edits import Edit, SetGeometry
from model.layout import GAP, HEADER, ICON_CELL, MIN_CONTAINER, PADDING
from model.resources import Geometry

__all__ = ["GeometryPlan", "absolute_rect", "content_size", "MIN_INSET", "DEFAULT_SIZES",
           "default_size", "free_spot", "clear_spot"]

#: The closest a resource may sit to its container's top-left corner (below the title bar).
MIN_INSET = (10.0, HEADER)

#: The size new containers get, so that something can be dropped into them straight away (a subnet
#: holds a row of resources below its title; a zone two such subnets).
DEFAULT_SIZES = {
    "Region": (980.0, 640.0), "Vpc": (760.0, 500.0), "AvailabilityZone": (340.0, 440.0),
    "Subnet": (300.0, 190.0), "AutoScalingGroup": (300.0, 190.0), "EcsCluster": (320.0, 200.0),
    "HostedZone": (320.0, 180.0),
}


def default_size(kind_name: str) -> tuple[float, float]:
    if _kinds.kind(kind_name).container:
        return DEFAULT_SIZES.get(kind_name, MIN_CONTAINER)
    return ICON_CELL


def absolute_rect(diagram: Diagram, rid: str) -> tuple[float, float, float, float]:
    """``(x, y, w, h)`` of a resource in canvas coordinates (positions are stored relative to the
    container). Cost: O(depth)."""
    g = diagram.geometry(rid) or Geometry(0.0, 0.0)
    w, h = _size(diagram, rid, g)
    x, y = g.x, g.y
    parent = diagram[rid].parent
    while parent is not None:
        pg = diagram.geometry(parent) or Geometry(0.0, 0.0)
        x, y = x + pg.x, y + pg.y
        parent = diagram[parent].parent
    return x, y, w, h


def _size(diagram: Diagram, rid: str, g: Geometry | None) -> tuple[float, float]:
    if _kinds.kind(diagram[rid].kind).container:
        if g is not None and g.w > 0 and g.h > 0:
            return g.w, g.h
        return MIN_CONTAINER
    return ICON_CELL


def content_size(diagram: Diagram, container: str) -> tuple[float, float]:
    """The smallest size ``container`` can have and still hold its contents with padding."""
    w, h = 160.0, HEADER + PADDING
    for child in diagram.children(container):
        g = diagram.geometry(child.id) or Geometry(0.0, 0.0)
        cw, ch = _size(diagram, child.id, g)
        w = max(w, g.x + cw + PADDING)
        h = max(h, g.y + ch + PADDING)
    return w, h


@dataclass
class GeometryPlan:
    """Planned geometry, parents and new resources on top of ``diagram``.

    ``geometry`` and ``parents`` override the diagram's; ``kinds`` names the kind of resources the
    edit adds. :meth:`grow` enlarges containers (and their containers) to hold their planned
    contents; :meth:`edits` lists the SetGeometry edits for everything that differs from the
    diagram.
    """

    diagram: Diagram
    geometry: dict[str, Geometry] = field(default_factory=dict)
    parents: dict[str, str | None] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    def kind_of(self, rid: str) -> str:
        return self.kinds[rid] if rid in self.kinds else self.diagram[rid].kind

    def parent_of(self, rid: str) -> str | None:
        return self.parents[rid] if rid in self.parents else self.diagram[rid].parent

    def geometry_of(self, rid: str) -> Geometry:
        if rid in self.geometry:
            return self.geometry[rid]
        g = self.diagram.geometry(rid) if rid in self.diagram else None
        return g or Geometry(0.0, 0.0)

    def size_of(self, rid: str) -> tuple[float, float]:
        g = self.geometry_of(rid)
        if _kinds.kind(self.kind_of(rid)).container:
            return (g.w, g.h) if g.w > 0 and g.h > 0 else MIN_CONTAINER
        return ICON_CELL

    def children_of(self, container: str | None) -> list[str]:
        """Planned contents: the diagram's children that stay, plus those planned into it."""
        out = [c.id for c in self.diagram.children(container) if self.parent_of(c.id) == container]
        out += [rid for rid, p in self.parents.items()
                if p == container and (rid not in self.diagram or self.diagram[rid].parent != container)]
        return out

    def place(self, rid: str, x: float, y: float, parent: str | None = None, *,
              keep_inside: bool = True) -> None:
        """Plan ``rid`` at ``(x, y)`` relative to ``parent`` (kept below the title bar)."""
        if keep_inside and parent is not None:
            x, y = max(x, MIN_INSET[0]), max(y, MIN_INSET[1])
        w, h = (0.0, 0.0)
        old = self.geometry_of(rid)
        if _kinds.kind(self.kind_of(rid)).container:
            w, h = (old.w, old.h) if old.w > 0 and old.h > 0 else default_size(self.kind_of(rid))
        self.geometry[rid] = Geometry(float(x), float(y), w, h)

    def grow(self, containers) -> None:
        """Grow each of ``containers`` (and, in turn, what holds them) to fit its planned contents,
        pushing aside what the growth would now cover (the neighbours below move down, those to
        the right move right, keeping their spacing). Containers never shrink here.
        Cost: O(contents and neighbours of the containers on the way up)."""
        pending = [c for c in containers if c is not None]
        while pending:
            container = pending.pop()
            need_w = need_h = 0.0
            for child in self.children_of(container):
                g = self.geometry_of(child)
                w, h = self.size_of(child)
                need_w = max(need_w, g.x + w + PADDING)
                need_h = max(need_h, g.y + h + PADDING)
            g = self.geometry_of(container)
            w, h = self.size_of(container)
            if need_w > w or need_h > h:
                grown = Geometry(g.x, g.y, max(w, need_w), max(h, need_h))
                self.geometry[container] = grown
                parent = self.parent_of(container)
                self._make_room(container, (g.x, g.y, w, h), grown)
                if parent is not None:
                    pending.append(parent)

    def _make_room(self, container: str, old: tuple, new: Geometry) -> None:
        ox, oy, ow, oh = old
        siblings = [s for s in self.children_of(self.parent_of(container)) if s != container]

        def rect(rid):
            g = self.geometry_of(rid)
            return (g.x, g.y, *self.size_of(rid))

        if new.h > oh:  # neighbours in the same column, below the old bottom edge
            below = [s for s in siblings if rect(s)[1] >= oy + oh - 1
                     and rect(s)[0] < new.x + new.w and rect(s)[0] + rect(s)[2] > new.x]
            hit = [rect(s)[1] for s in below if rect(s)[1] < new.y + new.h + GAP]
            if hit:
                dy = new.y + new.h + GAP - min(hit)
                for s in below:
                    g = self.geometry_of(s)
                    self.geometry[s] = Geometry(g.x, g.y + dy, g.w, g.h)
        if new.w > ow:  # neighbours in the same row, right of the old right edge
            right = [s for s in siblings if rect(s)[0] >= ox + ow - 1
                     and rect(s)[1] < new.y + new.h and rect(s)[1] + rect(s)[3] > new.y]
            hit = [rect(s)[0] for s in right if rect(s)[0] < new.x + new.w + GAP]
            if hit:
                dx = new.x + new.w + GAP - min(hit)
                for s in right:
                    g = self.geometry_of(s)
                    self.geometry[s] = Geometry(g.x + dx, g.y, g.w, g.h)

    def edits(self) -> list[Edit]:
        out: list[Edit] = []
        for rid, g in self.geometry.items():
            if rid in self.diagram and self.diagram.geometry(rid) != g:
                out.append(SetGeometry(rid, self.diagram.geometry(rid), g))
        return out


def free_spot(plan: GeometryPlan, container: str | None) -> tuple[float, float]:
    """A position in ``container`` below everything already in it (where a resource created for the
    user, such as a new route table, will not cover anything)."""
    bottom = HEADER + PADDING - GAP if container is not None else 0.0
    for child in plan.children_of(container):
        g = plan.geometry_of(child)
        bottom = max(bottom, g.y + plan.size_of(child)[1])
    x = PADDING if container is not None else 0.0
    return x, bottom + GAP


def clear_spot(plan: GeometryPlan, container: str | None, size: tuple[float, float], x: float, y: float,
               *, grid: float = 0.0, exclude: str | None = None) -> tuple[float, float]:
    """The position nearest to ``(x, y)`` (a top-left corner relative to ``container``) where a box
    of ``size`` covers none of the container's planned contents, keeping a :data:`GAP` from them,
    so that a resource clicked or dropped onto another one lands beside it instead of on top.
    ``(x, y)`` itself when it is already clear. Candidates are the spots beside, above and below
    what the box would cover, then beside what those would cover (three rounds); when none is clear
    the box goes below everything (:func:`free_spot`). Cost: O(n) per candidate for n contents,
    O(n) candidates in the worst case, so O(n²) only when the container is crowded around the
    point; O(n) when the spot is clear."""
    w, h = size
    rects = [(*plan.geometry_of(c)[:2], *plan.size_of(c)) for c in plan.children_of(container)
             if c != exclude]
    min_x, min_y = MIN_INSET if container is not None else (-1e12, -1e12)

    def hits(cx: float, cy: float) -> list[tuple]:
        return [r for r in rects if cx < r[0] + r[2] + GAP and r[0] < cx + w + GAP
                and cy < r[1] + r[3] + GAP and r[1] < cy + h + GAP]

    def snapped(value: float, up: bool) -> float:
        if grid <= 0:
            return value
        steps = value / grid
        return (math.ceil(steps) if up else math.floor(steps)) * grid

    if not hits(x, y):
        return x, y
    seen = {(x, y)}
    frontier = [(x, y)]
    for _round in range(3):
        candidates = []
        for fx, fy in frontier:
            for r in hits(fx, fy):
                for cx, cy in ((snapped(r[0] + r[2] + GAP, True), fy), (snapped(r[0] - w - GAP, False), fy),
                               (fx, snapped(r[1] + r[3] + GAP, True)), (fx, snapped(r[1] - h - GAP, False))):
                    if cx >= min_x and cy >= min_y and (cx, cy) not in seen:
                        seen.add((cx, cy))
                        candidates.append((cx, cy))
        clear = [c for c in candidates if not hits(*c)]
        if clear:
            return min(clear, key=lambda c: (c[0] - x) ** 2 + (c[1] - y) ** 2)
        frontier = candidates
    below_x, below_y = free_spot(plan, container)
    return (below_x if container is not None else x), snapped(below_y, True)
