"""The native file format: a YAML document that diffs well in git.

::

    format: kumozu
    version: 1
    title: Dual-AZ web application
    region: ap-northeast-1
    resources:
      web-a:
        kind: Subnet
        parent: az-a
        properties:
          cidr: 10.0.1.0/24
    relations:
      web-to-db: {kind: connection, from: web-a, to: db, properties: {port: 5432}}
    layout:
      web-a: [20, 40, 300, 160]

Resources are written parents first, siblings in natural id order; properties in the kind's order,
defaults left out. Positions live in ``layout`` only, so moving a box changes no semantic line.
Writing is deterministic: loading a file Kumozu wrote and saving it again gives the same bytes.
See ``docs/format.md``.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import yaml

from . import kinds as _kinds
from .addresses import MalformedAddress, malformed_addresses
from .diagram import DEFAULT_METADATA, Diagram, iter_tree
from .edits import AddRelation, AddResource, Composite
from .errors import DiagramError, LoadError, NewerFormatError, PropertyError
from .files import read_bytes
from .frozen import FrozenDict, freeze
from .naming import natural_key, with_article
from .resources import RELATION_KINDS, Geometry, Relation, Resource
from .schema import ID_PATTERN, Field, FieldType, Unresolved, check_value
from .version import FORMAT_VERSION
from .yaml_source import LocatedList, LocatedMap, read_yaml

__all__ = ["load", "loads", "dumps", "is_native", "MAX_FILE_BYTES", "MalformedAddress",
           "malformed_addresses"]

#: Native files larger than this are refused before they are read (10,000 resources take ~3 MB).
MAX_FILE_BYTES = 32 * 1024 * 1024
#: The largest coordinate a layout may hold: a 10,000-resource design spans about 340,000 points;
#: beyond this a canvas (and Qt's integer rectangles) stop making sense, and infinity cannot be saved.
MAX_COORDINATE = 100_000_000

_SECTIONS = ("format", "version", "title", "region", "environment", "description", "resources",
             "relations", "layout")
_RESOURCE_KEYS = ("kind", "name", "parent", "properties")
_RELATION_KEYS = ("kind", "from", "to", "properties")


# ----------------------------------------------------------------------------- reading
def is_native(document: Any) -> bool:
    return isinstance(document, dict) and document.get("format") == "kumozu"


def load(path: str) -> Diagram:
    """Read a native file. Raises :class:`LoadError` (with file, line and column) when it cannot."""
    data = read_bytes(path, MAX_FILE_BYTES, "design file")
    return loads(data, str(path))


def loads(text: str | bytes, path: str | None = None, document: Any = None) -> Diagram:
    """Read native YAML text (or an already parsed located ``document``)."""
    if document is None:
        document = read_yaml(text, path)
    return _Reader(path).read(document)


class _Reader:
    def __init__(self, path: str | None):
        self.path = path

    def fail(self, message: str, where: tuple[int, int] | None = None) -> LoadError:
        line, column = where if where else (None, None)
        return LoadError(message, self.path, line, column)

    def read(self, doc: Any) -> Diagram:
        if not isinstance(doc, LocatedMap):
            raise self.fail("a Kumozu design must be a YAML mapping (format: kumozu, version: 1, ...)")
        if doc.get("format") != "kumozu":
            raise self.fail("this is not a Kumozu design: it has no 'format: kumozu' line",
                            doc.where("format") if "format" in doc else None)
        version = doc.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise self.fail("'version' must be a whole number such as 1", doc.where("version"))
        if version > FORMAT_VERSION:
            raise NewerFormatError(
                f"this design was written by a newer Kumozu (format version {version}; this one "
                f"reads up to {FORMAT_VERSION}). Update Kumozu to open it; the file is left as it is.",
                self.path, *doc.where("version"))
        for key in doc:
            if key not in _SECTIONS:
                raise self.fail(f"unknown section '{key}'{_suggest(key, _SECTIONS)}", doc.where_key(key))
        edits: list = []
        for key in ("title", "region", "environment", "description"):
            if key in doc:
                if not isinstance(doc[key], str):
                    raise self.fail(f"'{key}' must be text", doc.where(key))
        resources = self._section(doc, "resources")
        relations = self._section(doc, "relations")
        layout = self._section(doc, "layout")
        records = {rid: self._resource(rid, body, resources.where(rid))
                   for rid, body in resources.items()}
        geometry = {rid: self._geometry(rid, value, layout.where(rid), records)
                    for rid, value in layout.items()}
        for record in self._parents_first(records, resources):
            edits.append(AddResource(record, geometry.get(record.id)))
        for rel_id, body in relations.items():
            edits.append(AddRelation(self._relation(rel_id, body, relations.where(rel_id), records)))
        diagram = Diagram()
        for key in DEFAULT_METADATA:
            if key in doc:
                diagram._metadata[key] = doc[key]
        try:
            diagram.apply(Composite(tuple(edits), "Open"))
        except DiagramError as exc:  # a structural problem the checks above did not foresee
            raise self.fail(str(exc)) from None
        return diagram

    def _section(self, doc: LocatedMap, key: str) -> LocatedMap:
        value = doc.get(key)
        if value is None:
            return LocatedMap(*doc.where(key))
        if not isinstance(value, LocatedMap):
            raise self.fail(f"'{key}' must be a mapping from ids to entries", doc.where(key))
        for rid in value:
            if not isinstance(rid, str) or not ID_PATTERN.match(rid):
                raise self.fail(f"'{rid}' is not a valid id: use letters, digits and - _ . :",
                                value.where_key(rid))
        return value

    def _resource(self, rid: str, body: Any, where) -> Resource:
        if not isinstance(body, LocatedMap):
            raise self.fail(f"resource '{rid}' must be a mapping with a kind", where)
        for key in body:
            if key not in _RESOURCE_KEYS:
                raise self.fail(f"resource '{rid}': unknown key '{key}'{_suggest(key, _RESOURCE_KEYS)}",
                                body.where_key(key))
        kind_name = body.get("kind")
        if not isinstance(kind_name, str) or not _kinds.is_kind(kind_name):
            names = [k.name for k in _kinds.ALL_KINDS]
            hint = _suggest(str(kind_name), names) if kind_name else " (every resource needs a kind)"
            raise self.fail(f"resource '{rid}': unknown kind '{kind_name}'{hint}",
                            body.where("kind") if "kind" in body else where)
        kind = _kinds.kind(kind_name)
        name = body.get("name", "")
        if not isinstance(name, str):
            raise self.fail(f"resource '{rid}': 'name' must be text", body.where("name"))
        parent = body.get("parent")
        if parent is not None and not isinstance(parent, str):
            raise self.fail(f"resource '{rid}': 'parent' must be the id of a container", body.where("parent"))
        props = body.get("properties") or LocatedMap(*where)
        if not isinstance(props, LocatedMap):
            raise self.fail(f"resource '{rid}': 'properties' must be a mapping", body.where("properties"))
        values = dict(kind.defaults())
        label = f"{kind.label.lower()} '{rid}'"
        for key, value in props.items():
            field = kind.field(key)
            if field is None:
                names = [f.name for f in kind.fields]
                raise self.fail(f"{label}: {with_article(kind.label)} has no property '{key}'"
                                f"{_suggest(key, names)}", props.where_key(key))
            values[key] = self._value(label, field, value, props.where(key))
        return Resource(rid, kind_name, name or rid, parent, FrozenDict(values))

    def _value(self, label: str, field: Field, raw: Any, where) -> Any:
        try:
            checked = check_value(field, _unresolved(raw), field.name)
        except PropertyError as exc:
            raise self.fail(f"{label}: {exc}", where) from None
        self._check_syntax(label, field, checked, raw, where)
        return checked

    def _check_syntax(self, label: str, field: Field, checked: Any, raw: Any, where) -> None:
        """Addresses must at least parse; whether they are sensible is for the validators."""
        for bad in malformed_addresses(field, checked):
            raise self.fail(f"{bad.describe(label, field)} (expected something like "
                            f"{_EXAMPLES[bad.family]})", _located_path(raw, bad.position, where))

    def _geometry(self, rid: str, value: Any, where, records) -> Geometry:
        if rid not in records:
            raise self.fail(f"layout names '{rid}', which is not among the resources", where)
        if isinstance(value, LocatedMap):
            value = value.get("at")
        if (not isinstance(value, list) or len(value) not in (2, 4)
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
            raise self.fail(f"layout of '{rid}' must be [x, y] or [x, y, width, height]", where)
        if not all(-MAX_COORDINATE <= v <= MAX_COORDINATE for v in value):  # also refuses .nan
            raise self.fail(f"layout of '{rid}': positions and sizes must be numbers between "
                            f"-{MAX_COORDINATE:,.0f} and {MAX_COORDINATE:,.0f}", where)
        if len(value) == 4 and (value[2] < 0 or value[3] < 0):
            raise self.fail(f"layout of '{rid}': width and height cannot be negative", where)
        return Geometry(*(float(v) for v in value))

    def _relation(self, rel_id: str, body: Any, where, records) -> Relation:
        if not isinstance(body, LocatedMap):
            raise self.fail(f"relation '{rel_id}' must be a mapping with kind, from and to", where)
        for key in body:
            if key not in _RELATION_KEYS:
                raise self.fail(f"relation '{rel_id}': unknown key '{key}'", body.where_key(key))
        kind = body.get("kind", "connection")
        if kind not in RELATION_KINDS:
            raise self.fail(f"relation '{rel_id}': unknown kind '{kind}' (expected "
                            f"{', '.join(RELATION_KINDS)})", body.where("kind"))
        ends = []
        for key in ("from", "to"):
            end = body.get(key)
            if not isinstance(end, str) or end not in records:
                raise self.fail(f"relation '{rel_id}': '{key}' must name a resource, got '{end}'",
                                body.where(key) if key in body else where)
            ends.append(end)
        props = body.get("properties") or {}
        if not isinstance(props, dict):
            raise self.fail(f"relation '{rel_id}': 'properties' must be a mapping", body.where("properties"))
        port = props.get("port", 0)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
            raise self.fail(f"relation '{rel_id}': port must be a number from 0 to 65535",
                            props.where("port") if isinstance(props, LocatedMap) else where)
        return Relation(rel_id, kind, ends[0], ends[1], freeze(dict(props)))

    def _parents_first(self, records: dict[str, Resource], located: LocatedMap) -> list[Resource]:
        """Resources ordered so every container comes before its contents."""
        ordered: list[Resource] = []
        placed: set[str] = set()
        for rid, record in records.items():
            chain = []
            current = record
            while current is not None and current.id not in placed:
                if current.id in chain:
                    raise self.fail(f"resource '{rid}' is inside itself (containment cycle)",
                                    located.where(rid))
                chain.append(current.id)
                parent = current.parent
                if parent is None:
                    break
                if parent not in records:
                    body = located[current.id]
                    raise self.fail(f"resource '{current.id}': parent '{parent}' is not among the "
                                    f"resources", body.where("parent"))
                current = records[parent]
            for member in reversed(chain):
                self._check_containment(records[member], records, located)
                ordered.append(records[member])
                placed.add(member)
        return ordered

    def _check_containment(self, record: Resource, records, located) -> None:
        kind = _kinds.kind(record.kind)
        parent_kind = records[record.parent].kind if record.parent else None
        if parent_kind not in kind.parents:
            inside = (with_article(_kinds.kind(parent_kind).label) if parent_kind
                      else "the top of the canvas")
            allowed = " or ".join(with_article(_kinds.kind(p).label) if p else "the top level"
                                  for p in kind.parents)
            body = located[record.id]
            raise self.fail(f"resource '{record.id}': {with_article(kind.label)} cannot sit in "
                            f"{inside} (it belongs in {allowed})",
                            body.where("parent") if "parent" in body else located.where(record.id))


_EXAMPLES = {"IPv4": "10.0.1.0/24", "IPv6": "2600:1f18:abcd:1200::/64", "IP": "10.0.1.0/24"}


def _located_path(raw: Any, position: tuple, fallback) -> tuple[int, int]:
    """Where the item at ``position`` (list indexes and record keys) inside ``raw`` was written; the
    closest enclosing place known, else ``fallback``."""
    where = fallback
    for key in position:
        if not isinstance(raw, (LocatedMap, LocatedList)):
            break
        if isinstance(raw, LocatedMap) and key not in raw:
            break
        if isinstance(raw, LocatedList) and not (isinstance(key, int) and 0 <= key < len(raw)):
            break
        where, raw = raw.where(key), raw[key]
    return where


def _unresolved(value: Any) -> Any:
    """``{unresolved: "!Ref X"}`` is how a value that could not be known is written."""
    if isinstance(value, dict) and set(value) == {"unresolved"} and isinstance(value["unresolved"], str):
        return Unresolved(value["unresolved"])
    if isinstance(value, list):
        return [_unresolved(v) for v in value]
    if isinstance(value, dict):
        return {k: _unresolved(v) for k, v in value.items()}
    return value


def _suggest(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


# ----------------------------------------------------------------------------- writing
class _Flow(list):
    """A list written on one line: ``[10.0.0.0/16, 10.1.0.0/16]``."""


class _FlowMap(dict):
    """A mapping written on one line: ``{destination: 0.0.0.0/0, target: igw}``."""


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # the C emitter, where built
    pass


def _represent_flow(dumper, data):
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


def _represent_flow_map(dumper, data):
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


def _represent_dict(dumper, data):
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=False)


def _represent_float(dumper, data):
    # Exact, so that opaque template values (GenericResource properties) survive a save: 0.0 stays
    # a float and 1.005 is not rounded. Positions are rounded before they get here.
    return dumper.represent_float(data)


def _represent_str(dumper, data):
    if _UNSAFE_CHARACTERS.search(data):
        style = '"'  # escaped, so YAML's other line breaks and control characters survive
    elif "\n" in data:
        style = "|"
    else:
        style = None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r")


_Dumper.add_representer(_Flow, _represent_flow)
_Dumper.add_representer(_FlowMap, _represent_flow_map)
_Dumper.add_representer(dict, _represent_dict)
_Dumper.add_representer(float, _represent_float)
_Dumper.add_representer(str, _represent_str)

_ONE_LINE_LIMIT = 96


def dumps(diagram: Diagram) -> str:
    """The diagram as native YAML text. Deterministic: the same diagram always gives the same text,
    whatever order it was built in."""
    doc: dict[str, Any] = {"format": "kumozu", "version": FORMAT_VERSION}
    for key, default in DEFAULT_METADATA.items():
        value = diagram.metadata(key)
        if value != default or key in ("title", "region"):
            doc[key] = value
    ordered = list(iter_tree(diagram))
    resources: dict[str, Any] = {}
    for record in ordered:
        entry: dict[str, Any] = {"kind": record.kind}
        if record.name and record.name != record.id:
            entry["name"] = record.name
        if record.parent is not None:
            entry["parent"] = record.parent
        props = _properties(record)
        if props:
            entry["properties"] = props
        resources[record.id] = entry
    doc["resources"] = resources
    relations = sorted(diagram.relations(), key=lambda r: natural_key(r.id))
    if relations:
        doc["relations"] = {
            r.id: _one_line_if_short({"kind": r.kind, "from": r.source, "to": r.target,
                                      **({"properties": _FlowMap(_plain(r.properties))}
                                         if r.properties else {})})
            for r in relations}
    layout = {}
    for record in ordered:
        g = diagram.geometry(record.id)
        if g is not None:
            numbers = [g.x, g.y] if g.w == 0 and g.h == 0 else [g.x, g.y, g.w, g.h]
            layout[record.id] = _Flow(_coordinate(v) for v in numbers)
    if layout:
        doc["layout"] = layout
    return yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False, indent=2)


def _coordinate(value: float) -> int | float:
    """A position to a hundredth of a point (a drag's float noise never shows up in a diff), and
    whole numbers without a decimal point."""
    value = round(value, 2)
    return int(value) if value == int(value) else value


def _properties(record: Resource) -> dict[str, Any]:
    kind = _kinds.kind(record.kind)
    out: dict[str, Any] = {}
    for field in kind.fields:
        value = record.properties.get(field.name, field.default)
        # Addresses are written even when they equal the default: a subnet's file entry without
        # its CIDR would be unreadable.
        if value == field.default and not (field.type in _ALWAYS_WRITTEN and value):
            continue
        out[field.name] = _written(field, value)
    return out


_ALWAYS_WRITTEN = (FieldType.CIDR4, FieldType.CIDR6, FieldType.CIDR, FieldType.CIDR4_LIST)


def _written(field: Field, value: Any) -> Any:
    if isinstance(value, Unresolved):
        return _FlowMap({"unresolved": value.expression})
    if field.type is FieldType.RECORDS:
        rows = []
        for record in value:
            row = {}
            for sub in field.fields:
                # In records every meaningful value is written, defaults included, so that a route
                # or a rule reads whole: {protocol: tcp, from_port: 443, to_port: 443, ...}.
                item = record.get(sub.name, sub.default)
                if item == sub.default and (item in ("", ()) or isinstance(item, bool)):
                    continue
                row[sub.name] = _written(sub, item)
            rows.append(_one_line_if_short(row))
        return rows
    if field.type is FieldType.ANY:
        return _plain(value)
    if isinstance(value, tuple):
        return _Flow(_written_scalar(v) for v in value)
    return value


def _written_scalar(value: Any) -> Any:
    if isinstance(value, Unresolved):
        return _FlowMap({"unresolved": value.expression})
    return value


def _one_line_if_short(row: dict) -> dict:
    """Short records are written on one line. The length is estimated from the values' text (quotes
    and flow punctuation included roughly), which is deterministic and much cheaper than emitting."""
    if all(not isinstance(v, (list, dict)) or isinstance(v, (_Flow, _FlowMap)) for v in row.values()):
        estimate = 2 + sum(len(str(k)) + 2 + _text_length(v) + 2 for k, v in row.items())
        if estimate <= _ONE_LINE_LIMIT:
            return _FlowMap(row)
    return row


def _text_length(value: Any) -> int:
    if isinstance(value, dict):
        return 2 + sum(len(str(k)) + 2 + _text_length(v) + 2 for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return 2 + sum(_text_length(v) + 2 for v in value)
    text = str(value)
    return len(text) + (2 if isinstance(value, str) and not text.replace("-", "").replace(
        ".", "").replace("/", "").replace("_", "").isalnum() else 0)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Unresolved):
        return {"unresolved": value.expression}
    return value
