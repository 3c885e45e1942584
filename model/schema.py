"""The vocabulary kinds are described in: typed fields, kinds, and unresolved values.

A :class:`Field` states a property's type, default and, for references, which kinds it may point at and
what the relation means ("associated with", "routes to"...). A :class:`Kind` states where a resource may
sit and which fields it has. Checking a value against its field is *structural* only: a string where a
number belongs is refused, but an overlapping or oversized CIDR is accepted and left to the validators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Iterator

from .errors import PropertyError
from .frozen import FrozenDict, freeze

__all__ = ["FieldType", "Field", "Kind", "Unresolved", "ROOT", "check_value", "iter_refs",
           "ID_PATTERN"]

#: Stands for "the top of the canvas" in a kind's list of allowed parents.
ROOT = None

#: Resource and relation ids: CloudFormation logical ids (``WebSubnetA``) and hand-written ids
#: (``web-a``) both fit.
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,254}$")


class FieldType(str, Enum):
    STR = "str"
    TEXT = "text"            # multi-line free text
    INT = "int"
    BOOL = "bool"
    ENUM = "enum"
    CIDR4 = "cidr4"          # an IPv4 network, or "" for none
    CIDR6 = "cidr6"          # an IPv6 network, or "" for none
    CIDR = "cidr"            # IPv4 or IPv6 network, or ""
    DESTINATION = "destination"  # a CIDR (v4 or v6) or a prefix-list id such as pl-s3
    CIDR4_LIST = "cidr4_list"
    STR_LIST = "str_list"
    REF = "ref"              # the id of another resource, or ""
    REF_LIST = "ref_list"
    RECORDS = "records"      # a list of small records (routes, rules, listeners...)
    ANY = "any"              # opaque data kept verbatim (unknown CloudFormation properties)


@dataclass(frozen=True)
class Unresolved:
    """A value that could not be known when the design was read (a CloudFormation parameter with no
    default, an imported value...). It is kept as written and shown as such, never invented."""

    expression: str

    def __str__(self) -> str:
        return f"<{self.expression}>"


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    default: Any = None
    label: str = ""
    help: str = ""
    choices: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    #: For REF / REF_LIST (and records' ref fields): the kinds the reference may name.
    ref_kinds: tuple[str, ...] = ()
    #: For references: what the relation means, read from this resource ("routes to").
    relation: str = ""
    #: For RECORDS: the fields of one record.
    fields: tuple["Field", ...] = ()
    #: For references: whether the canvas draws the relation as a line.
    drawn: bool = True

    def __post_init__(self):
        if not self.label:
            object.__setattr__(self, "label", self.name.replace("_", " ").capitalize())
        if self.default is None:
            object.__setattr__(self, "default", _EMPTY_DEFAULTS[self.type])
        object.__setattr__(self, "default", freeze(self.default))

    @property
    def is_reference(self) -> bool:
        return self.type in (FieldType.REF, FieldType.REF_LIST)

    def record_field(self, name: str) -> "Field | None":
        for f in self.fields:
            if f.name == name:
                return f
        return None

    def new_record(self) -> FrozenDict:
        """A record of this RECORDS field with every sub-field at its default."""
        return FrozenDict((f.name, f.default) for f in self.fields)


_EMPTY_DEFAULTS = {
    FieldType.STR: "", FieldType.TEXT: "", FieldType.INT: 0, FieldType.BOOL: False,
    FieldType.ENUM: "", FieldType.CIDR4: "", FieldType.CIDR6: "", FieldType.CIDR: "",
    FieldType.DESTINATION: "", FieldType.CIDR4_LIST: (), FieldType.STR_LIST: (),
    FieldType.REF: "", FieldType.REF_LIST: (), FieldType.RECORDS: (), FieldType.ANY: None,
}


@dataclass(frozen=True)
class Kind:
    """One kind of resource: where it may sit, what it holds, and its typed fields."""

    name: str
    label: str
    category: str
    parents: tuple[str | None, ...]
    fields: tuple[Field, ...] = ()
    container: bool = False
    description: str = ""
    #: The CloudFormation type this kind usually comes from (informational; the importer maps types).
    cfn_type: str = ""
    _by_name: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        self._by_name.update((f.name, f) for f in self.fields)
        if len(self._by_name) != len(self.fields):
            raise ValueError(f"kind {self.name} declares a field twice")

    def field(self, name: str) -> Field | None:
        return self._by_name.get(name)

    def defaults(self) -> FrozenDict:
        return FrozenDict((f.name, f.default) for f in self.fields)

    def field_at(self, path: str) -> Field | None:
        """The field a reference path points into: ``listeners.0.target_group`` -> the listener
        record's ``target_group`` field; ``subnets.2`` -> ``subnets``."""
        parts = [p for p in path.split(".") if not p.isdigit()]
        current = self.field(parts[0]) if parts else None
        for part in parts[1:]:
            if current is None:
                return None
            current = current.record_field(part)
        return current

    @property
    def reference_fields(self) -> tuple[Field, ...]:
        """Fields that hold ids, directly or inside records."""
        return tuple(f for f in self.fields if f.is_reference
                     or (f.type is FieldType.RECORDS and any(s.is_reference for s in f.fields)))

    @property
    def may_be_top_level(self) -> bool:
        return ROOT in self.parents

    @property
    def icon(self) -> str:
        """File stem of the kind's icon in ``icons/``: ``NatGateway`` -> ``nat_gateway``."""
        stem = re.sub(r"(?<!^)(?=[A-Z])", "_", self.name).lower()
        for split, brand in _BRANDS:
            stem = stem.replace(split, brand)
        return stem


# Service names written as one word, which the CamelCase split would break apart.
_BRANDS = (("dynamo_db", "dynamodb"), ("elasti_cache", "elasticache"), ("cloud_front", "cloudfront"),
           ("cloud_trail", "cloudtrail"), ("code_deploy", "codedeploy"))


def check_value(f: Field, value: Any, where: str = "") -> Any:
    """Return ``value`` frozen if it fits ``f`` structurally, else raise :class:`PropertyError`.

    Only the shape is checked. A CIDR field must hold a string, but whether the string is a valid
    network is a semantic question answered by the validators (``cidr-invalid``).
    """
    label = where or f.name
    t = f.type
    if isinstance(value, Unresolved):
        # A list that could not be known is kept as one unknown item, so everything reading the
        # field can still iterate it; unknown records have no such stand-in.
        if t in (FieldType.CIDR4_LIST, FieldType.STR_LIST, FieldType.REF_LIST):
            return (value,)
        if t is FieldType.RECORDS:
            raise PropertyError(f"{label}: a list of records cannot be left unresolved")
        return value
    if t in (FieldType.STR, FieldType.TEXT, FieldType.CIDR4, FieldType.CIDR6, FieldType.CIDR,
             FieldType.DESTINATION, FieldType.REF):
        if not isinstance(value, str):
            raise PropertyError(f"{label}: expected text, got {_describe(value)}")
        return value
    if t is FieldType.ENUM:
        if not isinstance(value, str) or (f.choices and value not in f.choices):
            raise PropertyError(f"{label}: expected one of {', '.join(f.choices)}, got {_describe(value)}")
        return value
    if t is FieldType.INT:
        if isinstance(value, bool) or not isinstance(value, int):
            raise PropertyError(f"{label}: expected a whole number, got {_describe(value)}")
        if f.minimum is not None and value < f.minimum or f.maximum is not None and value > f.maximum:
            raise PropertyError(f"{label}: {value} is outside {f.minimum}..{f.maximum}")
        return value
    if t is FieldType.BOOL:
        if not isinstance(value, bool):
            raise PropertyError(f"{label}: expected true or false, got {_describe(value)}")
        return value
    if t in (FieldType.CIDR4_LIST, FieldType.STR_LIST, FieldType.REF_LIST):
        if not isinstance(value, (list, tuple)):
            raise PropertyError(f"{label}: expected a list, got {_describe(value)}")
        for i, item in enumerate(value):
            if not isinstance(item, (str, Unresolved)):
                raise PropertyError(f"{label}[{i}]: expected text, got {_describe(item)}")
        return tuple(value)
    if t is FieldType.RECORDS:
        if not isinstance(value, (list, tuple)):
            raise PropertyError(f"{label}: expected a list of records, got {_describe(value)}")
        records = []
        for i, record in enumerate(value):
            if not isinstance(record, dict):
                raise PropertyError(f"{label}[{i}]: expected a record, got {_describe(record)}")
            full = dict(f.new_record())
            for key, item in record.items():
                sub = f.record_field(key)
                if sub is None:
                    raise PropertyError(f"{label}[{i}]: unknown field '{key}' "
                                        f"(expected {', '.join(s.name for s in f.fields)})")
                full[key] = check_value(sub, item, f"{label}[{i}].{key}")
            records.append(FrozenDict(full))
        return tuple(records)
    if t is FieldType.ANY:
        return freeze(value)
    raise PropertyError(f"{label}: unsupported field type {t}")  # pragma: no cover - schema bug


def iter_refs(kind: Kind, properties: dict) -> Iterator[tuple[str, str, Field]]:
    """Yield ``(path, target_id, field)`` for every reference a resource's properties hold.

    ``path`` names where the reference sits (``route_table``, ``routes.1.target``) and is stable for
    as long as the properties are. Empty and unresolved references are skipped. Cost: O(size of the
    properties).
    """
    for f in kind.reference_fields:
        value = properties.get(f.name)
        if f.type is FieldType.REF:
            if isinstance(value, str) and value:
                yield f.name, value, f
        elif f.type is FieldType.REF_LIST:
            for i, item in enumerate(value or ()):
                if isinstance(item, str) and item:
                    yield f"{f.name}.{i}", item, f
        else:
            yield from _iter_record_refs(f, value or (), f.name)


def _iter_record_refs(f: Field, records, prefix: str):
    for i, record in enumerate(records):
        if not isinstance(record, dict):
            continue
        for sub in f.fields:
            value = record.get(sub.name)
            path = f"{prefix}.{i}.{sub.name}"
            if sub.type is FieldType.REF and isinstance(value, str) and value:
                yield path, value, sub
            elif sub.type is FieldType.REF_LIST:
                for j, item in enumerate(value or ()):
                    if isinstance(item, str) and item:
                        yield f"{path}.{j}", item, sub
            elif sub.type is FieldType.RECORDS:
                yield from _iter_record_refs(sub, value or (), path)


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
