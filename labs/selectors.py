"""Selectors: naming the resources a goal is about by what they are, so a student's own ids work.

A selector is either an id (``web``) or a mapping of conditions that must all hold::

    {kind: Instance, in_public_subnet: true}
    {kind: NatGateway, connectivity: public, in_subnet: {public: true}}
    {kind: Subnet, holds: db}
    {kind: TargetGroup, zones: {at_least: 2}, health_check_path: /health}

Keywords (everything else is a property of the kind, see :mod:`labs.conditions`):

=====================  ===========================================================================
``kind``               a kind name or a list of them (needed before any property condition)
``id`` / ``name``      the resource id (or list of ids) / its display name
``not``                a selector the resource must *not* match
``in_subnet``          one of its subnets matches (an id or a selector)
``in_vpc``             its VPC matches
``in_region``          the Region it lives in (``us-east-1``...)
``in_public_subnet``   true: it has subnets and all are public; false: it has subnets, none public
``public``             subnets only: the subnet is public (its route table reaches an internet gateway)
``holds``              subnets and containers: something in it matches
``zones``              how many Availability Zones its subnets (a target group: its targets) cover
``has_route``          subnets and route tables: ``{destination: CIDR, target: selector}``, either part
                       optional; ``target: local`` for the local route
``has_target``         target groups: one of its targets (instances, Auto Scaling groups, services) matches
``references``         it refers to a resource that matches (any reference field)
``referenced_by``      a resource that matches refers to it
``at_apex``            DNS records: the record is (true) or is not (false) at its zone's apex
=====================  ===========================================================================

Selecting costs O(candidates x conditions); every query used is one of :mod:`model.queries`,
which cache their indexes per diagram revision.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from model import kinds as _kinds
from model import queries as q
from model.cidr import is_prefix_list, parse
from model.diagram import Diagram
from model.naming import in_sentence
from model.resources import Resource
from model.yaml_source import LocatedList, LocatedMap
from validators.facts import fqdn, record_fqdn

from .conditions import OPERATORS, ValueTest, describe_range, parse_condition
from .reading import Reader, suggest
from .text import LocalText, join, kind_label, pair

__all__ = ["Selector", "Clause", "KEYWORDS", "parse_selector", "by_id", "kind_selector", "zones_of"]

KEYWORDS = ("kind", "id", "name", "not", "in_subnet", "in_vpc", "in_region", "in_public_subnet",
            "public", "holds", "zones", "has_route", "has_target", "references", "referenced_by",
            "at_apex")

assert not set(KEYWORDS) & set(OPERATORS) - {"not"}


@dataclass(frozen=True)
class Clause:
    """One condition of a selector: a test of a resource, and how to say it in both languages."""

    key: str
    check: Callable[[Diagram, Resource], bool]
    text: LocalText

    def test(self, d: Diagram, record: Resource) -> bool:
        return self.check(d, record)

    def describe(self) -> LocalText:
        return self.text


@dataclass(frozen=True)
class Selector:
    """Conditions on a resource. ``kinds`` and ``ids`` narrow the candidates; ``clauses`` are every
    condition, those two included, in the order they were written."""

    kinds: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    clauses: tuple[Clause, ...] = ()

    @property
    def is_plain_id(self) -> bool:
        return len(self.ids) == 1 and all(c.key in ("id", "kind") for c in self.clauses)

    def candidates(self, d: Diagram) -> list[Resource]:
        if self.ids:
            return [r for r in (d.get(i) for i in self.ids) if r is not None]
        return d.of_kind(*self.kinds) if self.kinds else list(d)

    def select(self, d: Diagram) -> list[Resource]:
        """Every resource of ``d`` the selector matches, in the diagram's order."""
        return [r for r in self.candidates(d) if self.matches(d, r)]

    def matches(self, d: Diagram, record: Resource) -> bool:
        return all(c.test(d, record) for c in self.clauses)

    def failed_clause(self, d: Diagram, record: Resource) -> Clause | None:
        """The first condition ``record`` does not meet (``None``: it matches)."""
        for clause in self.clauses:
            if not clause.test(d, record):
                return clause
        return None

    def noun(self) -> LocalText:
        """The selector as a noun phrase: ``web``, ``NAT gateway (in a public subnet)``."""
        if self.is_plain_id:
            return pair(self.ids[0], f"「{self.ids[0]}」")
        if self.ids:
            label = pair(", ".join(self.ids), "，".join(f"「{i}」" for i in self.ids))
        elif self.kinds:
            label = join((_in_sentence(kind_label(k)) for k in self.kinds), " or ", "または")
        else:
            label = pair("resource", "リソース")
        rest = [c.describe() for c in self.clauses if c.key not in ("kind", "id")]
        if not rest:
            return label
        return label + pair(" (", "（") + join(rest) + pair(")", "）")


def _in_sentence(label: LocalText) -> LocalText:
    """A kind's English name as it reads inside a sentence: "target group", but "EC2 instance" and
    "Auto Scaling group" (see :func:`model.naming.in_sentence`)."""
    return LocalText(in_sentence(label.en), label.ja)


def by_id(rid: str) -> Selector:
    return Selector(ids=(rid,), clauses=(_id_clause((rid,)),))


def kind_selector(kind_name: str) -> Selector:
    """Every resource of one kind."""
    return Selector((kind_name,), (), (_kind_clause((kind_name,)),))


def _kind_clause(kinds: tuple[str, ...]) -> Clause:
    return Clause("kind", lambda d, r: r.kind in kinds,
                  join((kind_label(k) for k in kinds), " or ", "または"))


def _id_clause(ids: tuple[str, ...]) -> Clause:
    shown = ", ".join(ids)
    return Clause("id", lambda d, r: r.id in ids,
                  pair(f"id {shown}", "ID" + "，".join(f"「{i}」" for i in ids)))


def parse_selector(reader: Reader, container: Any, key: Any, what: str,
                   implied_kind: str | None = None) -> Selector:
    """The selector written at ``container[key]``: an id, or a mapping of conditions.

    ``implied_kind`` is the kind the place implies (``in_subnet`` selects subnets), used when the
    mapping names none; a mapping naming another kind is refused there.
    """
    raw = container[key]
    if isinstance(raw, str) and raw.strip():
        if implied_kind:  # the id must name a resource of the kind the place implies
            return Selector((implied_kind,), (raw,), (_id_clause((raw,)), _kind_clause((implied_kind,))))
        return by_id(raw)
    if not isinstance(raw, LocatedMap) or not raw:
        raise reader.fail(f"{what} must be a resource id or a mapping of conditions such as "
                          f"{{kind: Instance, in_public_subnet: true}}", container, key)
    kinds = _kinds_of(reader, raw, what)
    if implied_kind and kinds and kinds != (implied_kind,):
        raise reader.fail(f"{what} selects {_kinds.kind(implied_kind).label.lower()}s; kind "
                          f"{', '.join(kinds)} cannot be used here", raw, "kind")
    if implied_kind and not kinds:
        kinds = (implied_kind,)
    clauses: list[Clause] = []
    ids: tuple[str, ...] = ()
    if kinds:
        clauses.append(_kind_clause(kinds))
    for name in raw:
        if name == "kind":
            continue
        if name == "id":
            ids = _ids(reader, raw, what)
            clauses.append(_id_clause(ids))
        elif name in KEYWORDS:
            clauses.append(_keyword(reader, raw, name, kinds, what))
        else:
            clauses.append(_property(reader, raw, name, kinds, what))
    return Selector(kinds, ids, tuple(clauses))


def _kinds_of(reader: Reader, raw: LocatedMap, what: str) -> tuple[str, ...]:
    if "kind" not in raw:
        return ()
    value = raw["kind"]
    names = list(value) if isinstance(value, LocatedList) else [value]
    known = [k.name for k in _kinds.ALL_KINDS]
    for i, name in enumerate(names):
        if not isinstance(name, str) or not _kinds.is_kind(name):
            where = (value, i) if isinstance(value, LocatedList) else (raw, "kind")
            raise reader.fail(f"{what}: unknown kind '{name}'{suggest(str(name), known)}", *where)
    return tuple(names)


def _ids(reader: Reader, raw: LocatedMap, what: str) -> tuple[str, ...]:
    value = raw["id"]
    ids = list(value) if isinstance(value, LocatedList) else [value]
    if not ids or not all(isinstance(i, str) and i for i in ids):
        raise reader.fail(f"{what}: id must be a resource id or a list of them", raw, "id")
    return tuple(ids)


def _property(reader: Reader, raw: LocatedMap, name: str, kinds, what: str) -> Clause:
    if not kinds:
        raise reader.fail(f"{what}: '{name}' is neither a selector keyword nor usable without a "
                          f"kind; add 'kind:' so Kumozu knows which property '{name}' is"
                          f"{suggest(name, KEYWORDS)}", raw, name, at_key=True)
    fields = [_kinds.kind(k).field(name) for k in kinds]
    if any(f is None for f in fields):
        missing = kinds[[f is None for f in fields].index(True)]
        names = [f.name for f in _kinds.kind(missing).fields] + list(KEYWORDS)
        raise reader.fail(f"{what}: {_kinds.kind(missing).label.lower()} has no property '{name}'"
                          f"{suggest(name, names)}", raw, name, at_key=True)
    if len({f.type for f in fields}) > 1:
        raise reader.fail(f"{what}: '{name}' means different things for {', '.join(kinds)}; select "
                          f"one kind", raw, name, at_key=True)
    test: ValueTest = parse_condition(reader, raw, name, fields[0], what, parse_selector)
    label = pair(f"{name}: ", f"{name}: ") + test.describe()
    return Clause(name, lambda d, r: test.test(d, r.properties.get(name)), label)


def _flag(reader: Reader, raw: LocatedMap, name: str, what: str) -> bool:
    return reader.boolean(raw, name, f"{what}: {name}")


def _nested(reader, raw, name, what, implied=None) -> Selector:
    return parse_selector(reader, raw, name, f"{what}: {name}", implied)


def _keyword(reader: Reader, raw: LocatedMap, name: str, kinds, what: str) -> Clause:
    build = _KEYWORD_BUILDERS[name]
    return build(reader, raw, name, kinds, what)


def _name_clause(reader, raw, name, kinds, what):
    wanted = reader.text(raw, name, f"{what}: name")
    return Clause(name, lambda d, r: r.label == wanted, pair(f"named {wanted}", f"名前が「{wanted}」"))


def _not_clause(reader, raw, name, kinds, what):
    inner = _nested(reader, raw, name, what)
    return Clause(name, lambda d, r: not inner.matches(d, r),
                  pair("not ", "") + inner.noun() + pair("", "ではない"))


def _in_subnet(reader, raw, name, kinds, what):
    inner = _nested(reader, raw, name, what, "Subnet")
    text = _place(inner, "subnet", "サブネット")
    return Clause(name, lambda d, r: any(inner.matches(d, s) for s in q.subnets_of(d, r.id)), text)


def _in_vpc(reader, raw, name, kinds, what):
    inner = _nested(reader, raw, name, what, "Vpc")
    text = _place(inner, "VPC", "VPC")

    def check(d, r):
        vpc = q.vpc_of(d, r.id)
        return vpc is not None and inner.matches(d, vpc)
    return Clause(name, check, text)


def _place(inner: Selector, en: str, ja: str) -> LocalText:
    if inner.is_plain_id:
        return pair(f"in {en} {inner.ids[0]}", f"{ja}「{inner.ids[0]}」にある")
    rest = [c.describe() for c in inner.clauses if c.key != "kind"]
    return pair(f"in a {en} (", f"{ja}（") + join(rest) + pair(")", "）にある")


def _in_region(reader, raw, name, kinds, what):
    region = reader.text(raw, name, f"{what}: in_region")
    return Clause(name, lambda d, r: q.region_of(d, r.id) == region,
                  pair(f"in Region {region}", f"リージョン{region}にある"))


def _in_public_subnet(reader, raw, name, kinds, what):
    wanted = _flag(reader, raw, name, what)

    def check(d, r):
        subnets = q.subnets_of(d, r.id) if r.kind != "Subnet" else []
        if not subnets:
            return False
        public = [q.is_public_subnet(d, s.id) for s in subnets]
        return all(public) if wanted else not any(public)
    text = pair("in a public subnet", "パブリックサブネットにある") if wanted else \
        pair("in a private subnet", "プライベートサブネットにある")
    return Clause(name, check, text)


def _public(reader, raw, name, kinds, what):
    wanted = _flag(reader, raw, name, what)
    if kinds and kinds != ("Subnet",):
        raise reader.fail(f"{what}: 'public' is about subnets; for other resources use "
                          f"in_public_subnet", raw, name, at_key=True)
    return Clause(name, lambda d, r: r.kind == "Subnet" and q.is_public_subnet(d, r.id) == wanted,
                  pair("public", "パブリック") if wanted else pair("private", "プライベート"))


def _holds(reader, raw, name, kinds, what):
    inner = _nested(reader, raw, name, what)

    def check(d, r):
        inside = q.resources_in_subnet(d, r.id) if r.kind == "Subnet" else d.descendants(r.id)
        return any(inner.matches(d, x) for x in inside)
    return Clause(name, check, pair("holding ", "") + inner.noun() + pair("", "を含む"))


def _zones(reader, raw, name, kinds, what):
    value = raw[name]
    if isinstance(value, LocatedMap):
        reader.known_keys(value, ("at_least", "at_most"), f"{what}: zones")
        low = reader.integer(value, "at_least", f"{what}: zones.at_least", 0) if "at_least" in value else None
        high = reader.integer(value, "at_most", f"{what}: zones.at_most", 0) if "at_most" in value else None
        if low is None and high is None:
            raise reader.fail(f"{what}: zones needs at_least or at_most", raw, name)
    else:
        low = high = reader.integer(raw, name, f"{what}: zones", 0)
    span = describe_range(low, high)

    def check(d, r):
        count = len(zones_of(d, r))
        return (low is None or count >= low) and (high is None or count <= high)
    one = high == 1 or (high is None and low == 1)  # "exactly 1", "at most 1", "at least 1"
    zones = " Availability Zone" if one else " Availability Zones"
    return Clause(name, check, pair("in ", "") + span + pair(zones,
                                                             "のアベイラビリティゾーンにまたがる"))


def zones_of(d: Diagram, record: Resource) -> set[str]:
    """The Availability Zones a resource's network interfaces are in; a target group's are its
    targets'."""
    if record.kind == "TargetGroup":
        zones: set[str] = set()
        for target in q.targets_of(d, record.id):
            zones |= q.zones_of(d, q.subnets_of(d, target.id))
        return zones
    return q.zones_of(d, q.subnets_of(d, record.id))


def _has_route(reader, raw, name, kinds, what):
    spec = reader.mapping(raw, name, f"{what}: has_route")
    reader.known_keys(spec, ("destination", "target"), f"{what}: has_route")
    destination = reader.text(spec, "destination", f"{what}: has_route.destination") \
        if "destination" in spec else None
    if destination is not None and not is_prefix_list(destination) and parse(destination) is None:
        raise reader.fail(f"{what}: has_route.destination '{destination}' is neither a CIDR nor a "
                          f"prefix list", spec, "destination")
    local = spec.get("target") == "local"
    target = None if local or "target" not in spec else _nested(reader, spec, "target", what)

    def check(d, r):
        rt = r if r.kind == "RouteTable" else (q.route_table_of(d, r.id) if r.kind == "Subnet" else None)
        if rt is None:
            return False
        for route in q.effective_routes(d, rt.id):
            if destination is not None and not _same_destination(route.destination, destination):
                continue
            if local and route.target != "local":
                continue
            if target is not None:
                record = d.get(route.target)
                if record is None or not target.matches(d, record):
                    continue
            return True
        return False
    shown_dest = pair(destination, destination) if destination else pair("anywhere", "任意の宛先")
    if local:
        shown_target = pair("local", "local")
    else:
        shown_target = target.noun() if target else pair("any target", "任意のターゲット")
    text = pair("with a route ", "") + shown_dest + pair(" → ", " → ") + shown_target + pair("", "のルートがある")
    return Clause(name, check, text)


def _same_destination(a: str, b: str) -> bool:
    if is_prefix_list(a) or is_prefix_list(b):
        return a == b
    na, nb = parse(a), parse(b)
    return na is not None and na == nb


def _has_target(reader, raw, name, kinds, what):
    inner = _nested(reader, raw, name, what)
    return Clause(name, lambda d, r: r.kind == "TargetGroup" and any(
        inner.matches(d, t) for t in q.targets_of(d, r.id)),
        pair("with target ", "ターゲットに") + inner.noun() + pair("", "を持つ"))


def _references(reader, raw, name, kinds, what):
    inner = _nested(reader, raw, name, what)

    def check(d, r):
        return any((t := d.get(target)) is not None and inner.matches(d, t)
                   for _, target, _ in d.references_from(r.id))
    return Clause(name, check, pair("referring to ", "") + inner.noun() + pair("", "を参照している"))


def _referenced_by(reader, raw, name, kinds, what):
    inner = _nested(reader, raw, name, what)
    return Clause(name, lambda d, r: any(inner.matches(d, x) for x in d.referrers(r.id)),
                  pair("referred to by ", "") + inner.noun() + pair("", "から参照されている"))


def _at_apex(reader, raw, name, kinds, what):
    wanted = _flag(reader, raw, name, what)

    def check(d, r):
        zone = d.get(r.parent)
        if r.kind != "DnsRecord" or zone is None or zone.kind != "HostedZone":
            return False
        return (record_fqdn(r, zone) == fqdn(zone.get("domain"))) == wanted
    return Clause(name, check, pair("at the zone apex", "ゾーンApex（ドメイン名そのもの）にある") if wanted
                  else pair("below the zone apex", "ゾーンApex以外にある"))


_KEYWORD_BUILDERS = {
    "name": _name_clause, "not": _not_clause, "in_subnet": _in_subnet, "in_vpc": _in_vpc,
    "in_region": _in_region, "in_public_subnet": _in_public_subnet, "public": _public,
    "holds": _holds, "zones": _zones, "has_route": _has_route, "has_target": _has_target,
    "references": _references, "referenced_by": _referenced_by, "at_apex": _at_apex,
}
assert set(_KEYWORD_BUILDERS) == set(KEYWORDS) - {"kind", "id"}
