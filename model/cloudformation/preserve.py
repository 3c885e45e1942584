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
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..diagram import Diagram
from .dependencies import references_in
from .forms import rename
from .intrinsics import PSEUDO_PARAMETERS, UNKNOWN

__all__ = ["SourceTemplate", "remember", "source_of", "restore", "differing_ids"]

_SOURCES: "weakref.WeakKeyDictionary[Diagram, SourceTemplate]" = weakref.WeakKeyDictionary()
#: Properties restored even where the exporter wrote none: tags other than Name, which the model
#: does not hold and nothing else depends on.
_ALSO_RESTORED = ("Tags",)
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
    renamed = _template_ids(out["Resources"], _section(doc, "Resources"), source.excluded)
    if renamed:
        out["Resources"] = _renamed(out["Resources"], renamed)
        owner = {renamed.get(logical, logical): rid for logical, rid in owner.items()}
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
        properties = written.setdefault("Properties", {})
        for key in [k for k in theirs if k in properties or k in _ALSO_RESTORED]:
            if _names(theirs[key]) <= known:
                properties[key] = _plain(theirs[key])
        if not properties:
            del written["Properties"]
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
    elif "Transform" in out:
        ordered["Transform"] = out["Transform"]
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


def _template_ids(resources: dict, theirs: dict, excluded: frozenset) -> dict[str, str]:
    """Which resources the exporter wrote under ids of its own (a route, an association) are a
    resource the template names otherwise: the one resource of the template with the same type,
    not written under its own id, whose properties include every property written, with the same
    value. Only one-to-one matches count (two EIPs that both say ``Domain: vpc`` keep the
    exporter's ids). Returns {exporter's id: template's id}. Cost: O(written x template)."""
    unmatched = {name: body for name, body in theirs.items() if name not in resources
                 and name not in excluded and isinstance(body, dict)}
    found = {}
    for logical, body in resources.items():
        if logical in theirs:
            continue
        written = body.get("Properties", {})
        matches = [name for name, other in unmatched.items() if other.get("Type") == body["Type"]
                   and isinstance(other.get("Properties", {}), dict)
                   and all(other.get("Properties", {}).get(k) == v for k, v in written.items())]
        if len(matches) == 1:
            found[logical] = matches[0]
    counts = Counter(found.values())
    found = {mine: template for mine, template in found.items() if counts[template] == 1}
    # a resource named by the same property of the same resource in both (the EIP whose
    # AllocationId a NAT gateway uses) is the same resource
    for logical, body in resources.items():
        other = theirs.get(logical)
        if not isinstance(other, dict) or not isinstance(other.get("Properties"), dict):
            continue
        for key, value in body.get("Properties", {}).items():
            mine, template = _named(value), _named(other["Properties"].get(key))
            if mine and template and mine not in theirs and mine not in found \
                    and template in unmatched and template not in found.values() \
                    and unmatched[template].get("Type") == resources.get(mine, {}).get("Type"):
                found[mine] = template
    return found


def _named(value: Any) -> str | None:
    """The resource ``value`` is a ``Ref`` to or an attribute of, if it is nothing else."""
    if isinstance(value, dict) and len(value) == 1:
        key, args = next(iter(value.items()))
        if key == "Ref" and isinstance(args, str):
            return args
        if key == "Fn::GetAtt" and isinstance(args, list) and args and isinstance(args[0], str):
            return args[0]
        if key == "Fn::GetAtt" and isinstance(args, str):
            return args.partition(".")[0]
    return None


def _renamed(resources: dict, renamed: dict[str, str]) -> dict:
    """``resources`` with the ids in ``renamed`` replaced, in their keys and wherever they are
    named (``Ref``, ``Fn::GetAtt``, ``Fn::Sub``, ``DependsOn``)."""
    out = {}
    for logical, body in resources.items():
        body = {k: (rename(v, renamed.get) if k == "Properties" else v) for k, v in body.items()}
        if "DependsOn" in body:
            depends = body["DependsOn"]
            body["DependsOn"] = renamed.get(depends, depends) if isinstance(depends, str) else [
                renamed.get(d, d) for d in depends]
        out[renamed.get(logical, logical)] = body
    return out


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
