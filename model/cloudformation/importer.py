"""Reading a CloudFormation template into a :class:`~model.diagram.Diagram`.

The steps, in order:

1. read the text (YAML with short forms, or JSON) with a location for every value;
2. check the sections, decide each resource's ``Condition``, and check the dependency graph (names
   that exist, no cycles);
3. decide what each resource becomes (a kind, folded into another, or generic), then build the
   resources that create model resources, in template order, then fold the others in;
4. add what AWS creates implicitly (main route tables, default network ACLs), apply the Kumozu
   metadata of templates Kumozu wrote, place everything in its container;
5. apply everything to a new diagram as one edit.

Every problem a user can cause is a :class:`~model.errors.LoadError` naming the file, line and,
where there is one, the resource. Cost: linear in the template's size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import kinds as _kinds
from ..diagram import Diagram
from ..edits import AddRelation, AddResource, Composite, SetMetadata
from ..errors import DiagramError, LoadError, PropertyError
from ..frozen import freeze
from ..addresses import malformed_addresses
from ..resources import Relation, Resource
from ..yaml_source import LocatedMap
from ..schema import check_value
from . import implicit, mappers, metadata, placement, preserve
from .attributes import known_attribute
from .checks import address_error, check_format_version
from .context import ImportContext
from .dependencies import check_cycles, dependency_graph, references_in
from .dumper import parse_expression
from .intrinsics import NO_VALUE, UNKNOWN, Evaluator, Parameter, Residual
from .mappers.common import generic
from .source import read_template, where, where_key

__all__ = ["ImportResult", "load_template", "import_document"]

_LOGICAL_ID = re.compile(r"^[A-Za-z0-9]+$")
_SECTIONS = ("AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings",
             "Conditions", "Transform", "Resources", "Outputs", "Hooks")


@dataclass
class ImportResult:
    diagram: Diagram
    #: Things worth telling the user: implicit resources added, resources left out by their
    #: condition, values kept symbolic, types kept as generic resources.
    notes: list[str] = field(default_factory=list)


def load_template(data: bytes, path: str, region: str = "us-east-1") -> ImportResult:
    """Read a template. Raises :class:`LoadError` for anything that cannot be read."""
    document = read_template(data, path)
    return import_document(document, path, region)


def import_document(document: Any, path: str, region: str = "us-east-1") -> ImportResult:
    """Import template data already read (located, or plain dicts and lists)."""
    return _Importer(path, region).run(document)


class _Importer:
    def __init__(self, path: str, region: str):
        self.path = path
        self.region = region
        self.notes: list[str] = []

    def fail(self, message: str, container: Any = None, key: Any = None,
             at_key: bool = False) -> LoadError:
        locate = where_key if at_key else where
        line, column = locate(container, key) if container is not None else (None, None)
        return LoadError(message, self.path, line, column)

    # ------------------------------------------------------------------ sections
    def run(self, doc: Any) -> ImportResult:
        if not isinstance(doc, dict):
            raise self.fail("a CloudFormation template must be a mapping with a Resources section")
        check_format_version(doc, self.path)
        for key in doc:
            if key not in _SECTIONS:
                self.notes.append(f"the template section '{key}' is not a CloudFormation section; "
                                  f"it is ignored")
        resources = doc.get("Resources")
        if not isinstance(resources, dict) or not resources:
            raise self.fail("the template has no resources (a Resources section is required)",
                            doc, "Resources" if "Resources" in doc else None)
        for name, body in resources.items():
            self.check_resource(resources, name, body)
        if doc.get("Transform") is not None:
            self.notes.append(f"the template uses the transform {doc['Transform']}; resources it "
                              f"would create are not shown, and its own types are kept as written")
        parameters = self.parameters(doc)
        mappings = self.section(doc, "Mappings")
        conditions = self.section(doc, "Conditions")
        types = {name: body["Type"] for name, body in resources.items()}
        evaluator = Evaluator(self.path, self.region, parameters, mappings, conditions, types)
        included = self.included(resources, evaluator)
        graph = dependency_graph(resources, parameters, self.condition_of(evaluator), self.path)
        check_cycles(graph.subgraph(included).copy(), self.path)
        self.check_outputs(doc, resources, parameters, evaluator)
        ctx = ImportContext(self.path, self.region, included, evaluator)
        ctx.notes = self.notes
        evaluator.attribute = lambda rid, name: known_attribute(ctx, rid, name)
        return self.build(ctx, doc)

    def check_resource(self, resources: dict, name: Any, body: Any) -> None:
        if not isinstance(name, str) or not _LOGICAL_ID.match(name):
            raise self.fail(f"'{name}' is not a valid logical id: CloudFormation allows letters and "
                            f"digits only", resources, name, at_key=True)
        if not isinstance(body, dict):
            raise self.fail(f"resource '{name}' must be a mapping with a Type", resources, name,
                            at_key=True)
        if not isinstance(body.get("Type"), str) or not body["Type"]:
            if "Type" in body:
                raise self.fail(f"resource '{name}' has no Type", body, "Type")
            raise self.fail(f"resource '{name}' has no Type", resources, name, at_key=True)

    def section(self, doc: dict, name: str) -> dict:
        value = doc.get(name)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(f"the {name} section must be a mapping", doc, name)
        return value

    def parameters(self, doc: dict) -> dict[str, Parameter]:
        out = {}
        section = self.section(doc, "Parameters")
        kumozu = (doc.get("Metadata") or {}).get(metadata.KUMOZU) if isinstance(
            doc.get("Metadata"), dict) else None
        symbolic = kumozu.get("unresolved") if isinstance(kumozu, dict) else None
        symbolic = symbolic if isinstance(symbolic, dict) else {}
        empty = kumozu.get("empty") if isinstance(kumozu, dict) else None
        empty = set(empty) if isinstance(empty, list) else set()
        for name, body in section.items():
            if not isinstance(body, dict) or not isinstance(body.get("Type"), str):
                raise self.fail(f"parameter '{name}' needs a Type", section, name)
            kind = body["Type"]
            default = body.get("Default")
            line = where(section, name)[0]
            if name in empty:  # stands for a value the design left empty
                value = NO_VALUE
            elif isinstance(symbolic.get(name), str):
                value = Residual(parse_expression(symbolic[name]))
            elif default is None or kind.startswith("AWS::SSM::Parameter::Value"):
                value = Residual({"Ref": name})
            elif kind == "CommaDelimitedList" or kind.startswith("List<"):
                value = [str(v).strip() for v in default] if isinstance(default, list) else \
                    [part.strip() for part in str(default).split(",")]
            else:
                value = default if isinstance(default, str) else _text(default)
            out[name] = Parameter(name, kind, value, line)
        return out

    def condition_of(self, evaluator: Evaluator):
        def decide(name: str):
            try:
                return evaluator.condition(name)
            except LoadError:
                return UNKNOWN  # reported with its location when the value is evaluated
        return decide

    def included(self, resources: dict, evaluator: Evaluator) -> dict:
        """The resources whose Condition is not false; the others are noted."""
        # Located like ``resources``, so that an error about a resource can name its line.
        out = LocatedMap(resources.line, resources.column) if isinstance(resources, LocatedMap) else {}
        for name, body in resources.items():
            condition = body.get("Condition")
            if condition is not None:
                evaluator.context = f"resource '{name}'"
                decided = evaluator.condition(condition, where(body, "Condition"))
                evaluator.context = ""
                if decided is False:
                    evaluator.excluded[name] = condition
                    self.notes.append(f"{name}: left out, because its condition {condition} is false")
                    continue
                if decided is UNKNOWN:
                    self.notes.append(f"{name}: kept, although its condition {condition} depends on "
                                      f"values the template does not give")
            if isinstance(out, LocatedMap):
                out.put(name, body, *resources.where(name), *resources.where_key(name))
            else:
                out[name] = body
        return out

    def check_outputs(self, doc: dict, resources: dict, parameters: dict, evaluator: Evaluator) -> None:
        outputs = self.section(doc, "Outputs")
        for name, body in outputs.items():
            for target, pos, how in references_in(body, self.condition_of(evaluator),
                                                  where(outputs, name)):
                if target not in resources and target not in parameters \
                        and not target.startswith("AWS::"):
                    raise LoadError(f"output '{name}': {how} names '{target}', which is neither a "
                                    f"parameter nor a resource in this template", self.path, *pos)

    # ------------------------------------------------------------------ building
    def build(self, ctx: ImportContext, doc: dict) -> ImportResult:
        for logical in ctx.resources:
            ctx.assign_id(logical)
        design = metadata.read_template_metadata(ctx, doc.get("Metadata"))
        metadata.note_skip_implicit(ctx)
        decisions = self.plan(ctx)
        for logical, decision in decisions.items():
            if decision is not None:
                self.create(ctx, logical, decision)
        decisions = {l: d for l, d in decisions.items() if l not in ctx.skipped}
        implicit.add_implicit_resources(ctx)
        folding = [(mappers.mapper_for(ctx.type_of(l)).phase, i, l)
                   for i, (l, d) in enumerate(decisions.items()) if d is None]
        for _, _, logical in sorted(folding):
            self.fold(ctx, logical)
        mappers.finish(ctx)
        implicit.fill_implicit(ctx)
        implicit.finish_implicit(ctx)
        metadata.apply_resource_metadata(ctx)
        placement.place(ctx)
        diagram = self.diagram(ctx, doc, design)
        preserve.remember(diagram, doc, ctx.ev.excluded)
        return ImportResult(diagram, ctx.notes)

    def plan(self, ctx: ImportContext) -> dict[str, str | None]:
        """What each resource becomes. Mappers with a fixed kind are planned first, so that the
        plans that look at other resources (a listener at its load balancer) can see them."""
        decisions: dict[str, str | None] = {}
        creating, folding = [], []
        for logical in ctx.resources:
            mapper = mappers.mapper_for(ctx.type_of(logical))
            if ctx.kumozu(logical).get("implied") and (mapper is None or mapper.plan is None):
                ctx.skip(logical)  # written by Kumozu for another resource's settings
                continue
            if mapper is None:
                ctx.plan(logical, "GenericResource")
                decisions[logical] = "GenericResource"
                self.notes.append(f"{logical}: {ctx.type_of(logical)} is not a type Kumozu models; "
                                  f"it is kept as a generic resource")
            elif mapper.plan is None:
                if mapper.kind is not None:
                    ctx.plan(logical, mapper.kind)
                decisions[logical] = mapper.kind
            else:
                decisions[logical] = None
                (creating if mapper.kind else folding).append(logical)
        for logical in creating + folding:
            mapper = mappers.mapper_for(ctx.type_of(logical))
            try:
                decision = mapper.plan(ctx, logical)
            except LoadError:
                raise
            except (KeyError, TypeError, AttributeError, ValueError, IndexError) as exc:
                ctx.note(logical, f"could not be read ({type(exc).__name__}: {exc}); it is kept "
                                  f"as a generic resource")
                decision = "GenericResource"
            if decision is not None:
                ctx.plan(logical, decision)
            decisions[logical] = decision
        return decisions

    def create(self, ctx: ImportContext, logical: str, decision: str) -> None:
        mapper = mappers.mapper_for(ctx.type_of(logical))
        if decision == "GenericResource" or mapper is None:
            generic(ctx, logical)
            return
        try:
            mapper.build(ctx, logical)
        except LoadError:
            raise
        except (KeyError, TypeError, AttributeError, ValueError, IndexError) as exc:
            ctx.drafts.pop(ctx.model_ids[logical], None)
            ctx.kinds[ctx.model_ids[logical]] = "GenericResource"
            ctx.note(logical, f"could not be read as {_kinds.kind(decision).label.lower()} "
                              f"({type(exc).__name__}: {exc}); it is kept as a generic resource")
            generic(ctx, logical)

    def fold(self, ctx: ImportContext, logical: str) -> None:
        mapper = mappers.mapper_for(ctx.type_of(logical))
        try:
            mapper.build(ctx, logical)
        except LoadError:
            raise
        except (KeyError, TypeError, AttributeError, ValueError, IndexError) as exc:
            ctx.aliases.pop(logical, None)
            ctx.model_ids[logical] = ctx.model_ids.get(logical) or logical
            ctx.plan(logical, "GenericResource")
            ctx.note(logical, f"could not be folded into the resource it belongs to "
                              f"({type(exc).__name__}: {exc}); it is kept as a generic resource")
            generic(ctx, logical)

    def diagram(self, ctx: ImportContext, doc: dict, design: dict) -> Diagram:
        diagram = Diagram()
        edits: list = [SetMetadata("region", diagram.metadata("region"), self.region)]
        description = doc.get("Description")
        if isinstance(description, str) and description:
            edits.append(SetMetadata("description", "", description.strip()))
        for key in ("title", "environment"):
            if isinstance(design.get(key), str):
                edits.append(SetMetadata(key, diagram.metadata(key), design[key]))
        for draft in _parents_first(ctx):
            kind = _kinds.kind(draft.kind)
            values = {}
            for f in kind.fields:
                try:
                    values[f.name] = check_value(f, freeze(draft.props.get(f.name, f.default)),
                                                 f"{draft.id}.{f.name}")
                except PropertyError as exc:
                    raise self.fail_draft(ctx, draft, str(exc)) from None
                for bad in malformed_addresses(f, values[f.name]):
                    raise address_error(ctx.resources, draft.logical,
                                        f"resource '{draft.logical or draft.id}'", f, bad, self.path)
            record = Resource(draft.id, draft.kind, draft.name or draft.id, draft.parent,
                              freeze(values))
            edits.append(AddResource(record))
        ids = set(ctx.drafts)
        for rel_id, body in (design.get("relations") or {}).items():
            if body["from"] not in ids or body["to"] not in ids:
                ctx.note(None, f"the connection {rel_id} names a resource the template does not "
                               f"hold; it is left out")
                continue
            properties = {k: v for k, v in (body.get("properties") or {}).items()}
            edits.append(AddRelation(Relation(str(rel_id), body.get("kind", "connection"),
                                              body["from"], body["to"], freeze(properties))))
        try:
            diagram.apply(Composite(tuple(edits), "Open template"))
        except DiagramError as exc:
            raise LoadError(f"the template cannot be drawn: {exc}", self.path) from None
        return diagram

    def fail_draft(self, ctx: ImportContext, draft, message: str) -> LoadError:
        line = ctx.line_of(draft.logical) if draft.logical in ctx.resources else None
        return LoadError(f"resource '{draft.logical or draft.id}': {message}", self.path, line)


def _parents_first(ctx: ImportContext) -> list:
    ordered, placed = [], set()
    drafts = ctx.drafts
    for draft in ctx.sorted_drafts():
        chain = []
        current = draft
        while current is not None and current.id not in placed and current.id not in chain:
            chain.append(current.id)
            current = drafts.get(current.parent) if current.parent else None
        for rid in reversed(chain):
            if rid not in placed:
                placed.add(rid)
                ordered.append(drafts[rid])
    return ordered


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
