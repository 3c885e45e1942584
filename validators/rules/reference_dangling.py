"""reference-dangling: a reference (other than a route) naming a resource that does not exist."""

from __future__ import annotations

from model import kinds
from model.diagram import Diagram
from model.schema import iter_refs

from ..finding import Severity
from ..rule import Rule


def check(diagram: Diagram):
    for source_id, path, target in diagram.dangling_references():
        source = diagram.get(source_id)
        if source is None:
            continue  # a stale index entry of a removed resource (model issue, reported)
        if source.kind == "RouteTable" and path.startswith("routes."):
            continue  # a route to a deleted target is a blackhole: route-blackhole
        kind = kinds.kind(source.kind)
        if (path, target) not in {(p, t) for p, t, _ in iter_refs(kind, source.properties)}:
            continue  # a stale index entry: the reference was changed since (model issue, reported)
        field = kind.field_at(path)
        yield RULE.finding("{source} refers to {target} as its {field}, but there is no such resource.",
                           [source.id], source=source.label, target=target,
                           field=(field.label if field is not None else path).lower())


RULE = Rule(
    id="reference-dangling",
    severity=Severity.ERROR,
    title="Reference to a resource that does not exist",
    fix="Point the property at an existing resource, add the missing resource, or clear the property.",
    lesson=("Resources refer to one another by id: a subnet to its route table, a load balancer to "
            "its subnets and target groups, a function to its role. When the resource named is not "
            "in the design, AWS cannot create the referring resource as drawn. Templates often have "
            "this after a resource was renamed in one place only."),
    docs="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html",
    watches=tuple(k.name for k in kinds.ALL_KINDS),
    watches_properties={k.name: tuple(f.name for f in k.reference_fields) for k in kinds.ALL_KINDS},
    watches_relations=False,
    check=check,
)
