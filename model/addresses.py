"""Addresses a property holds that do not parse.

A design is what its files can hold: a CIDR field whose text is not a network (``999.1.1.1/8``,
``10.0.0.0/33``) could be written but never read back, so the model refuses it on every edit
(:meth:`~model.diagram.Diagram.apply`), the readers refuse it with the file and line, and the
CloudFormation writer names the resource. Networks that parse but AWS would refuse (a /8 VPC, a
subnet outside its VPC) are for the validators: a user may draw them in order to fix them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from .cidr import is_prefix_list, parse, parse_v4, parse_v6
from .schema import Field, FieldType, Unresolved

__all__ = ["MalformedAddress", "malformed_addresses", "holds_addresses"]

_ADDRESS_TYPES = frozenset({FieldType.CIDR4, FieldType.CIDR6, FieldType.CIDR, FieldType.DESTINATION,
                            FieldType.CIDR4_LIST})
#: id(field) -> whether it or a field of its records holds addresses (fields live as long as the
#: kinds that declare them, so their ids are stable).
_HOLDS: dict[int, bool] = {}


@dataclass(frozen=True)
class MalformedAddress:
    """An address in a property that does not parse: at ``position`` inside the value (``()`` the
    value itself, ``(2,)`` its third item, ``(0, "destination")`` a field of its first record)."""

    position: tuple
    name: str
    text: str
    family: str

    def describe(self, label: str, field: Field) -> str:
        """``subnet 'web': 'cidr' 999.1.1.1/8 is not a valid IPv4 network``."""
        records = [p for p in self.position if isinstance(p, int)]
        where = label
        if any(isinstance(p, str) for p in self.position):  # inside a record
            where = f"{label} {field.name}[{records[0] + 1}]"
        return f"{where}: '{self.name}' {self.text} is not a valid {self.family} network"


def malformed_addresses(field: Field, value: Any, position: tuple = ()) -> Iterator[MalformedAddress]:
    """Every address in ``value`` (a checked value of ``field``) that does not parse as the network
    the field holds. Values left symbolic (:class:`Unresolved`) and empty ones are not addresses.
    A design holding one could not be saved and read back, so the model and every reader refuse it."""
    if isinstance(value, Unresolved):
        return
    t = field.type
    if t is FieldType.CIDR4_LIST:
        for i, item in enumerate(value or ()):
            yield from _malformed(field.name, item, "IPv4", position + (i,))
    elif t in (FieldType.CIDR4, FieldType.CIDR6, FieldType.CIDR, FieldType.DESTINATION):
        if t is FieldType.DESTINATION and is_prefix_list(value):
            return
        family = {FieldType.CIDR4: "IPv4", FieldType.CIDR6: "IPv6"}.get(t, "IP")
        yield from _malformed(field.name, value, family, position)
    elif t is FieldType.RECORDS:
        for i, record in enumerate(value or ()):
            if not isinstance(record, dict):
                continue
            for sub in field.fields:
                yield from malformed_addresses(sub, record.get(sub.name), position + (i, sub.name))


def _malformed(name: str, text: Any, family: str, position: tuple) -> Iterator[MalformedAddress]:
    if isinstance(text, Unresolved) or text in ("", None):
        return
    if {"IPv4": parse_v4, "IPv6": parse_v6}.get(family, parse)(text) is None:
        yield MalformedAddress(position, name, str(text), family)


def holds_addresses(field: Field) -> bool:
    """Whether ``field``, or a field of its records, holds network addresses: the only fields
    :func:`malformed_addresses` has anything to say about. O(1) after the first call per field."""
    known = _HOLDS.get(id(field))
    if known is None:
        known = _HOLDS[id(field)] = field.type in _ADDRESS_TYPES or \
            (field.type is FieldType.RECORDS and any(holds_addresses(f) for f in field.fields))
    return known
