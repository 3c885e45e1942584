"""The state of one export: which model resources become template resources, their logical ids,
and the conversions every kind's writer shares (references, symbolic values, parameters, tags).
"""

from __future__ import annotations

import re
from typing import Any

from ..diagram import Diagram, iter_tree
from ..frozen import thaw
from ..resources import Resource
from ..schema import Unresolved
from .dumper import parse_expression
from .forms import names_in, rename
from .ids import camel, logical_ids, unique

__all__ = ["Writer", "is_exported", "native"]

_ALNUM = re.compile(r"^[A-Za-z0-9]+$")
_CONDITIONAL = ("Fn::If", "Condition")


def is_exported(diagram: Diagram, record: Resource) -> bool:
    """Whether the resource becomes a template resource. Regions and Availability Zones are
    drawing containers; an existing VPC or subnet is referred to, not created; a main route table
    with only local routes and a default network ACL are created by AWS with their VPC."""
    kind = record.kind
    if kind in ("Region", "AvailabilityZone"):
        return False
    if kind in ("Vpc", "Subnet") and record.get("existing") not in ("", None):
        return False
    if kind == "RouteTable" and record.get("main") and not record.get("routes"):
        return False
    if kind == "NetworkAcl" and record.get("default"):
        return False
    return True


def native(value: Any) -> Any:
    """A model value as the native format writes it (Unresolved as ``{unresolved: ...}``)."""
    value = thaw(value)
    if isinstance(value, Unresolved):
        return {"unresolved": value.expression}
    if isinstance(value, dict):
        return {k: native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [native(v) for v in value]
    return value


class Writer:
    """Collects the template while the kind writers add resources to it."""

    def __init__(self, diagram: Diagram, patches):
        self.d = diagram
        self.patches = patches
        self.records = list(iter_tree(diagram))
        exported = [r.id for r in self.records if is_exported(diagram, r)]
        self.logical = logical_ids(exported)
        self.taken: set[str] = set(self.logical.values())
        self.resources: dict[str, dict] = {}
        self.parameters: dict[str, dict] = {}
        self.unresolved: dict[str, str] = {}
        #: Parameters standing for a required value the design leaves empty.
        self.empty: set[str] = set()
        self.owner: dict[str, str] = {}        # logical id -> model id it was written for
        self.region = _design_region(diagram)
        #: Logical ids decided before the resources they name are written, because resources
        #: written earlier depend on them: a VPC's IPv6 block, an internet gateway's attachment.
        self.ipv6_blocks: dict[str, str] = {}
        self.attachments: dict[str, str] = {}
        self.profiles: dict[str, str] = {}
        self.permissions: dict[tuple, str] = {}
        self.listener_ids: dict[tuple[str, int], str] = {}
        self.listeners_forwarding_to: dict[str, list[str]] = {}
        for record in diagram.of_kind("LoadBalancer"):
            for i, listener in enumerate(record.get("listeners", ())):
                logical = self.helper_id(record, f"Listener{i + 1}")
                self.listener_ids[(record.id, i)] = logical
                groups = [listener.get("target_group")] + [
                    rule.get("target_group") for rule in listener.get("rules", ())]
                for group in groups:
                    if isinstance(group, str) and group:
                        self.listeners_forwarding_to.setdefault(group, []).append(logical)
        self.api_domains: dict[tuple[str, str], str] = {}
        for record in diagram.of_kind("ApiGateway"):
            if record.id in self.logical and isinstance(record.get("custom_domain"), str) \
                    and record.get("custom_domain"):
                self.api_domains[(record.id, "domain")] = self.helper_id(record, "Domain")
        for record in diagram.of_kind("InternetGateway"):
            vpc = diagram.get(record.get("vpc")) if isinstance(record.get("vpc"), str) else None
            if record.id in self.logical and vpc is not None:
                self.attachments[record.id] = self.helper_id(record, "Attachment")

    # ------------------------------------------------------------------ resources
    def helper_id(self, owner: Resource, suffix: str) -> str:
        """A logical id for a resource written to express part of ``owner`` (its EIP, a route)."""
        return unique(f"{self.logical.get(owner.id) or camel(owner.id)}{suffix}", self.taken)

    def add(self, logical: str, resource_type: str, properties: dict, owner: Resource, *,
            depends_on=(), metadata: dict | None = None, **attributes: Any) -> str:
        body: dict[str, Any] = {"Type": resource_type}
        depends = sorted(set(d for d in depends_on if d), key=str)
        if depends:
            body["DependsOn"] = depends[0] if len(depends) == 1 else depends
        body.update(attributes)
        if metadata:
            body["Metadata"] = {"Kumozu": metadata}
        body["Properties"] = {k: v for k, v in properties.items() if v is not None}
        if not body["Properties"]:
            del body["Properties"]
        self.resources[logical] = body
        self.owner[logical] = owner.id
        return logical

    def main(self, record: Resource) -> str:
        """The logical id of the resource written for ``record`` itself."""
        return self.logical[record.id]

    def implied(self) -> dict:
        return {"implied": True}

    # ------------------------------------------------------------------ values
    def ref(self, rid: Any, attribute: str | None = None, *, kind_hint: str = "String") -> Any:
        """How the template names a model resource: ``!Ref`` (or ``!GetAtt`` with ``attribute``)
        of its logical id, an existing VPC's or subnet's id, or None when it has no template form
        (a design-only resource, or an id that no longer exists)."""
        if isinstance(rid, Unresolved):
            return self.symbolic(rid, kind_hint)
        record = self.d.get(rid) if isinstance(rid, str) else None
        if record is None:
            return None
        logical = self.logical.get(record.id)
        if logical is not None:
            return {"Ref": logical} if attribute is None else {"Fn::GetAtt": [logical, attribute]}
        if record.kind in ("Vpc", "Subnet") and record.get("existing"):
            return self.existing(record)
        if record.kind == "NetworkAcl" and record.get("default"):
            vpc = self.vpc_of(record)
            if vpc is not None and vpc.id in self.logical:
                return {"Fn::GetAtt": [self.logical[vpc.id], "DefaultNetworkAcl"]}
        return None

    def refs(self, values: Any, attribute: str | None = None) -> Any:
        """A reference list: a list of forms, or one symbolic value standing for the list."""
        if isinstance(values, Unresolved):
            return self.symbolic(values, "CommaDelimitedList")
        out = [self.ref(v, attribute) for v in values or ()]
        return [v for v in out if v is not None]

    def existing(self, record: Resource) -> Any:
        """An existing VPC's or subnet's id: as written (``vpc-0abc...``), its symbolic value, or a
        parameter to be given at deploy time."""
        value = record.get("existing")
        if isinstance(value, Unresolved):
            return self.symbolic(value)
        prefix = "vpc-" if record.kind == "Vpc" else "subnet-"
        if isinstance(value, str) and value.startswith(prefix):
            return value
        # not an id (the default VPC, or a name): a parameter that keeps the design's value as its
        # default, so the import finds the same existing VPC or subnet again
        return self.parameter(f"{camel(record.id)}Id", "String",
                              f"The id of the existing {record.kind.lower()} {record.label}",
                              default=value if isinstance(value, str) else None)

    def value(self, value: Any, kind_hint: str = "String") -> Any:
        """A property value: symbolic values become their intrinsic, others stay as they are."""
        if isinstance(value, Unresolved):
            return self.symbolic(value, kind_hint)
        if isinstance(value, tuple):
            return [self.value(v, kind_hint) for v in value]
        return value

    def symbolic(self, value: Unresolved, kind_hint: str = "String") -> Any:
        """The intrinsic an Unresolved stands for, with the resources it names renamed to logical
        ids and the parameters it names declared. One that cannot be written as an intrinsic (it
        depends on a template condition, or names something gone) becomes a parameter of its own,
        remembered in the Kumozu metadata so that importing gives the same value back."""
        form = parse_expression(value.expression)
        if not isinstance(form, (dict, list)):
            return form
        names = names_in(form)
        expressible = not _has_conditional(form)
        for name in names:
            if name in self.logical or name in self.parameters:
                continue
            record = self.d.get(name)
            if record is not None or not _ALNUM.match(name):
                expressible = False
        if not expressible:
            for existing, expression in self.unresolved.items():
                if expression == value.expression:
                    return {"Ref": existing}
            name = unique(f"Unresolved{len(self.unresolved) + 1}", self.taken | set(self.parameters))
            self.unresolved[name] = value.expression
            return self.parameter(name, kind_hint, f"A value the design leaves open: "
                                                   f"{value.expression}"[:4000])
        for name in names:
            if name not in self.logical and name not in self.parameters:
                self.parameter(name, kind_hint, "A value the design leaves open")
        return rename(form, self.logical.get)

    def parameter(self, name: str, kind: str = "String", description: str = "",
                  default: Any = None, **extra: Any) -> dict:
        if name not in self.parameters:
            body: dict[str, Any] = {"Type": kind}
            if description:
                body["Description"] = description
            if default is not None:
                body["Default"] = default
            body.update(extra)
            self.parameters[name] = body
            self.taken.add(name)
        return {"Ref": name}

    def zone(self, zone: Any) -> Any:
        """An Availability Zone name, through a parameter whose default is the name (a template
        stays deployable without hard-coding zones, which cfn-lint warns about)."""
        if isinstance(zone, Unresolved):
            return self.symbolic(zone)
        if not isinstance(zone, str) or not zone:
            return None
        return self.parameter(f"Zone{camel(zone)}", "AWS::EC2::AvailabilityZone::Name",
                              f"Availability Zone {zone}", default=zone)

    def tags(self, record: Resource) -> list | None:
        """A Name tag when the resource's name is not just its id."""
        if record.name and record.name != record.id:
            return [{"Key": "Name", "Value": record.name}]
        return None

    # ------------------------------------------------------------------ questions
    def vpc_of(self, record: Resource) -> Resource | None:
        from ..queries import vpc_of
        return vpc_of(self.d, record.id)

    def subnet_of(self, record: Resource) -> Resource | None:
        for ancestor in self.d.ancestors(record.id):
            if ancestor.kind == "Subnet":
                return ancestor
        return None


def _has_conditional(form: Any) -> bool:
    if isinstance(form, dict):
        return any(k in _CONDITIONAL or _has_conditional(v) for k, v in form.items())
    if isinstance(form, list):
        return any(_has_conditional(v) for v in form)
    return False


def _design_region(diagram: Diagram) -> str:
    regions = {r.get("region") for r in diagram.of_kind("Region") if r.get("region")}
    return regions.pop() if len(regions) == 1 else diagram.region
