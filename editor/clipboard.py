"""Copy and paste of resources, as native Kumozu YAML.

What is copied is a small design (:mod:`model.native_format`): the chosen resources with everything
inside them, the connections among them, and, for context, the containers around them (so a subnet
can be written at all: it cannot sit on its own). The design's description lists the copied
resources (``Kumozu clipboard: web-a, web-b``); a design pasted from a text editor without that line
pastes whole.

Pasting gives every resource a new id, points references among the pasted resources at the copies,
keeps references to resources outside when the target design has them (a pasted instance stays in
its security group), drops the rest, and gives pasted subnets a free CIDR of their new VPC when
theirs would overlap or fall outside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QMimeData

from model import kinds as _kinds
from model import native_format
from model import queries as q
from model.cidr import contains, free_block, overlaps, parse, parse_v4
from model.diagram import Diagram, iter_tree
from model.edits import AddRelation, AddResource, Composite, Edit, set_metadata
from model.errors import LoadError
from model.frozen import FrozenDict, freeze
from model.naming import new_id
from model.resources import Geometry, Relation, Resource
from model.schema import Field, FieldType

from .tools.arrange import topmost
from .tools.creation import placement_refusal, suggest_subnet_cidr
from .tools.geometry import GeometryPlan, absolute_rect

__all__ = ["MIME_TYPE", "copy_text", "read_clipboard", "paste_edit", "PasteResult", "SAME_PARENT",
           "mime_data", "text_from_mime", "read_mime"]

MIME_TYPE = "application/x-kumozu-resources"
_MARKER = "Kumozu clipboard: "
#: ``paste_edit(container=SAME_PARENT)``: each pasted resource goes where its original is.
SAME_PARENT = object()
_TRAILING_NUMBER = re.compile(r"-\d+$")


# ---------------------------------------------------------------------- copying
def copy_text(diagram: Diagram, ids) -> str:
    """Native YAML of ``ids`` (and their contents), with their containers as context."""
    roots = topmost(diagram, ids)
    members: dict[str, None] = {}
    for rid in roots:
        members[rid] = None
        members.update((r.id, None) for r in diagram.descendants(rid))
    context: dict[str, None] = {}
    for rid in roots:
        for ancestor in reversed(diagram.ancestors(rid)):
            if ancestor.id not in members:
                context[ancestor.id] = None
    clip = Diagram()
    edits: list[Edit] = [set_metadata(clip, "region", diagram.region),
                         set_metadata(clip, "description", _MARKER + ", ".join(roots))]
    wanted = set(members) | set(context)
    for record in iter_tree(diagram):
        if record.id in wanted:
            edits.append(AddResource(record, diagram.geometry(record.id)))
    for relation in diagram.relations():
        if relation.source in members and relation.target in members:
            edits.append(AddRelation(relation))
    clip.apply(Composite(tuple(edits), "Copy"))
    return native_format.dumps(clip)


def read_clipboard(text: str) -> tuple[Diagram, list[str]]:
    """The copied design and the ids that were copied (LoadError if ``text`` is no design)."""
    clip = native_format.loads(text, "clipboard")
    description = clip.metadata("description") or ""
    roots: list[str] = []
    if description.startswith(_MARKER):
        roots = [r.strip() for r in description[len(_MARKER):].split(",") if r.strip() in clip]
    if not roots:
        roots = [r.id for r in clip.children(None)]
    return clip, roots


# ---------------------------------------------------------------------- pasting
@dataclass
class PasteResult:
    """The edit pasting makes (None when refused, with ``refusal`` saying why) and the new ids
    (``roots``: the pasted resources themselves, ``ids``: those and their contents)."""

    edit: Composite | None
    roots: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    refusal: str = ""


def paste_edit(diagram: Diagram, clip: Diagram, roots: list[str], container=SAME_PARENT,
               at: tuple[float, float] | None = None, offset: tuple[float, float] = (20.0, 20.0),
               label: str = "Paste") -> PasteResult:
    """One edit pasting ``roots`` of ``clip`` (with their contents) into ``diagram``.

    ``container`` is where they go (``None``: the top of the canvas; ``SAME_PARENT``: each where its
    original is). ``at`` is the top-left corner of the pasted group inside ``container``; without
    it each resource keeps its position moved by ``offset``. Cost: O(pasted resources x their
    fields) plus one free-block search per moved subnet.
    """
    roots = [r for r in roots if r in clip]
    if not roots:
        return PasteResult(None, refusal=QCoreApplication.translate("Clipboard", "there is nothing to paste"))
    parents: dict[str, str | None] = {}
    for root in roots:
        parent = clip[root].parent if container is SAME_PARENT else container
        if container is SAME_PARENT and parent is not None and \
                (parent not in diagram or diagram[parent].kind != clip[parent].kind):
            return PasteResult(None, refusal=QCoreApplication.translate(
                "Clipboard", "%1 came from a container this design does not have; click where to paste it "
                             "first").replace("%1", clip[root].label))
        reason = placement_refusal(diagram, clip[root].kind, parent)
        if reason:
            return PasteResult(None, refusal=reason)
        parents[root] = parent
    members = [rid for root in roots for rid in [root] + [r.id for r in clip.descendants(root)]]
    mapping = _new_ids(diagram, clip, members)
    plan = GeometryPlan(diagram, parents={mapping[r]: parents[r] for r in roots},
                        kinds={mapping[r]: clip[r].kind for r in members})
    _place_roots(clip, roots, mapping, parents, plan, at, offset)
    names = {r.label for r in diagram}
    records: list[Resource] = []
    subnets_taken: dict[str, list[str]] = {}
    for rid in members:
        record = clip[rid]
        parent = parents[rid] if rid in parents else mapping[record.parent]
        props = _remap(record.kind, record.properties, mapping, diagram)
        name = mapping[rid] if record.name in ("", rid) else \
            (f"{record.name} copy" if record.name in names else record.name)
        new = Resource(mapping[rid], record.kind, name, parent, FrozenDict(props))
        new = _fit_to_place(diagram, clip, new, records, subnets_taken, mapping)
        records.append(new)
    edits: list[Edit] = []
    for new in records:
        original = next(r for r in members if mapping[r] == new.id)
        g = plan.geometry.get(new.id) or clip.geometry(original)
        edits.append(AddResource(new, g))
    taken_relations = {r.id for r in diagram.relations()}
    for relation in clip.relations():
        if relation.source in mapping and relation.target in mapping:
            rid = new_id(taken_relations, prefix="conn")
            taken_relations.add(rid)
            edits.append(AddRelation(Relation(rid, relation.kind, mapping[relation.source],
                                              mapping[relation.target], relation.properties)))
    plan.grow(set(parents.values()))
    edits.extend(plan.edits())
    what = records[0].label if len(records) == 1 else f"{len(records)} resources"
    return PasteResult(Composite(tuple(edits), f"{label} {what}"), [mapping[r] for r in roots],
                       [r.id for r in records])


def _new_ids(diagram: Diagram, clip: Diagram, members: list[str]) -> dict[str, str]:
    """Fresh ids that still read like the originals: web-a -> web-a-1, subnet-3 -> subnet-4."""
    taken = set(diagram.ids())
    mapping = {}
    for rid in members:
        stem = _TRAILING_NUMBER.sub("", rid) or "resource"
        new = new_id(taken, prefix=stem)
        taken.add(new)
        mapping[rid] = new
    return mapping


def _place_roots(clip, roots, mapping, parents, plan: GeometryPlan, at, offset) -> None:
    if at is None:
        for root in roots:
            g = clip.geometry(root) or Geometry(0.0, 0.0)
            plan.place(mapping[root], g.x + offset[0], g.y + offset[1], parents[root])
        return
    rects = {root: absolute_rect(clip, root) for root in roots}
    left = min(x for x, _, _, _ in rects.values())
    top = min(y for _, y, _, _ in rects.values())
    for root, (x, y, _, _) in rects.items():
        plan.place(mapping[root], at[0] + x - left, at[1] + y - top, parents[root])


def _remap(kind_name: str, properties, mapping: dict[str, str], diagram: Diagram) -> dict:
    """Properties with references among the pasted resources renamed, references to resources the
    design has kept (if of a fitting kind), and the others dropped."""
    def target(value, f: Field):
        if not isinstance(value, str) or not value:
            return value
        if value in mapping:
            return mapping[value]
        other = diagram.get(value)
        return value if other is not None and other.kind in f.ref_kinds else ""

    def walk(value, f: Field):
        if f.type is FieldType.REF:
            return target(value, f)
        if f.type is FieldType.REF_LIST:
            return tuple(v for v in (target(item, f) for item in value or ()) if v != "")
        if f.type is FieldType.RECORDS and any(s.is_reference or s.fields for s in f.fields):
            rows = []
            for row in value or ():
                new = {k: walk(v, f.record_field(k)) if f.record_field(k) else v for k, v in row.items()}
                if f.name == "routes" and row.get("target") and not new.get("target"):
                    continue  # a route to something left behind would only be a blackhole
                rows.append(freeze(new))
            return tuple(rows)
        return value

    kind = _kinds.kind(kind_name)
    return {name: (walk(value, kind.field(name)) if kind.field(name) else value)
            for name, value in properties.items()}


def _fit_to_place(diagram: Diagram, clip: Diagram, record: Resource, pasted: list[Resource],
                  subnets_taken: dict[str, list[str]], mapping: dict[str, str]) -> Resource:
    """Settings that follow from where the copy lands: a subnet's zone and a free CIDR, a gateway's
    VPC attachment."""
    chain = _chain(diagram, pasted, record.parent)
    if record.kind == "Subnet":
        zone = next((r.get("zone") for r in chain if r.kind == "AvailabilityZone"), None)
        if zone:
            record = record.with_property("availability_zone", zone)
        vpc = next((r for r in chain if r.kind == "Vpc"), None)
        cidr = record.get("cidr")
        if vpc is not None and isinstance(cidr, str) and parse_v4(cidr):
            taken = subnets_taken.setdefault(vpc.id, [
                s.get("cidr") for s in (q.subnets_in_vpc(diagram, vpc.id) if vpc.id in diagram else ())
                if isinstance(s.get("cidr"), str)])
            blocks = [parse(b) for b in vpc.get("cidr_blocks", ()) if isinstance(b, str) and parse_v4(b)]
            net = parse(cidr)
            fits = any(contains(b, net) for b in blocks) and \
                not any(parse(t) is not None and overlaps(net, parse(t)) for t in taken)
            if not fits:
                if vpc.id in diagram:
                    suggestion = suggest_subnet_cidr(diagram, vpc.id, net.prefixlen, taken)
                else:
                    suggestion = free_block([str(b) for b in blocks], taken, net.prefixlen)
                if suggestion:
                    record = record.with_property("cidr", suggestion)
            taken.append(record.get("cidr"))
    elif record.kind in ("InternetGateway", "EgressOnlyInternetGateway"):
        vpc = next((r for r in chain if r.kind == "Vpc"), None)
        if vpc is not None and record.get("vpc") not in (vpc.id,) and \
                record.get("vpc") not in mapping.values():
            record = record.with_property("vpc", vpc.id)
    return record


def _chain(diagram: Diagram, pasted: list[Resource], parent: str | None) -> list[Resource]:
    """The containers around a pasted resource, nearest first (pasted ones included)."""
    by_id = {r.id: r for r in pasted}
    out = []
    while parent is not None:
        record = by_id.get(parent) or diagram.get(parent)
        if record is None:
            break
        out.append(record)
        parent = record.parent
    return out


# ---------------------------------------------------------------------- Qt clipboard
def mime_data(text: str) -> QMimeData:
    """The clipboard payload: the native YAML under our MIME type, and as plain text."""
    data = QMimeData()
    data.setData(MIME_TYPE, text.encode("utf-8"))
    data.setText(text)
    return data


def text_from_mime(data: QMimeData | None) -> str | None:
    """Our payload, or plain text that looks like a Kumozu design; None otherwise."""
    if data is None:
        return None
    if data.hasFormat(MIME_TYPE):
        return bytes(data.data(MIME_TYPE)).decode("utf-8", errors="replace")
    if data.hasText() and "format: kumozu" in data.text():
        return data.text()
    return None


def read_mime(data: QMimeData | None) -> tuple[Diagram, list[str]] | None:
    """The copied design from the clipboard, or None when it holds none (or a broken one)."""
    text = text_from_mime(data)
    if text is None:
        return None
    try:
        return read_clipboard(text)
    except LoadError:
        return None
