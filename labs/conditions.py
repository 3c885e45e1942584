"""Conditions on one property of a resource, as a selector writes them.

A condition is read against the property's :class:`~model.schema.Field`, so the same YAML means what
a student expects for each type of value::

    connectivity: public                 # equal (a list property: holds this item)
    lb_type: [application, network]      # one of these
    desired_count: {at_least: 2}         # numbers; for lists and records: how many items
    route_table: {empty: false}          # set / not set
    scheme: {not: internal}              # anything but
    certificate: {in_region: us-east-1}  # a reference: the resource it names matches a selector
    subnets: {public: true}              # a list of references: one of them matches
    listeners: {protocol: HTTPS, certificate: {kind: AcmCertificate}}   # records: one record matches
    aliases: {contains: example.com}     # lists and records: one item matches

A mapping whose keys are all operators (``not``, ``one_of``, ``at_least``, ``at_most``, ``empty``,
``contains``) is a set of operators that must all hold; any other mapping is a selector (for
references) or a record pattern (for records). Values that could not be resolved from a template
match nothing but ``empty: false``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from model.cidr import parse
from model.diagram import Diagram
from model.schema import Field, FieldType, Unresolved
from model.yaml_source import LocatedList, LocatedMap

from .reading import Reader, suggest
from .text import LocalText, join, pair

__all__ = ["OPERATORS", "ValueTest", "parse_condition", "render_value"]

OPERATORS = ("not", "one_of", "at_least", "at_most", "empty", "contains")

_LISTS = (FieldType.STR_LIST, FieldType.REF_LIST, FieldType.CIDR4_LIST)
_ADDRESSES = (FieldType.CIDR4, FieldType.CIDR6, FieldType.CIDR, FieldType.DESTINATION)


class ValueTest:
    """One test of a property value. ``test(diagram, value)``; ``describe()`` for messages."""

    def test(self, d: Diagram, value: Any) -> bool:  # pragma: no cover - every subclass overrides
        raise TypeError(f"{type(self).__name__} does not define test()")

    def describe(self) -> LocalText:  # pragma: no cover - every subclass overrides
        raise TypeError(f"{type(self).__name__} does not define describe()")


def render_value(value: Any) -> str:
    """A literal as it is written in YAML (``true``, ``10.0.0.0/16``, ``[a, b]``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(render_value(v) for v in value) + "]"
    return str(value)


def _same(field_type: FieldType, value: Any, literal: Any) -> bool:
    if isinstance(value, Unresolved):
        return False
    if field_type in _ADDRESSES or field_type is FieldType.CIDR4_LIST:
        a, b = parse(value) if isinstance(value, str) else None, parse(literal)
        if a is not None and b is not None:
            return a == b
    return value == literal


@dataclass(frozen=True)
class Equals(ValueTest):
    literal: Any
    field_type: FieldType

    def test(self, d, value):
        if self.field_type in _LISTS:
            return isinstance(value, tuple) and any(_same(self.field_type, v, self.literal) for v in value)
        return _same(self.field_type, value, self.literal)

    def describe(self):
        shown = render_value(self.literal)
        if self.field_type in _LISTS:
            return pair(f"includes {shown}", f"{shown}を含む")
        return pair(shown, shown)


@dataclass(frozen=True)
class OneOf(ValueTest):
    literals: tuple
    field_type: FieldType

    def test(self, d, value):
        return any(_same(self.field_type, value, literal) for literal in self.literals)

    def describe(self):
        shown = ", ".join(render_value(v) for v in self.literals)
        return pair(f"one of {shown}", f"{shown}のいずれか")


@dataclass(frozen=True)
class Not(ValueTest):
    inner: ValueTest

    def test(self, d, value):
        return not self.inner.test(d, value)

    def describe(self):
        return pair("not ", "") + self.inner.describe() + pair("", "以外")


@dataclass(frozen=True)
class Compare(ValueTest):
    at_least: int | None = None
    at_most: int | None = None

    def test(self, d, value):
        if isinstance(value, (tuple, list)):
            value = len(value)
        if isinstance(value, bool) or not isinstance(value, int):
            return False
        return ((self.at_least is None or value >= self.at_least)
                and (self.at_most is None or value <= self.at_most))

    def describe(self):
        return describe_range(self.at_least, self.at_most)


def describe_range(at_least: int | None, at_most: int | None) -> LocalText:
    if at_least is not None and at_most is not None:
        if at_least == at_most:
            return pair(f"exactly {at_least}", f"ちょうど{at_least}")
        return pair(f"{at_least} to {at_most}", f"{at_least}〜{at_most}")
    if at_least is not None:
        return pair(f"at least {at_least}", f"{at_least}以上")
    return pair(f"at most {at_most}", f"{at_most}以下")


@dataclass(frozen=True)
class Empty(ValueTest):
    empty: bool

    def test(self, d, value):
        if isinstance(value, Unresolved):
            return not self.empty
        return (value in ("", None, ())) == self.empty

    def describe(self):
        return pair("empty", "空") if self.empty else pair("set", "設定あり")


@dataclass(frozen=True)
class AllOf(ValueTest):
    tests: tuple[ValueTest, ...]

    def test(self, d, value):
        return all(t.test(d, value) for t in self.tests)

    def describe(self):
        return join(t.describe() for t in self.tests)


@dataclass(frozen=True)
class Contains(ValueTest):
    """A list or records property with at least one item passing ``item``."""

    item: ValueTest

    def test(self, d, value):
        return isinstance(value, tuple) and any(self.item.test(d, v) for v in value)

    def describe(self):
        return pair("has ", "") + self.item.describe() + pair("", "を含む")


@dataclass(frozen=True)
class RefMatches(ValueTest):
    """A reference (or any of a list of references) naming a resource the selector matches."""

    selector: Any  # labs.selectors.Selector; typed loosely to keep the modules independent

    def test(self, d, value):
        ids = value if isinstance(value, tuple) else (value,)
        for rid in ids:
            record = d.get(rid) if isinstance(rid, str) else None
            if record is not None and self.selector.matches(d, record):
                return True
        return False

    def describe(self):
        return self.selector.noun()


@dataclass(frozen=True)
class RecordMatches(ValueTest):
    """One record (a route, a listener, a rule...) whose fields all pass their tests."""

    tests: tuple[tuple[str, ValueTest], ...]

    def test(self, d, value):
        return isinstance(value, dict) and all(t.test(d, value.get(name)) for name, t in self.tests)

    def describe(self):
        inner = join((pair(f"{n}: ", f"{n}: ") + t.describe() for n, t in self.tests), ", ", ", ")
        return pair("{", "{") + inner + pair("}", "}")


SelectorParser = Callable[..., Any]  # labs.selectors.parse_selector


def parse_condition(reader: Reader, container: Any, key: Any, field: Field, what: str,
                    parse_selector: SelectorParser) -> ValueTest:
    """The test written at ``container[key]`` for a property described by ``field``."""
    raw = container[key]
    if isinstance(raw, LocatedMap):
        if raw and all(k in OPERATORS for k in raw):
            return _operators(reader, raw, field, what, parse_selector)
        return _pattern(reader, container, key, field, what, parse_selector)
    if isinstance(raw, LocatedList):
        if field.type in _LISTS or field.type is FieldType.RECORDS:
            raise reader.fail(f"{what}: {field.name} is a list; write 'contains: ITEM' for an item it "
                              f"must hold", container, key)
        return OneOf(tuple(_literal(reader, raw, i, field, what) for i in range(len(raw))), field.type)
    if field.type is FieldType.RECORDS:
        raise reader.fail(f"{what}: {field.name} holds records; describe one with a mapping such as "
                          f"{{{', '.join(f.name + ': ...' for f in field.fields[:2])}}}", container, key)
    return Equals(_literal(reader, container, key, field, what), field.type)


def _literal(reader: Reader, container, key, field: Field, what: str) -> Any:
    value = container[key]
    t = field.type
    if isinstance(value, (LocatedMap, LocatedList)) or value is None:
        raise reader.fail(f"{what}: {field.name} must be compared with a single value here", container, key)
    if t is FieldType.BOOL and not isinstance(value, bool):
        raise reader.fail(f"{what}: {field.name} is true or false, not '{value}'", container, key)
    if t is FieldType.INT and (isinstance(value, bool) or not isinstance(value, int)):
        raise reader.fail(f"{what}: {field.name} is a whole number, not '{value}'", container, key)
    if t is FieldType.ENUM and value not in field.choices:
        raise reader.fail(f"{what}: {field.name} is one of {', '.join(field.choices)}, not '{value}'"
                          f"{suggest(str(value), field.choices)}", container, key)
    if t not in (FieldType.BOOL, FieldType.INT, FieldType.ANY) and not isinstance(value, str):
        raise reader.fail(f"{what}: {field.name} holds text; quote '{render_value(value)}'", container, key)
    return value


def _operators(reader: Reader, raw: LocatedMap, field: Field, what: str, parse_selector) -> ValueTest:
    tests: list[ValueTest] = []
    if "not" in raw:
        tests.append(Not(parse_condition(reader, raw, "not", field, what, parse_selector)))
    if "one_of" in raw:
        items = reader.listing(raw, "one_of", f"{what}: one_of")
        tests.append(OneOf(tuple(_literal(reader, items, i, _item_field(field), what)
                                 for i in range(len(items))), field.type))
    if "at_least" in raw or "at_most" in raw:
        if field.type not in (FieldType.INT, FieldType.RECORDS, *_LISTS):
            raise reader.fail(f"{what}: {field.name} is not a number or a list, so it cannot be "
                              f"counted", raw)
        low = reader.integer(raw, "at_least", f"{what}: at_least", 0) if "at_least" in raw else None
        high = reader.integer(raw, "at_most", f"{what}: at_most", 0) if "at_most" in raw else None
        tests.append(Compare(low, high))
    if "empty" in raw:
        tests.append(Empty(reader.boolean(raw, "empty", f"{what}: empty")))
    if "contains" in raw:
        if field.type not in (FieldType.RECORDS, *_LISTS):
            raise reader.fail(f"{what}: {field.name} is not a list, so it cannot contain items", raw,
                              "contains")
        item = parse_condition(reader, raw, "contains", _item_field(field), what, parse_selector)
        tests.append(item if isinstance(item, Contains) else Contains(item))
    return tests[0] if len(tests) == 1 else AllOf(tuple(tests))


def _item_field(field: Field) -> Field:
    """The field one item of a list field would have (a REF for a REF_LIST...)."""
    single = {FieldType.REF_LIST: FieldType.REF, FieldType.STR_LIST: FieldType.STR,
              FieldType.CIDR4_LIST: FieldType.CIDR4}.get(field.type)
    if single is None:
        return field
    return Field(field.name, single, ref_kinds=field.ref_kinds, relation=field.relation)


def _pattern(reader: Reader, container, key, field: Field, what: str, parse_selector) -> ValueTest:
    raw = container[key]
    if field.type in (FieldType.REF, FieldType.REF_LIST):
        # a reference that can only name one kind implies it: certificate: {in_region: us-east-1}
        implied = field.ref_kinds[0] if len(field.ref_kinds) == 1 else None
        return RefMatches(parse_selector(reader, container, key, f"{what}: {field.name}", implied))
    if field.type is FieldType.RECORDS:
        names = [f.name for f in field.fields]
        tests = []
        for name in raw:
            sub = field.record_field(name)
            if sub is None:
                raise reader.fail(f"{what}: a record of {field.name} has no field '{name}'"
                                  f"{suggest(str(name), names)} (it has {', '.join(names)})",
                                  raw, name, at_key=True)
            tests.append((name, parse_condition(reader, raw, name, sub, what, parse_selector)))
        return Contains(RecordMatches(tuple(tests)))
    if not raw:
        raise reader.fail(f"{what}: the condition for {field.name} is empty (expected a value, or one "
                          f"of the operators {', '.join(OPERATORS)})", container, key)
    unknown = next(k for k in raw if k not in OPERATORS)
    raise reader.fail(f"{what}: unknown operator '{unknown}' for {field.name}"
                      f"{suggest(str(unknown), OPERATORS)} (expected {', '.join(OPERATORS)})",
                      raw, unknown, at_key=True)
