"""Writing a design as a deployable CloudFormation template.

Each kind's writer (:mod:`.writers`) adds the resources that mean the same thing to CloudFormation.
What a template cannot say (a Region container, a name, a field with no CloudFormation property)
goes into ``Kumozu`` metadata (see :mod:`.metadata`). Which metadata is needed is found by
importing the template just written and comparing it with the design: whatever differs is written
down, and the check repeats until the import gives the design back. So ``load(export(d)) == d``
holds for resources, kinds, names, parents, properties and references by construction, and the
metadata stays small for designs CloudFormation can express.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import kinds as _kinds
from ..diagram import Diagram
from ..errors import LoadError
from ..naming import natural_key
from .dumper import dump_json, dump_yaml
from .importer import import_document
from .preserve import differing_ids, restore, source_of
from .writer import Writer, native
from .writers import writer_for
from .writers.network import is_default_acl_rule

__all__ = ["export_template", "build_template", "ExportProblem"]

_ROUNDS = 5
#: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/transform-aws-serverless.html
_SAM_TRANSFORM = "AWS::Serverless-2016-10-31"


class ExportProblem(RuntimeError):
    """The template Kumozu wrote does not read back; a bug, reported with the reason."""


@dataclass
class _Patches:
    """What the template must say besides its resources for the design to come back whole."""

    design_only: set = field(default_factory=set)
    names: dict = field(default_factory=dict)
    parents: dict = field(default_factory=dict)
    properties: dict = field(default_factory=dict)
    no_implicit: set = field(default_factory=set)

    def update(self, original: Diagram, imported: Diagram, exported: set) -> bool:
        """Record the differences between the design and what its template reads back as; True
        when something new had to be recorded."""
        changed = False
        for record in original:
            back = imported.get(record.id)
            if record.id in exported and (back is None or back.kind != record.kind):
                raise ExportProblem(f"{record.id} ({record.kind}) reads back as "
                                    f"{back.kind if back else 'nothing'}")
            if back is None or back.kind != record.kind:
                if record.id not in self.design_only:
                    self.design_only.add(record.id)
                    changed = True
                continue
            if back.name != record.name and self.names.get(record.id) != record.name:
                self.names[record.id] = record.name
                changed = True
            if back.parent != record.parent and self.parents.get(record.id, "-") != record.parent:
                self.parents[record.id] = record.parent
                changed = True
            for key, value in record.properties.items():
                if back.properties.get(key) != value:
                    props = self.properties.setdefault(record.id, {})
                    if key not in props:
                        props[key] = value
                        changed = True
        for back in imported:
            if back.id in original:
                continue
            if back.kind in ("RouteTable", "NetworkAcl", "SecurityGroup") and back.parent \
                    and back.parent in original and back.parent not in self.no_implicit:
                self.no_implicit.add(back.parent)  # AWS's implicit resources the design omits
                changed = True
        return changed


def build_template(diagram: Diagram) -> dict:
    """The design as template data (long-form intrinsics). A design imported from a template keeps
    that template's parameters, conditions, expressions... where they still give the design's
    values (see :mod:`.preserve`)."""
    patches = _Patches()
    region = _region(diagram)
    template: dict = {}
    for _ in range(_ROUNDS):
        template, exported, owner = _write(diagram, patches)
        try:
            imported = import_document(template, "<export>", region).diagram
        except LoadError as exc:
            raise ExportProblem(f"the exported template does not read back: {exc}") from exc
        if not patches.update(diagram, imported, exported):
            break
    source = source_of(diagram)
    return template if source is None else _restored(template, imported, source, owner, region)


def _restored(template: dict, imported: Diagram, source, owner: dict, region: str) -> dict:
    """``template`` with what the design's source template said restored, as far as the result
    reads back as the same design as ``template`` does; resources whose restored expressions give
    other values are written with literals, and if that does not settle it, nothing is restored."""
    literal: set[str] = set()
    for _ in range(_ROUNDS):
        candidate = restore(template, source, owner, literal)
        try:
            again = import_document(candidate, "<export>", region).diagram
        except LoadError:
            return template
        differing = differing_ids(imported, again)
        if not differing:
            return candidate
        if differing <= literal:
            break
        literal |= differing
    return template


def export_template(diagram: Diagram, fmt: str = "yaml") -> str:
    """The design as a template: ``yaml`` (short-form tags) or ``json``."""
    template = build_template(diagram)
    if fmt == "json":
        return dump_json(template)
    if fmt == "yaml":
        return dump_yaml(template)
    raise ValueError(f"unknown template format '{fmt}' (yaml or json)")


def _region(diagram: Diagram) -> str:
    regions = {r.get("region") for r in diagram.of_kind("Region") if r.get("region")}
    return regions.pop() if len(regions) == 1 else diagram.region


def _write(diagram: Diagram, patches: _Patches) -> tuple[dict, set, dict[str, str]]:
    """The template, the ids of the model resources written, and the model id each logical id in
    it was written for."""
    w = Writer(diagram, patches)
    for record in w.records:
        write = writer_for(record.kind)
        if write is not None:
            write(w, record)
    _resource_metadata(w, patches)
    template: dict[str, Any] = {"AWSTemplateFormatVersion": "2010-09-09"}
    description = diagram.metadata("description") or diagram.title
    if description:
        template["Description"] = description.strip()[:1024]
    if any(body["Type"].startswith("AWS::Serverless::") for body in w.resources.values()):
        # a SAM type kept as a generic resource deploys only through SAM's transform
        template["Transform"] = _SAM_TRANSFORM
    kumozu = _template_metadata(w, diagram, patches)
    if kumozu:
        template["Metadata"] = {"Kumozu": kumozu}
    if w.parameters:
        template["Parameters"] = w.parameters
    template["Resources"] = w.resources or {"Placeholder": {
        "Type": "AWS::CloudFormation::WaitConditionHandle",
        "Metadata": {"Kumozu": {"implied": True}}}}
    return template, set(w.logical), dict(w.owner)


def _resource_metadata(w: Writer, patches: _Patches) -> None:
    """Kumozu metadata on the resource written for each model resource: its id when the logical id
    differs, and whatever the comparison found the template could not say."""
    for rid, logical in w.logical.items():
        body = w.resources.get(logical)
        if body is None:
            continue
        meta = dict(body.get("Metadata", {}).get("Kumozu", {}))
        if logical != rid:
            meta["id"] = rid
        if rid in patches.names:
            meta["name"] = patches.names[rid]
        if rid in patches.parents:
            meta["parent"] = patches.parents[rid]
        if rid in patches.properties:
            meta["properties"] = {k: native(v) for k, v in patches.properties[rid].items()}
        if rid in patches.no_implicit:
            meta["implicit"] = False
        if meta:
            body["Metadata"] = {"Kumozu": meta}
            w.resources[logical] = {k: body[k] for k in _BODY_ORDER if k in body}


#: The order of a resource's keys in the template, Metadata before the (long) Properties.
_BODY_ORDER = ("Type", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "Properties")


def _template_metadata(w: Writer, diagram: Diagram, patches: _Patches) -> dict:
    out: dict[str, Any] = {}
    if diagram.title:
        out["title"] = diagram.title
    if diagram.metadata("environment") != "production":
        out["environment"] = diagram.metadata("environment")
    resources = {}
    for record in w.records:
        if record.id in w.logical or record.id not in patches.design_only:
            continue
        entry: dict[str, Any] = {"kind": record.kind}
        if record.name != record.id:
            entry["name"] = record.name
        if record.parent is not None:
            entry["parent"] = record.parent
        values = dict(record.properties)
        if record.kind == "NetworkAcl" and w.ref(record.id) is not None:
            # the rules added to AWS's own are written as entries, which the import adds back
            for direction in ("inbound", "outbound"):
                values[direction] = tuple(r for r in values[direction] if is_default_acl_rule(r))
        props = {f.name: native(values[f.name]) for f in _kinds.kind(record.kind).fields
                 if values.get(f.name) != f.default}
        if props:
            entry["properties"] = props
        resources[record.id] = entry
    if resources:
        out["resources"] = resources
    relations = sorted(diagram.relations(), key=lambda r: natural_key(r.id))
    if relations:
        out["relations"] = {r.id: {"kind": r.kind, "from": r.source, "to": r.target,
                                   **({"properties": native(r.properties)} if r.properties else {})}
                            for r in relations}
    if w.unresolved:
        out["unresolved"] = dict(w.unresolved)
    if w.empty:
        out["empty"] = sorted(w.empty)
    return out
