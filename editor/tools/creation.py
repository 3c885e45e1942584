"""New resources from the palette: where they may go, and the settings they start with (no Qt).

A dropped subnet gets the next free /24 of its VPC and the zone of the Availability Zone it lands
in; an internet gateway dropped into a VPC is attached to it; a new VPC gets a /16 no other VPC
uses; a new Availability Zone the next zone letter its VPC does not have yet. Containers get a size
something fits into, and the containers around grow if the new resource would stick out.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model import kinds as _kinds
from model import queries as q
from model.cidr import free_block, parse_v4
from model.diagram import Diagram
from model.edits import AddResource, Composite, add_resource
from model.kinds.networking import REGIONS
from model.naming import new_id
from model.resources import Geometry

from .geometry import MIN_INSET, GeometryPlan, clear_spot, default_size
from .wording import a_kind

translate = QCoreApplication.translate

__all__ = ["placement_refusal", "new_resource_edit", "suggest_subnet_cidr", "suggest_vpc_cidr",
           "creation_properties"]

#: Kinds placed by a list of subnets that may also be drawn inside one subnet: drawn there, the
#: subnet joins the list, so what the drawing says and what the model knows agree.
_SUBNET_LISTED = ("AutoScalingGroup", "EcsService", "ElastiCacheCluster")


def placement_refusal(diagram: Diagram, kind_name: str, container: str | None) -> str:
    """Why a resource of ``kind_name`` cannot sit directly in ``container`` ("" when it can)."""
    container_kind = diagram[container].kind if container else None
    if _kinds.may_contain(container_kind, kind_name):
        return ""
    what = a_kind(kind_name)
    outside = translate("Placement", "on the canvas outside every container")
    where = translate("Placement", " or ").join(
        outside if p is None else translate("Placement", "in %1").replace("%1", a_kind(p))
        for p in _kinds.kind(kind_name).parents)
    here = translate("Placement", "in %1").replace("%1", a_kind(container_kind)) if container_kind \
        else outside
    return translate("Placement", "%1 cannot sit %2: it belongs %3").replace(
        "%1", what[:1].upper() + what[1:]).replace("%2", here).replace("%3", where)


def suggest_subnet_cidr(diagram: Diagram, vpc: str | None, prefix: int = 24,
                        also_taken=()) -> str | None:
    """The first free block of ``/prefix`` (or smaller, if none is left) in the VPC's IPv4 blocks,
    clear of its subnets and of ``also_taken``."""
    if vpc is None or vpc not in diagram:
        return None
    blocks = [b for b in diagram[vpc].get("cidr_blocks", ()) if isinstance(b, str) and parse_v4(b)]
    taken = [s.get("cidr") for s in q.subnets_in_vpc(diagram, vpc) if isinstance(s.get("cidr"), str)]
    taken += list(also_taken)
    for size in range(prefix, 29):
        block = free_block(blocks, taken, size)
        if block is not None:
            return block
    return None


def suggest_vpc_cidr(diagram: Diagram, also_taken=()) -> str:
    """A /16 of 10.0.0.0/8 that no VPC of the design uses (peering needs distinct ranges)."""
    taken = [b for vpc in diagram.of_kind("Vpc") for b in vpc.get("cidr_blocks", ())
             if isinstance(b, str)]
    return free_block(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], taken + list(also_taken), 16) \
        or "10.0.0.0/16"


def _vpc_around(diagram: Diagram, container: str | None) -> str | None:
    rid = container
    while rid is not None:
        if diagram[rid].kind == "Vpc":
            return rid
        rid = diagram[rid].parent
    return None


def _zone_around(diagram: Diagram, container: str | None) -> str:
    rid = container
    while rid is not None:
        record = diagram[rid]
        if record.kind == "AvailabilityZone":
            return record.get("zone") or ""
        rid = record.parent
    return ""


def creation_properties(diagram: Diagram, kind_name: str, container: str | None) -> dict:
    """The settings a new resource starts with in ``container`` (beyond its kind's defaults)."""
    props: dict = {}
    vpc = _vpc_around(diagram, container)
    if kind_name == "Subnet":
        cidr = suggest_subnet_cidr(diagram, vpc)
        if cidr:
            props["cidr"] = cidr
        zone = _zone_around(diagram, container)
        if zone:
            props["availability_zone"] = zone
    elif kind_name in ("InternetGateway", "EgressOnlyInternetGateway") and vpc is not None:
        props["vpc"] = vpc
    elif kind_name == "AvailabilityZone":
        region = q.region_of(diagram, container) if container else diagram.region
        used = {az.get("zone") for az in diagram.children(container) if az.kind == "AvailabilityZone"}
        letter = next((c for c in "abcdefgh" if f"{region}{c}" not in used), "a")
        props["zone"] = f"{region}{letter}"
    elif kind_name == "Vpc":
        props["cidr_blocks"] = [suggest_vpc_cidr(diagram)]
    elif kind_name == "Region":
        used = {r.get("region") for r in diagram.of_kind("Region")}
        props["region"] = diagram.region if diagram.region not in used else \
            next((r for r in REGIONS if r not in used), diagram.region)
    elif kind_name in _SUBNET_LISTED and container and diagram[container].kind == "Subnet":
        props["subnets"] = [container]
    return props


def new_resource_edit(diagram: Diagram, kind_name: str, container: str | None, x: float, y: float,
                      *, centred: bool = True, grid: float = 0.0) -> tuple[Composite, str]:
    """One edit adding a ``kind_name`` at ``(x, y)`` in ``container`` (relative to it; the
    resource's centre when ``centred``), or at the nearest spot beside what is already there when it
    would cover it, growing the containers around it to fit. Returns the edit
    ("Add Subnet subnet-3") and the new id."""
    kind = _kinds.kind(kind_name)
    rid = new_id(set(diagram.ids()), kind_name)
    w, h = default_size(kind_name)
    if centred:
        x, y = x - w / 2, y - (h / 2 if kind.container else 28)
    if grid > 0:
        x, y = round(x / grid) * grid, round(y / grid) * grid
    plan = GeometryPlan(diagram, parents={rid: container}, kinds={rid: kind_name})
    if container is not None:
        x, y = max(x, MIN_INSET[0]), max(y, MIN_INSET[1])
    x, y = clear_spot(plan, container, (w, h), x, y, grid=grid, exclude=rid)
    plan.place(rid, x, y, container)
    plan.grow([container])
    g = plan.geometry[rid]
    label = f"Add {kind.label} {rid}"
    add = add_resource(diagram, kind_name, rid, parent=container,
                       properties=creation_properties(diagram, kind_name, container),
                       geometry=Geometry(g.x, g.y, g.w, g.h))
    return Composite((AddResource(add.record, add.geometry, label), *plan.edits()), label), rid
