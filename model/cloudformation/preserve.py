"""Keeping what an imported template says beyond its resolved values when the design is exported
again: its Parameters, Mappings, Conditions, Rules, Outputs, Transform and Metadata, the
expressions its properties were written with, the ``Condition`` of each resource, and the
resources a false condition left out of the design.

A design keeps resolved values (``10.192.0.0/24``), so the exporter writes literals. For a design
opened from a template, :func:`restore` then puts the template's own expression back
(``!Select [0, !Cidr [!GetAtt VPC.CidrBlock, 4, !Ref SubnetBits]]``) for every property the
exporter wrote on a resource of the same logical id and type, when everything the expression
names is still in the template. Whether that is right is checked, not assumed: the exporter
imports the result and compares it with the design (:func:`differing_ids`); a resource whose
expressions give other values (the VPC's block was edited, so the subnet's ``!Cidr`` no longer
gives the drawn block) is written with literals again.

The template is remembered with the diagram imported from it, for that diagram's lifetime
(:func:`remember`, :func:`source_of`); a design saved in Kumozu's own format and opened again has
its values only.
"""

from __future__ import annotations

import copy
import weakref
from dataclasses import dataclass, field
from typing import Any

from ..diagram import Diagram
from .dependencies import references_in
from .intrinsics import PSEUDO_PARAMETERS, UNKNOWN

__all__ = ["SourceTemplate", "remember", "source_of", "restore", "differing_ids"]

_SOURCES: "weakref.WeakKeyDictionary[Diagram, SourceTemplate]" = weakref.WeakKeyDictionary()
#: Sections copied as they are (they name parameters and each other, never resources).
_KEPT_SECTIONS = ("Rules", "Mappings", "Conditions")


@dataclass
class SourceTemplate:
    """An imported template's document (long-form intrinsics), and which of its resources the
    import left out because their condition is false."""

    document: dict
    excluded: frozenset = field(default_factory=frozenset)


def remember(diagram: Diagram, document: dict, excluded) -> None:
    """Remember the template ``diagram`` was imported from (not copied: the import never changes
    the document it read)."""
    _SOURCES[diagram] = SourceTemplate(document, frozenset(excluded))


def source_of(diagram: Diagram) -> SourceTemplate | None:
    """The template ``diagram`` was imported from, if it was."""
    return _SOURCES.get(diagram)


def _plain(value: Any) -> Any:
    """A deep copy made of plain dicts and lists (the reader's are located subclasses)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return copy.copy(value)


def _names(value: Any) -> set[str]:
    """Every parameter or resource name ``value`` uses (both branches of every ``Fn::If``)."""
    return {name for name, _, _ in references_in(value, lambda _: UNKNOWN)
            if name not in PSEUDO_PARAMETERS}


def _section(document: dict, name: str) -> dict:
    value = document.get(name)
    return value if isinstance(value, dict) else {}


def restore(template: dict, source: SourceTemplate, owner: dict[str, str],
            literal: set[str]) -> dict:
    """``template`` (as the exporter wrote it) with what ``source`` says restored; resources
    whose logical id is in ``literal`` keep the exporter's values. ``owner`` maps each logical id to
    the model id it was written for. Returns a new template; ``template`` is not changed.
    Cost: linear in the size of both templates."""
    doc = source.document
    out = _plain(template)
    kumozu = (_section(doc, "Metadata").get("Kumozu") or {})
    generated = set()  # parameters Kumozu wrote for values a design leaves open
    if isinstance(kumozu, dict):
        for key in ("unresolved", "empty"):
            value = kumozu.get(key)
            generated |= set(value) if isinstance(value, (dict, list)) else set()
    parameters = dict(out.get("Parameters", {}))
    for name, body in _section(doc, "Parameters").items():
        if name in generated:
            continue
        mine = parameters.get(name)
        if mine is None or not isinstance(body, dict) or mine.get("Default") in (None, body.get("Default")):
            parameters[name] = _plain(body)
    resources = out["Resources"]
    known = set(parameters) | set(resources)
    conditions = _section(doc, "Conditions")
    for logical, body in _section(doc, "Resources").items():
        written = resources.get(logical)
        if written is None or not isinstance(body, dict) or written.get("Type") != body.get("Type") \
                or owner.get(logical) in literal:
            continue
        condition = body.get("Condition")
        if isinstance(condition, str) and condition in conditions:
            resources[logical] = written = _with_condition(written, condition)
        theirs = body.get("Properties") if isinstance(body.get("Properties"), dict) else {}
        for key, value in written.get("Properties", {}).items():
            if key in theirs and _names(theirs[key]) <= known:
                written["Properties"][key] = _plain(theirs[key])
    _keep_consistent_conditions(resources)
    _restore_left_out(doc, source.excluded, resources, known)
    kumozu_out = out.get("Metadata", {}).get("Kumozu", {})
    for name in _unused_generated(parameters, resources, set(_section(doc, "Parameters")) - generated):
        del parameters[name]
        for key in ("unresolved", "empty"):
            entries = kumozu_out.get(key)
            if entries and name in entries:
                entries = {k: v for k, v in entries.items() if k != name} if isinstance(
                    entries, dict) else [e for e in entries if e != name]
                if entries:
                    kumozu_out[key] = entries
                else:
                    del kumozu_out[key]
    if "Metadata" in out and not kumozu_out:
        del out["Metadata"]["Kumozu"]
    known = set(parameters) | set(resources)
    outputs = {name: _plain(body) for name, body in _section(doc, "Outputs").items()
               if _names(body) <= known}
    ordered: dict[str, Any] = {}
    for key in ("AWSTemplateFormatVersion", "Description"):
        if key in out:
            ordered[key] = out[key]
    if doc.get("Transform") is not None:
        ordered["Transform"] = _plain(doc["Transform"])
    metadata = {k: _plain(v) for k, v in _section(doc, "Metadata").items() if k != "Kumozu"}
    metadata.update(out.get("Metadata", {}))
    if metadata:
        ordered["Metadata"] = metadata
    if parameters:
        ordered["Parameters"] = parameters
    for name in _KEPT_SECTIONS:
        if _section(doc, name):
            ordered[name] = _plain(doc[name])
    ordered["Resources"] = resources
    if outputs:
        ordered["Outputs"] = outputs
    return ordered


def _with_condition(body: dict, condition: str) -> dict:
    out = {"Type": body["Type"], "Condition": condition}
    out.update((k, v) for k, v in body.items() if k not in out)
    return out


def _keep_consistent_conditions(resources: dict) -> None:
    """Drop a restored ``Condition`` from every resource that a resource without that condition
    names (the exporter writes some resources under ids of its own, without the template's
    conditions: a template whose route names a NAT gateway that a condition removes would not
    deploy). Repeated until no such reference is left; cost O(rounds x template size)."""
    changed = True
    while changed:
        changed = False
        for logical, body in resources.items():
            mine = body.get("Condition")
            named = _names(body.get("Properties", {})) | _depends_on(body)
            for target in named:
                theirs = resources.get(target, {}).get("Condition")
                if theirs is not None and theirs != mine:
                    del resources[target]["Condition"]
                    changed = True


def _unused_generated(parameters: dict, resources: dict, theirs: set) -> list[str]:
    """The parameters the exporter declared that nothing names any more, now that restored
    expressions replaced the values they stood for (an Availability Zone parameter, when the
    subnet's ``!Select [0, !GetAZs '']`` is back)."""
    used = _names(resources)
    return [name for name in parameters if name not in theirs and name not in used]


def _restore_left_out(doc: dict, excluded: frozenset, resources: dict, known: set[str]) -> None:
    """Put back the resources the import left out for their false condition, as written, when
    everything they name is in the template (or is another of them put back)."""
    source = _section(doc, "Resources")
    candidates = {name: source[name] for name in excluded
                  if name in source and name not in resources}
    while True:
        names = known | set(candidates)
        missing = {n for n, body in candidates.items() if not _names(body) <= names
                   or not _depends_on(body) <= names}
        if not missing:
            break
        for name in missing:
            del candidates[name]
    for name in source:  # template order
        if name in candidates:
            resources[name] = _plain(candidates[name])


def _depends_on(body: Any) -> set[str]:
    value = body.get("DependsOn") if isinstance(body, dict) else None
    if isinstance(value, str):
        return {value}
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()


def differing_ids(a: Diagram, b: Diagram) -> set[str]:
    """The ids of resources that differ between two diagrams in kind, name, parent or properties,
    or are in one only; a relation that differs counts for both its ends. Cost: linear."""
    out = set()
    for record in a:
        other = b.get(record.id)
        if other is None or (other.kind, other.name, other.parent, other.properties) != \
                (record.kind, record.name, record.parent, record.properties):
            out.add(record.id)
    out |= {record.id for record in b if record.id not in a}
    mine = {(r.id, r.kind, r.source, r.target, r.properties) for r in a.relations()}
    theirs = {(r.id, r.kind, r.source, r.target, r.properties) for r in b.relations()}
    for relation in mine ^ theirs:
        out |= {relation[2], relation[3]}
    return out
