"""The ``Kumozu`` metadata Kumozu writes into the templates it exports, so that a design survives
the trip through CloudFormation exactly.

Template level (``Metadata: {Kumozu: {...}}``):

- ``title``, ``environment``: the design's metadata;
- ``resources``: resources of the design CloudFormation does not create (Region and Availability
  Zone containers, a main route table or default ACL drawn as AWS creates them), as
  ``id: {kind, name, parent, properties}``;
- ``relations``: the connections drawn between resources;
- ``unresolved``: template parameters standing for values the design keeps symbolic;
- ``empty``: template parameters standing for required values the design leaves empty.

Resource level (``Metadata: {Kumozu: {...}}`` of one resource): ``id`` and ``name`` when they differ
from the logical id, ``parent`` when the container differs from the one the import would choose,
``properties`` for values CloudFormation cannot hold (``needs_aws_apis`` of a function...), and
``implied: true`` on resources written only to express another one's settings.
"""

from __future__ import annotations

from typing import Any

from .. import kinds as _kinds
from ..errors import LoadError, PropertyError
from ..resources import RELATION_KINDS
from ..schema import ID_PATTERN, Unresolved, check_value
from .context import ImportContext
from .source import where

__all__ = ["read_template_metadata", "apply_resource_metadata", "native_value", "KUMOZU"]

KUMOZU = "Kumozu"


def native_value(value: Any) -> Any:
    """A value as the native format writes it (``{unresolved: "!Ref X"}``) back into a model value."""
    if isinstance(value, dict):
        if set(value) == {"unresolved"} and isinstance(value["unresolved"], str):
            return Unresolved(value["unresolved"])
        return {k: native_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [native_value(v) for v in value]
    return value


def _fail(ctx: ImportContext, message: str, container: Any, key: Any) -> LoadError:
    return LoadError(f"Kumozu metadata: {message}", ctx.path, *where(container, key))


def _checked_properties(ctx: ImportContext, kind_name: str, props: Any, label: str) -> dict:
    if props is None:
        return {}
    if not isinstance(props, dict):
        raise _fail(ctx, f"{label}: properties must be a mapping", props, None)
    kind = _kinds.kind(kind_name)
    out = {}
    for key, raw in props.items():
        field = kind.field(key)
        if field is None:
            raise _fail(ctx, f"{label}: a {kind.label} has no property '{key}'", props, key)
        try:
            out[key] = _plain(check_value(field, native_value(raw), key))
        except PropertyError as exc:
            raise _fail(ctx, f"{label}: {exc}", props, key) from None
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def read_template_metadata(ctx: ImportContext, metadata: Any) -> dict:
    """Read the template-level Kumozu section: design-only resources become drafts now; the
    design's metadata and relations are returned for the diagram."""
    section = metadata.get(KUMOZU) if isinstance(metadata, dict) else None
    if section is None:
        return {}
    if not isinstance(section, dict):
        raise _fail(ctx, "the Kumozu section must be a mapping", metadata, KUMOZU)
    resources = section.get("resources") or {}
    if not isinstance(resources, dict):
        raise _fail(ctx, "'resources' must be a mapping", section, "resources")
    for rid, body in resources.items():
        if not isinstance(rid, str) or not ID_PATTERN.match(rid) or rid in ctx.kinds:
            raise _fail(ctx, f"'{rid}' is not a valid, unused id", resources, rid)
        if not isinstance(body, dict) or not _kinds.is_kind(str(body.get("kind"))):
            raise _fail(ctx, f"resource '{rid}' needs a known kind", resources, rid)
        ctx.kinds[rid] = body["kind"]
    for rid, body in resources.items():
        props = _checked_properties(ctx, body["kind"], body.get("properties"), f"resource '{rid}'")
        draft = ctx.add(rid, body["kind"], str(body.get("name") or rid), **props)
        parent = body.get("parent")
        draft.parent, draft.explicit_parent = (parent if isinstance(parent, str) else None), True
        ctx.design_only.add(rid)
        if draft.kind == "RouteTable" and props.get("main") and draft.parent:
            ctx.implicit_for[(draft.parent, "main-rt")] = rid
        if draft.kind == "NetworkAcl" and props.get("default") and draft.parent:
            ctx.implicit_for[(draft.parent, "default-acl")] = rid
    unresolved = section.get("unresolved") or {}
    if not isinstance(unresolved, dict):
        raise _fail(ctx, "'unresolved' must be a mapping", section, "unresolved")
    relations = section.get("relations") or {}
    if not isinstance(relations, dict):
        raise _fail(ctx, "'relations' must be a mapping", section, "relations")
    for rel_id, body in relations.items():
        if not isinstance(body, dict) or body.get("kind", "connection") not in RELATION_KINDS \
                or not isinstance(body.get("from"), str) or not isinstance(body.get("to"), str):
            raise _fail(ctx, f"relation '{rel_id}' needs kind, from and to", relations, rel_id)
    return {"title": section.get("title"), "environment": section.get("environment"),
            "relations": relations, "unresolved": unresolved}


def apply_resource_metadata(ctx: ImportContext) -> None:
    """Resource-level Kumozu metadata: parents and property values the template cannot express."""
    for draft in ctx.sorted_drafts():
        if draft.logical is None:
            continue
        meta = ctx.kumozu(draft.logical)
        if not meta:
            continue
        if "parent" in meta:
            parent = meta["parent"]
            if parent is not None and not isinstance(parent, str):
                raise _fail(ctx, f"resource '{draft.logical}': parent must be an id", meta, "parent")
            draft.parent, draft.explicit_parent = parent, True
        label = f"resource '{draft.logical}'"
        draft.props.update(_checked_properties(ctx, draft.kind, meta.get("properties"), label))


def note_skip_implicit(ctx: ImportContext) -> None:
    """VPCs whose metadata says the design draws no implicit resources for them."""
    for logical, body in ctx.resources.items():
        if body["Type"] == "AWS::EC2::VPC" and ctx.kumozu(logical).get("implicit") is False:
            ctx.skip_implicit.add(ctx.model_ids[logical])
