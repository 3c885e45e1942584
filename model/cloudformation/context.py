"""The state of one import: the template's resources, the model resources being drafted from them,
and the conversions every type mapper shares (references, VPCs a template only refers to, notes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from .. import kinds as _kinds
from ..errors import LoadError
from ..naming import natural_key
from ..schema import ID_PATTERN, Unresolved
from .dumper import expression
from .forms import rename
from .intrinsics import NO_VALUE, Evaluator, Residual, ResourceRef
from .source import where, where_key
from .values import ValueProblem, is_unknown, unresolved

__all__ = ["Draft", "ImportContext", "DEFAULT_VPC_CIDR"]

#: Every default VPC has this block (https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html).
DEFAULT_VPC_CIDR = "172.31.0.0/16"


@dataclass
class Draft:
    """A model resource being built from the template."""

    id: str
    kind: str
    props: dict
    name: str
    #: The logical id it comes from; None for resources the import adds (implicit, containers).
    logical: str | None
    order: int
    #: A container the mapper knows this resource belongs in (a subnet, a VPC, a cluster).
    parent_hint: str | None = None
    #: The parent named in the resource's Kumozu metadata; wins over everything else.
    parent: str | None = None
    explicit_parent: bool = False
    #: Property values from Kumozu metadata, applied after mapping.
    overrides: dict = field(default_factory=dict)


class ImportContext:
    def __init__(self, path: str, region: str, resources: dict, evaluator: Evaluator):
        self.path = path
        self.region = region
        self.resources = resources          # logical id -> raw resource body (included ones)
        self.ev = evaluator
        self.drafts: dict[str, Draft] = {}
        self.model_ids: dict[str, str] = {}  # logical id -> model id of the resource it became
        self.renames: dict[str, str] = {}    # logical id -> model id, where the two differ
        self.kinds: dict[str, str] = {}      # model id -> kind, known before the drafts are filled
        self.aliases: dict[str, str] = {}    # logical id of a folded-in resource -> model id
        self.notes: list[str] = []
        self._props: dict[str, dict] = {}
        self._external: dict[str, str] = {}  # expression -> placeholder id
        self.implicit_for: dict[tuple[str, str], str] = {}  # (vpc id, role) -> implicit resource id
        self.skip_implicit: set[str] = set()  # VPCs whose implicit resources the metadata lists
        self.design_only: set[str] = set()    # resources listed in the template's Kumozu metadata
        self.skipped: set[str] = set()        # logical ids written only to express another resource

    # ------------------------------------------------------------------ template access
    def type_of(self, logical: str) -> str:
        return self.resources[logical]["Type"]

    def line_of(self, logical: str) -> int | None:
        """The line of the resource's logical id."""
        return where_key(self.resources, logical)[0]

    def props(self, logical: str) -> dict:
        """The resource's properties with every intrinsic evaluated (computed once)."""
        cached = self._props.get(logical)
        if cached is not None:
            return cached
        body = self.resources[logical]
        raw = body.get("Properties")
        if raw is None:
            value: dict = {}
        elif not isinstance(raw, dict):
            raise LoadError(f"resource '{logical}': Properties must be a mapping", self.path,
                            *where(body, "Properties"))
        else:
            saved, self.ev.context = self.ev.context, f"resource '{logical}'"
            try:
                value = self.ev.evaluate(raw, where(body, "Properties"))
            finally:
                self.ev.context = saved
            if value is NO_VALUE:
                value = {}
            elif not isinstance(value, dict):
                raise LoadError(f"resource '{logical}': Properties must be a mapping", self.path,
                                *where(body, "Properties"))
        if self.renames:
            value = self._renamed(value)
        self._props[logical] = value
        return value

    def _renamed(self, value: Any) -> Any:
        """Evaluated values naming resources by model id (they differ from logical ids only in
        templates Kumozu wrote for designs whose ids are not alphanumeric)."""
        if isinstance(value, ResourceRef):
            return ResourceRef(self.renames.get(value.id, value.id), value.attribute)
        if isinstance(value, Residual):
            return Residual(rename(value.form, self.renames.get),
                            frozenset(self.renames.get(r, r) for r in value.resources))
        if isinstance(value, dict):
            return {k: self._renamed(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._renamed(v) for v in value]
        return value

    def of_type(self, *types: str) -> list[str]:
        return [name for name, body in self.resources.items() if body["Type"] in types]

    def kumozu(self, logical: str) -> dict:
        metadata = self.resources[logical].get("Metadata")
        value = metadata.get("Kumozu") if isinstance(metadata, dict) else None
        return value if isinstance(value, dict) else {}

    # ------------------------------------------------------------------ notes
    def note(self, logical: str | None, message: str) -> None:
        where_ = ""
        if logical is not None and logical in self.resources:
            line = self.line_of(logical)
            where_ = f"{logical} (line {line}): " if line else f"{logical}: "
        self.notes.append(where_ + message)

    def attempt(self, logical: str, what: str, convert: Callable, value: Any, *args) -> Any:
        """``convert(value, *args)``; a value that does not fit is noted and the default used."""
        try:
            return convert(value, *args)
        except ValueProblem as problem:
            default = args[0] if args else None
            self.note(logical, f"{what}: {problem}; {_shown(default)} is used instead")
            return default

    # ------------------------------------------------------------------ drafts
    def assign_id(self, logical: str) -> str:
        """The model id a template resource becomes: its Kumozu id, else its logical id."""
        rid = self.kumozu(logical).get("id", logical)
        if not isinstance(rid, str) or not ID_PATTERN.match(rid):
            raise LoadError(f"resource '{logical}': Metadata Kumozu id '{rid}' is not a valid id",
                            self.path, self.line_of(logical))
        if rid in self.model_ids.values() and self.model_ids.get(logical) != rid:
            raise LoadError(f"resource '{logical}': the id '{rid}' is used twice", self.path,
                            self.line_of(logical))
        self.model_ids[logical] = rid
        if rid != logical:
            self.renames[logical] = rid
        return rid

    def plan(self, logical: str, kind: str) -> str:
        """Say which kind a template resource becomes, before any is filled in."""
        rid = self.model_ids[logical]
        self.kinds[rid] = kind
        return rid

    def skip(self, logical: str) -> None:
        """Leave out a resource Kumozu wrote only to make another one deployable (a function's
        execution role, a trail's bucket policy): references to it mean nothing in the model."""
        self.skipped.add(logical)
        self.model_ids.pop(logical, None)

    def fold(self, logical: str, into: str) -> None:
        """Record that a template resource becomes part of the model resource ``into`` (an EIP of a
        NAT gateway, a listener of a load balancer): references to it mean ``into``."""
        self.model_ids.pop(logical, None)
        self.aliases[logical] = into

    def reserve(self, rid: str, kind: str) -> str:
        """Reserve an id for a resource the import adds, unique among all ids."""
        base, n = rid, 2
        while rid in self.kinds or rid in self.resources:
            rid, n = f"{base}{n}", n + 1
        self.kinds[rid] = kind
        return rid

    def new(self, logical: str, **props: Any) -> Draft:
        """The draft of a planned template resource, with the kind's defaults and ``props``."""
        rid = self.model_ids[logical]
        draft = self._draft(rid, self.kinds[rid], logical, props)
        meta = self.kumozu(logical)
        if isinstance(meta.get("name"), str):
            draft.name = meta["name"]
        else:
            name = _name_tag(self.props(logical).get("Tags"))
            if name:
                draft.name = name
        return draft

    def add(self, rid: str, kind: str, name: str = "", **props: Any) -> Draft:
        """A draft for a resource the import adds; ``rid`` must have been reserved."""
        self.kinds.setdefault(rid, kind)
        draft = self._draft(rid, kind, None, props)
        draft.name = name or rid
        return draft

    def _draft(self, rid: str, kind: str, logical: str | None, props: dict) -> Draft:
        values = {k: _thawed(v) for k, v in _kinds.kind(kind).defaults().items()}
        values.update(props)
        draft = Draft(rid, kind, values, rid, logical, len(self.drafts))
        self.drafts[rid] = draft
        return draft

    def draft_of(self, logical: str) -> Draft | None:
        rid = self.model_ids.get(logical) or self.aliases.get(logical)
        return self.drafts.get(rid) if rid else None

    def logical_of(self, rid: str) -> str:
        """The logical id behind a model id (the same, unless Kumozu metadata renamed it)."""
        if rid in self.resources:
            return rid
        for logical, model_id in self.renames.items():
            if model_id == rid:
                return logical
        return rid

    @staticmethod
    def record(kind: str, path: str, **values: Any) -> dict:
        """A full record of a RECORDS field, ``path`` like ``routes`` or ``listeners.rules``, with
        every sub-field at its default except ``values``."""
        f = _kinds.kind(kind).field_at(path)
        record = {sub.name: _thawed(sub.default) for sub in f.fields}
        record.update(values)
        return record

    # ------------------------------------------------------------------ references
    def target(self, value: Any) -> str | None:
        """The model id a ``Ref``/``Fn::GetAtt`` stands for, if it stands for one."""
        if not isinstance(value, ResourceRef):
            return None
        if value.id in self.aliases:
            return self.aliases[value.id]
        if value.id not in self.kinds:
            return None
        if self.kinds[value.id] == "Vpc" and value.attribute == "DefaultNetworkAcl":
            return self.implicit(value.id, "default-acl")
        if self.kinds[value.id] == "Vpc" and value.attribute == "DefaultSecurityGroup":
            return self.implicit(value.id, "default-sg")
        return value.id

    def ref(self, logical: str, what: str, value: Any, kinds: tuple[str, ...]) -> Any:
        """A reference field's value: the id of a resource of one of ``kinds``, "" for none, or an
        Unresolved for something outside the template (a parameter, an imported value, an ARN)."""
        if value is None or value == "":
            return ""
        if isinstance(value, ResourceRef) and self.logical_of(value.id) in self.skipped:
            return ""
        if isinstance(value, ResourceRef):
            rid = self.target(value)
            kind = self.kinds.get(rid) if rid else None
            if kind in kinds:
                return rid
            body = self.resources.get(self.logical_of(value.id))
            shown = f"a {body['Type']}" if body else "nothing known"
            self.note(logical, f"{what} refers to {value.id}, which is {shown}, not "
                               f"{' or '.join(kinds)}; it is kept as written")
            return unresolved(value)
        if isinstance(value, Residual):
            found = {self.target(ResourceRef(r)) for r in value.resources}
            found = {rid for rid in found if rid and self.kinds.get(rid) in kinds}
            if len(found) == 1:
                return found.pop()
            return unresolved(value)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return Unresolved(expression(str(value)))  # an id or ARN from outside the template
        self.note(logical, f"{what} must name one resource; it is left empty")
        return ""

    def refs(self, logical: str, what: str, value: Any, kinds: tuple[str, ...]) -> Any:
        """A list of references; a list that is unknown as a whole stays one Unresolved."""
        if value is None:
            return []
        if is_unknown(value) and not isinstance(value, ResourceRef):
            return unresolved(value)
        items = value if isinstance(value, list) else [value]
        out = [self.ref(logical, what, item, kinds) for item in items]
        return [item for item in out if item != ""]

    # ------------------------------------------------------------------ VPCs and subnets
    def vpc(self, logical: str, value: Any) -> str | None:
        """The VPC a ``VpcId`` names: a template VPC, else an existing VPC drawn for it."""
        if value is None:
            return None
        rid = self.target(value) if isinstance(value, ResourceRef) else None
        if rid is not None and self.kinds.get(rid) == "Vpc":
            return rid
        return self.external("Vpc", value, logical)

    def subnet(self, logical: str, value: Any, vpc: str | None = None) -> str | None:
        """The subnet a ``SubnetId`` names: a template subnet, else an existing one drawn for it."""
        if value is None:
            return None
        rid = self.target(value) if isinstance(value, ResourceRef) else None
        if rid is not None and self.kinds.get(rid) == "Subnet":
            return rid
        return self.external("Subnet", value, logical, vpc)

    def external(self, kind: str, value: Any, logical: str | None, vpc: str | None = None) -> str:
        """A VPC or subnet the template refers to but does not create (a parameter, an imported
        value, a literal id), drawn once per distinct expression."""
        if isinstance(value, Unresolved):
            shown, existing = value.expression, value
        elif is_unknown(value):
            existing = unresolved(value)
            shown = existing.expression
        else:
            shown = existing = str(value)
        key = f"{kind}:{shown}"
        rid = self._external.get(key) or self._drawn_existing(kind, existing)
        if rid is not None:
            return rid
        param = value.form.get("Ref") if isinstance(value, Residual) and \
            isinstance(value.form, dict) else None
        count = sum(1 for k in self._external if k.startswith(f"{kind}:")) + 1
        base = param if isinstance(param, str) and not param.startswith("AWS::") \
            else f"Existing{kind}{count}"
        rid = self.reserve(base, kind)
        self._external[key] = rid
        label = "VPC" if kind == "Vpc" else "subnet"
        if kind == "Vpc":
            self.add(rid, "Vpc", f"{label} {shown}", existing=existing,
                     cidr_blocks=[Unresolved(f"the CIDR of {shown}")])
        else:
            draft = self.add(rid, "Subnet", f"{label} {shown}", existing=existing,
                             cidr=Unresolved(f"the CIDR of {shown}"))
            draft.parent_hint = vpc or self.external("Vpc", Unresolved(f"the VPC of {shown}"),
                                                     logical)
        self.note(logical, f"refers to a {label} the template does not create ({shown}); it is "
                           f"drawn as an existing {label} whose addresses are unknown")
        return rid

    def _drawn_existing(self, kind: str, existing: Any) -> str | None:
        """An existing VPC or subnet the template's Kumozu metadata already draws."""
        for rid in self.design_only:
            draft = self.drafts[rid]
            if draft.kind == kind and draft.props.get("existing") == existing:
                return rid
        return None

    def default_vpc(self, logical: str) -> str:
        """The Region's default VPC, for resources a template places nowhere in particular."""
        rid = self._external.get("default-vpc") or self._drawn_existing("Vpc", "default")
        if rid is None:
            rid = self.reserve("DefaultVpc", "Vpc")
            self._external["default-vpc"] = rid
            self.add(rid, "Vpc", "default VPC", existing="default", cidr_blocks=[DEFAULT_VPC_CIDR])
        self.note(logical, "names no VPC, so AWS puts it in the Region's default VPC "
                           f"({DEFAULT_VPC_CIDR}), drawn for it")
        return rid

    def default_subnet(self, logical: str) -> str:
        rid = self._external.get("default-subnet") or self._drawn_existing("Subnet", "default")
        if rid is None:
            vpc = self.default_vpc(logical)
            rid = self.reserve("DefaultSubnet", "Subnet")
            self._external["default-subnet"] = rid
            draft = self.add(rid, "Subnet", "default subnet", existing="default",
                             cidr=Unresolved(f"a default subnet of {DEFAULT_VPC_CIDR}"),
                             map_public_ip_on_launch=True)
            draft.parent_hint = vpc
        return rid

    def implicit(self, vpc: str, role: str) -> str:
        """The id of a resource AWS creates with every VPC (``main-rt``, ``default-acl``,
        ``default-sg``), reserved on first use; :mod:`.implicit` fills it in."""
        key = (vpc, role)
        rid = self.implicit_for.get(key)
        if rid is None:
            kind = {"main-rt": "RouteTable", "default-acl": "NetworkAcl",
                    "default-sg": "SecurityGroup"}[role]
            suffix = {"main-rt": "MainRouteTable", "default-acl": "DefaultNetworkAcl",
                      "default-sg": "DefaultSecurityGroup"}[role]
            rid = self.reserve(f"{_id_stem(vpc)}{suffix}", kind)
            self.implicit_for[key] = rid
        return rid

    def sorted_drafts(self) -> list[Draft]:
        return sorted(self.drafts.values(), key=lambda d: d.order)


def _name_tag(tags: Any) -> str:
    if isinstance(tags, list):
        for tag in tags:
            if isinstance(tag, dict) and tag.get("Key") == "Name" and isinstance(tag.get("Value"), str):
                return tag["Value"]
    return ""


def _thawed(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _thawed(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thawed(v) for v in value]
    return value


def _shown(value: Any) -> str:
    if value in ("", None, [], ()):
        return "nothing"
    return f"'{value}'" if isinstance(value, str) else str(value)


def _id_stem(rid: str) -> str:
    """An id as a prefix for ids derived from it: ``web-vpc`` -> ``web-vpc-``, ``Vpc`` -> ``Vpc``."""
    return rid if re.fullmatch(r"[A-Za-z0-9]+", rid) else rid + "-"


def sort_ids(ids) -> list[str]:
    return sorted(ids, key=natural_key)
