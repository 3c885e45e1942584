"""Goal checks: the things a lab can ask of a design, each answered with passed/failed and why.

=============  =================================================================================
``flow``       traffic from one place to another must be reachable (or unreachable): the path
               tracer of :mod:`validators.reachability`
``no_findings`` the validators report nothing for some rules (or no errors at all)
``resource``   enough (or few enough) resources of a kind with given properties exist
``subnet``     subnets are public or private (:func:`model.queries.is_public_subnet`)
``tls``        TLS from an entry (a DNS name, CloudFront...) ends at the right place, with the right
               kind of certificate (:mod:`labs.tls_check`)
=============  =================================================================================

Each check is parsed from the lab file into a frozen object (:func:`parse_check`) whose
``evaluate(diagram)`` gives an :class:`Outcome`: whether it passed, the reason in English and
Japanese, the resources to highlight, and the traces or findings behind the verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from model import kinds as _kinds
from model import queries as q
from model.diagram import Diagram
from model.yaml_source import LocatedMap
from validators.engine import validate
from validators.finding import Severity
from validators.i18n import finding_message, severity_label
from validators.reachability import Flow, FlowError, TraceResult, default_port, trace
from validators.registry import all_rules, rule_by_id

from .outcome import Outcome
from .explain import describe_blocked, describe_path, place_name, untraceable
from .reading import Reader, suggest
from .selectors import Selector, kind_selector, parse_selector
from .tls_check import TlsCheck, parse_tls
from .text import LocalText, join, pair

__all__ = ["Outcome", "CHECK_TYPES", "parse_check", "FlowCheck", "NoFindingsCheck", "ResourceCheck",
           "SubnetCheck", "TlsCheck", "near_misses", "explain_subnet"]

#: How many near misses a failed resource goal names.
_NEAR_MISSES = 3
#: Conditions that say *which* resource is meant; failing one does not make a near miss.
_ANCHORS = ("kind", "id", "name", "holds")


@dataclass(frozen=True)
class End:
    """One end of a flow goal: a name the tracer knows (an id, ``internet``, a service) or a
    selector of resources."""

    name: str = ""
    selector: Selector | None = None

    def names(self, d: Diagram) -> list[str]:
        if self.selector is None:
            return [self.name]
        return [r.id for r in self.selector.select(d)]

    def noun(self) -> LocalText:
        return self.selector.noun() if self.selector is not None else pair(self.name, self.name)


# ----------------------------------------------------------------------------- flow
@dataclass(frozen=True)
class FlowCheck:
    source: End
    destination: End
    protocol: str
    port: int | None
    expect: str  # reachable | unreachable
    match: str   # all | any

    type = "flow"

    def evaluate(self, d: Diagram) -> Outcome:
        sources, destinations = self.source.names(d), self.destination.names(d)
        for end, names in ((self.source, sources), (self.destination, destinations)):
            if not names:
                return Outcome(False, pair("Nothing in the design matches ", "設計の中に")
                               + end.noun() + pair(".", "に当たるものがない．"))
        verdicts: list[tuple[bool, LocalText, tuple[str, ...], TraceResult | None]] = []
        for s in sources:
            for t in destinations:
                if s != t:
                    verdicts.append(self._one(d, s, t))
        if not verdicts:
            return Outcome(False, pair("The flow starts and ends at the same resource.",
                                       "通信の送信元と宛先が同じリソースになっている．"))
        good = [v for v in verdicts if v[0]]
        passed = len(good) == len(verdicts) if self.match == "all" else bool(good)
        shown = (good or verdicts)[0] if passed else next(v for v in verdicts if not v[0])
        reason = shown[1]
        if len(verdicts) > 1:
            reason = pair(f"{len(good)} of {len(verdicts)} flows as expected; ",
                          f"{len(verdicts)}通りのうち{len(good)}通りが期待どおり．") + reason
        traces = tuple(v[3] for v in verdicts if v[3] is not None)
        resources = tuple(dict.fromkeys(r for v in ([shown] if not passed else good) for r in v[2]))
        return Outcome(passed, reason, resources, traces)

    def _one(self, d: Diagram, source: str, destination: str):
        port = self.port if self.port is not None else default_port(d, destination)
        shown = (place_name(d, source) + pair(" → ", " → ") + place_name(d, destination)
                 + pair(f" ({self.protocol}/{port})", f"（{self.protocol}/{port}）"))
        try:
            result = trace(d, Flow(source, destination, self.protocol, port))
        except FlowError as exc:
            why = untraceable(d, source, destination, exc)
            return (False, shown + pair(" cannot be traced: ", "はトレースできない．") + why,
                    tuple(x for x in (source, destination) if d.get(x) is not None), None)
        wanted = self.expect == "reachable"
        ends = tuple(x for x in (source, destination) if d.get(x) is not None)
        if result.reachable:
            path = describe_path(d, result)
            text = shown + (pair(" is reachable: ", "に到達できる：") if wanted else
                            pair(" is reachable, but it must not be: ", "に到達できてしまう：")) + path
            return wanted, text, ends + result.locations(), result
        blocked = result.blocked
        why = describe_blocked(d, blocked) if blocked else pair("blocked", "止められている")
        involved = ends + (blocked.resources if blocked else ())
        return (not wanted), shown + pair(" is ", "は，") + why, involved, result


def _parse_end(reader: Reader, spec: LocatedMap, key: str, what: str) -> End:
    value = spec[key]
    if isinstance(value, str) and value.strip():
        return End(name=value)
    return End(selector=parse_selector(reader, spec, key, f"{what}: {key}"))


def _parse_flow(reader: Reader, spec: LocatedMap, what: str) -> FlowCheck:
    reader.known_keys(spec, ("type", "from", "to", "port", "protocol", "expect", "match"), what,
                      required=("from", "to", "expect"))
    port = reader.integer(spec, "port", f"{what}: port", 0, 65535) if "port" in spec else None
    protocol = reader.choice(spec, "protocol", f"{what}: protocol", ("tcp", "udp", "icmp")) \
        if "protocol" in spec else "tcp"
    return FlowCheck(_parse_end(reader, spec, "from", what), _parse_end(reader, spec, "to", what),
                     protocol, port, reader.choice(spec, "expect", f"{what}: expect",
                                                   ("reachable", "unreachable")),
                     _match(reader, spec, what))


def _match(reader: Reader, spec: LocatedMap, what: str) -> str:
    return reader.choice(spec, "match", f"{what}: match", ("all", "any")) if "match" in spec else "all"


# ----------------------------------------------------------------------------- no_findings
@dataclass(frozen=True)
class NoFindingsCheck:
    rules: tuple[str, ...]  # empty: every rule, filtered by severity
    severity: str

    type = "no_findings"

    def evaluate(self, d: Diagram) -> Outcome:
        if self.rules:
            findings = validate(d, [rule_by_id(r) for r in self.rules])
        else:
            worst = Severity(self.severity).rank
            findings = [f for f in validate(d) if f.severity.rank <= worst]
        scope = pair(", ".join(self.rules), ", ".join(self.rules)) if self.rules else \
            pair(f"{self.severity} severity or worse",
                 f"重要度「{severity_label(self.severity, 'ja')}」以上")
        if not findings:
            return Outcome(True, pair("No findings (", "指摘はない（") + scope + pair(").", "）．"))
        first = findings[0]
        more = len(findings) - 1
        counted = "1 finding" if len(findings) == 1 else f"{len(findings)} findings"
        text = LocalText(
            f"{counted} ({scope.en}): {first.message}" + (f" (and {more} more)" if more else ""),
            f"指摘が{len(findings)}件ある（{scope.ja}）：[{first.rule}] {finding_message(first, 'ja')}"
            + (f"（ほか{more}件）" if more else ""))
        resources = tuple(dict.fromkeys(r for f in findings for r in f.resources))
        return Outcome(False, text, resources, findings=tuple(findings))


def _parse_no_findings(reader: Reader, spec: LocatedMap, what: str) -> NoFindingsCheck:
    reader.known_keys(spec, ("type", "rules", "severity"), what)
    rules: tuple[str, ...] = ()
    if "rules" in spec:
        items = reader.listing(spec, "rules", f"{what}: rules")
        known = [r.id for r in all_rules()]
        for i, rule in enumerate(items):
            if rule_by_id(rule) is None:
                raise reader.fail(f"{what}: unknown rule '{rule}'{suggest(str(rule), known)}", items, i)
        rules = tuple(items)
    severity = reader.choice(spec, "severity", f"{what}: severity", ("error", "warning", "info")) \
        if "severity" in spec else "error"
    if rules and "severity" in spec:
        raise reader.fail(f"{what}: give either rules or severity, not both", spec, "severity")
    return NoFindingsCheck(rules, severity)


# ----------------------------------------------------------------------------- resource
@dataclass(frozen=True)
class ResourceCheck:
    kind: str
    selector: Selector
    at_least: int | None
    at_most: int | None

    type = "resource"

    def evaluate(self, d: Diagram) -> Outcome:
        found = self.selector.select(d)
        n = len(found)
        noun = self.selector.noun()
        names = ", ".join(r.label for r in found)
        names_ja = "，".join(f"「{r.label}」" for r in found)
        if self.at_least is not None and n < self.at_least:
            found_en = "No" if n == 0 else f"Only {n}"
            text = pair(f"{found_en} ", "条件に合う") + noun + pair(
                f" found; at least {self.at_least} needed.",
                f"が{'見つからない' if n == 0 else f'{n}個しかない'}（{self.at_least}個以上必要）．")
            misses = self._near_misses(d, found)
            if misses:
                text = text + pair(" ", "") + join(misses, " ", "")
            return Outcome(False, text, tuple(r.id for r in found) + self._miss_ids(d, found))
        if self.at_most is not None and n > self.at_most:
            text = pair(f"Found {n} ", "条件に合う") + noun + pair(
                f" ({names}); at most {self.at_most} allowed.",
                f"が{n}個ある（{names_ja}）．{self.at_most}個以下にする必要がある．")
            return Outcome(False, text, tuple(r.id for r in found))
        if n == 0:
            return Outcome(True, pair("No ", "") + noun + pair(" in the design, as required.",
                                                             "は設計の中にない（条件どおり）．"))
        text = pair(f"Found {n} ", "条件に合う") + noun + pair(f": {names}.", f"が{n}個ある：{names_ja}．")
        return Outcome(True, text, tuple(r.id for r in found))

    def _near_misses(self, d: Diagram, found) -> list[LocalText]:
        return [text for _, text in near_misses(d, self.selector, found)]

    def _miss_ids(self, d: Diagram, found) -> tuple[str, ...]:
        return tuple(record.id for record, _ in near_misses(d, self.selector, found))


def near_misses(d: Diagram, selector: Selector, found) -> list[tuple]:
    """Up to three resources the selector considered but did not pick, each with the first
    condition it failed: ``(record, "web is not “in a public subnet”.")``."""
    chosen = {r.id for r in found}
    scored = []
    for order, record in enumerate(selector.candidates(d)):
        if record.id in chosen:
            continue
        clause = selector.failed_clause(d, record)
        if clause is None or clause.key in _ANCHORS:
            continue  # another resource altogether, not one that almost fits
        # the nearest misses got furthest through the conditions
        scored.append((-selector.clauses.index(clause), order, record, clause))
    scored.sort(key=lambda item: item[:2])
    return [(record, pair(f"{record.label} is not “", f"「{record.label}」は条件「") + clause.describe()
             + pair("”.", "」を満たしていない．")) for _, _, record, clause in scored[:_NEAR_MISSES]]


def _parse_resource(reader: Reader, spec: LocatedMap, what: str) -> ResourceCheck:
    reader.known_keys(spec, ("type", "kind", "where", "count", "count_at_least", "count_at_most"),
                      what, required=("kind",))
    kind_name = reader.choice(spec, "kind", f"{what}: kind", (k.name for k in _kinds.ALL_KINDS))
    if "where" in spec:
        reader.mapping(spec, "where", f"{what}: where")
        selector = parse_selector(reader, spec, "where", f"{what}: where", kind_name)
    else:
        selector = kind_selector(kind_name)
    low = reader.integer(spec, "count_at_least", f"{what}: count_at_least", 0) \
        if "count_at_least" in spec else None
    high = reader.integer(spec, "count_at_most", f"{what}: count_at_most", 0) \
        if "count_at_most" in spec else None
    if "count" in spec:
        if low is not None or high is not None:
            raise reader.fail(f"{what}: give count, or count_at_least/count_at_most, not both", spec, "count")
        low = high = reader.integer(spec, "count", f"{what}: count", 0)
    if low is None and high is None:
        low = 1
    if low is not None and high is not None and low > high:
        raise reader.fail(f"{what}: count_at_least ({low}) is more than count_at_most ({high})", spec)
    return ResourceCheck(kind_name, selector, low, high)


# ----------------------------------------------------------------------------- subnet
@dataclass(frozen=True)
class SubnetCheck:
    subnets: Selector
    expect: str  # public | private
    match: str

    type = "subnet"

    def evaluate(self, d: Diagram) -> Outcome:
        chosen = self.subnets.select(d)
        if not chosen:
            text = pair("No subnet matches ", "") + self.subnets.noun() + pair(".", "に当たるサブネットがない．")
            misses = near_misses(d, self.subnets, ())
            for record, why in misses:
                text = text + pair(" ", "") + why + pair(" ", "") + explain_subnet(d, record)
            return Outcome(False, text, tuple(r.id for r, _ in misses))
        verdicts = [(q.is_public_subnet(d, s.id) == (self.expect == "public"), s) for s in chosen]
        good = [s for ok, s in verdicts if ok]
        passed = len(good) == len(verdicts) if self.match == "all" else bool(good)
        shown = (good[0] if passed else next(s for ok, s in verdicts if not ok))
        return Outcome(passed, explain_subnet(d, shown), (shown.id,))


def explain_subnet(d: Diagram, subnet) -> LocalText:
    """Why a subnet is public or private, naming its route table and the route that decides."""
    rt = q.route_table_of(d, subnet.id)
    name = subnet.label
    if rt is None:
        return pair(f"Subnet {name} is private: it uses the VPC's implicit main route table, which "
                    f"holds only the local route.",
                    f"サブネット「{name}」はプライベートサブネットである．VPCの暗黙のメインルートテーブル"
                    f"（localのみ）を使っている．")
    table = pair(f"route table {rt.label}", f"ルートテーブル「{rt.label}」")
    if not subnet.get("route_table"):
        table = table + pair(" (the VPC's main route table)", "（VPCのメインルートテーブル）")
    if q.is_public_subnet(d, subnet.id):
        for route in rt.get("routes", ()):
            target = d.get(route.get("target"))
            if target is not None and target.kind == "InternetGateway":
                dest = route.get("destination")
                return (pair(f"Subnet {name} is public: its ", f"サブネット「{name}」はパブリックサブネットである．")
                        + table + pair(f" sends {dest} to internet gateway {target.label}.",
                                       f"が{dest}をインターネットゲートウェイ「{target.label}」に送っている．"))
    return (pair(f"Subnet {name} is private: its ", f"サブネット「{name}」はプライベートサブネットである．")
            + table + pair(" has no route to an internet gateway.",
                           "にインターネットゲートウェイへのルートがない．"))


def _parse_subnet(reader: Reader, spec: LocatedMap, what: str) -> SubnetCheck:
    reader.known_keys(spec, ("type", "subnet", "expect", "match"), what, required=("subnet", "expect"))
    selector = parse_selector(reader, spec, "subnet", f"{what}: subnet", "Subnet")
    return SubnetCheck(selector, reader.choice(spec, "expect", f"{what}: expect", ("public", "private")),
                       _match(reader, spec, what))


# ----------------------------------------------------------------------------- parsing
_PARSERS = {"flow": _parse_flow, "no_findings": _parse_no_findings, "resource": _parse_resource,
            "subnet": _parse_subnet, "tls": parse_tls}
CHECK_TYPES = tuple(_PARSERS)


def parse_check(reader: Reader, container: Any, key: Any, what: str):
    """The check written at ``container[key]``: a mapping with ``type`` and that type's fields."""
    spec = reader.mapping(container, key, f"{what}: check")
    if "type" not in spec:
        raise reader.fail(f"{what}: the check needs a type ({', '.join(CHECK_TYPES)})", spec)
    kind = spec["type"]
    if not isinstance(kind, str) or kind not in _PARSERS:  # a list or mapping cannot be looked up
        raise reader.fail(f"{what}: unknown check type '{kind}'{suggest(str(kind), CHECK_TYPES)} "
                          f"(expected {', '.join(CHECK_TYPES)})", spec, "type")
    return _PARSERS[kind](reader, spec, f"{what} ({kind})")

