"""Evaluating intrinsic functions as CloudFormation would, as far as a template alone allows.

:class:`Evaluator` turns a template value into plain data. What can be known is computed exactly
(parameter defaults, mappings, conditions, ``Fn::Cidr``, ``Fn::GetAZs`` for the Regions in
:mod:`.regions`, ``Fn::Sub``...). What cannot is kept, never invented:

- a ``Ref`` or ``Fn::GetAtt`` naming a resource becomes a :class:`ResourceRef` (the importer turns it
  into a model reference, or into the attribute's value when that is known, such as a VPC's CIDR);
- anything depending on an unknown (a parameter without a default, ``AWS::AccountId``, an imported
  value...) becomes a :class:`Residual`: the function with everything known already folded in, in
  CloudFormation's long form, so it can be shown and written back unchanged.

``Ref: AWS::NoValue`` evaluates to :data:`NO_VALUE`, which removes the key or list item holding it.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from typing import Any, Callable

from .. import cidr as _cidr
from ..errors import LoadError
from . import regions
from .source import INTRINSIC_FUNCTIONS, where

__all__ = ["Evaluator", "ResourceRef", "Residual", "NO_VALUE", "UNKNOWN", "Parameter", "to_form",
           "mentioned_resources", "PSEUDO_PARAMETERS"]

PSEUDO_PARAMETERS = ("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
                     "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix")


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


#: ``Ref: AWS::NoValue``: the property or list item is left out.
NO_VALUE = _Marker("NO_VALUE")
#: A condition whose value depends on something unknown.
UNKNOWN = _Marker("UNKNOWN")


@dataclass(frozen=True, slots=True)
class ResourceRef:
    """``Ref`` (attribute None) or ``Fn::GetAtt`` naming a resource, whose value is not known."""

    id: str
    attribute: str | None = None

    def form(self) -> dict:
        if self.attribute is None:
            return {"Ref": self.id}
        return {"Fn::GetAtt": [self.id, self.attribute]}


@dataclass(frozen=True, slots=True)
class Residual:
    """A value that depends on something unknown, as a long-form intrinsic (``{"Fn::Join": ...}``).
    ``resources`` names the resources it mentions."""

    form: Any
    resources: frozenset = frozenset()


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    #: The value a stack gets without being told one: the default, split for list types, or a
    #: Residual ``Ref`` when there is no default (or the value is looked up in SSM at deploy time).
    value: Any
    line: int | None = None


_SUB_PLACEHOLDER = re.compile(r"\$\{([^}]*)\}")


class Evaluator:
    """Evaluates values of one template. ``attribute(id, name)`` gives a resource attribute's value
    when the importer knows it (``Vpc.CidrBlock``), else ``None``."""

    def __init__(self, path: str, region: str, parameters: dict[str, Parameter], mappings: dict,
                 conditions: dict, resource_types: dict[str, str],
                 attribute: Callable[[str, str], Any] | None = None):
        self.path = path
        self.region = region
        self.parameters = parameters
        self.mappings = mappings
        self.condition_bodies = conditions
        self.resource_types = resource_types
        self.attribute = attribute or (lambda rid, name: None)
        self.excluded: dict[str, str] = {}   # resource id -> the false condition leaving it out
        self.context = ""                    # "resource 'Web'", named in error messages
        self._condition_values: dict[str, Any] = {}
        self._evaluating: list[str] = []
        self.used_transform = False

    # ------------------------------------------------------------------ errors
    def fail(self, message: str, pos) -> LoadError:
        line, column = pos if pos else (None, None)
        prefix = f"{self.context}: " if self.context else ""
        return LoadError(prefix + message, self.path, line, column)

    # ------------------------------------------------------------------ conditions
    def condition(self, name: Any, pos=None) -> Any:
        """True, False or UNKNOWN for a named condition. Circular conditions are an error."""
        if not isinstance(name, str) or name not in self.condition_bodies:
            raise self.fail(f"there is no condition '{name}' in the Conditions section", pos)
        if name in self._condition_values:
            return self._condition_values[name]
        if name in self._evaluating:
            chain = " → ".join(self._evaluating[self._evaluating.index(name):] + [name])
            raise self.fail(f"circular conditions: {chain}", pos)
        self._evaluating.append(name)
        saved, self.context = self.context, f"condition '{name}'"
        try:
            value = self._condition_value(self.condition_bodies[name],
                                          where(self.condition_bodies, name))
        finally:
            self.context = saved
            self._evaluating.pop()
        self._condition_values[name] = value
        return value

    def _condition_value(self, body: Any, pos) -> Any:
        if isinstance(body, bool):
            return body
        if not (isinstance(body, dict) and len(body) == 1):
            raise self.fail("a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition",
                            pos)
        name, args = next(iter(body.items()))
        pos = _pos(body, name, pos)
        if name == "Condition":
            return self.condition(args, pos)
        if name == "Fn::Equals":
            if not isinstance(args, list) or len(args) != 2:
                raise self.fail("Fn::Equals takes a list of two values", pos)
            a, b = (self.evaluate(v, _pos(args, i, pos)) for i, v in enumerate(args))
            if isinstance(a, (Residual, ResourceRef)) or isinstance(b, (Residual, ResourceRef)):
                return True if to_form(a) == to_form(b) else UNKNOWN
            return _as_text(a) == _as_text(b)
        if name in ("Fn::And", "Fn::Or"):
            if not isinstance(args, list) or not 2 <= len(args) <= 10:
                raise self.fail(f"{name} takes a list of 2 to 10 conditions", pos)
            values = [self._condition_value(v, _pos(args, i, pos)) for i, v in enumerate(args)]
            decisive = name == "Fn::Or"
            if decisive in values:
                return decisive
            return UNKNOWN if UNKNOWN in values else not decisive
        if name == "Fn::Not":
            if not isinstance(args, list) or len(args) != 1:
                raise self.fail("Fn::Not takes a list of one condition", pos)
            value = self._condition_value(args[0], _pos(args, 0, pos))
            return UNKNOWN if value is UNKNOWN else not value
        raise self.fail(f"{name} cannot be used as a condition", pos)

    # ------------------------------------------------------------------ values
    def evaluate(self, value: Any, pos=None) -> Any:
        """The value with every intrinsic function evaluated (see the module docstring)."""
        if isinstance(value, dict):
            if len(value) == 1:
                key = next(iter(value))
                if key in INTRINSIC_FUNCTIONS and key != "Condition":
                    return self._function(key, value[key], _pos(value, key, pos))
                if isinstance(key, str) and key.startswith("Fn::"):
                    raise self.fail(f"unknown intrinsic function {key}", _pos(value, key, pos))
            out = {}
            for key, item in value.items():
                result = self.evaluate(item, _pos(value, key, pos))
                if result is not NO_VALUE:
                    out[key] = result
            return out
        if isinstance(value, list):
            out_list = []
            for i, item in enumerate(value):
                result = self.evaluate(item, _pos(value, i, pos))
                if result is not NO_VALUE:
                    out_list.append(result)
            return out_list
        return value

    def _function(self, name: str, args: Any, pos) -> Any:
        handler = _FUNCTIONS[name]
        return handler(self, args, pos)

    def ref(self, name: Any, pos) -> Any:
        if not isinstance(name, str):
            raise self.fail("Ref takes the name of a parameter or resource", pos)
        if name in self.parameters:
            return self.parameters[name].value
        if name in self.resource_types:
            if name in self.excluded:
                raise self.fail(f"Ref names '{name}', which is left out because its condition "
                                f"'{self.excluded[name]}' is false", pos)
            return ResourceRef(name)
        if name.startswith("AWS::"):
            return self._pseudo(name, pos)
        raise self.fail(f"Ref names '{name}', which is neither a parameter nor a resource", pos)

    def _pseudo(self, name: str, pos) -> Any:
        if name == "AWS::Region":
            return self.region
        if name == "AWS::Partition":
            return regions.partition(self.region)
        if name == "AWS::URLSuffix":
            return regions.url_suffix(self.region)
        if name == "AWS::NoValue":
            return NO_VALUE
        if name in PSEUDO_PARAMETERS:  # the account, the stack: only known at deploy time
            return Residual({"Ref": name})
        raise self.fail(f"unknown pseudo parameter {name}", pos)

    def get_att(self, args: Any, pos) -> Any:
        if isinstance(args, str):
            resource, _, attribute = args.partition(".")
        elif isinstance(args, list) and len(args) == 2:
            resource = args[0]
            attribute = self.evaluate(args[1], _pos(args, 1, pos))
        else:
            raise self.fail("Fn::GetAtt takes [Resource, Attribute] or Resource.Attribute", pos)
        if not isinstance(resource, str) or not isinstance(attribute, str) or not attribute:
            raise self.fail("Fn::GetAtt takes a resource name and an attribute name", pos)
        if resource not in self.resource_types:
            raise self.fail(f"Fn::GetAtt names '{resource}', which is not a resource", pos)
        if resource in self.excluded:
            raise self.fail(f"Fn::GetAtt names '{resource}', which is left out because its "
                            f"condition '{self.excluded[resource]}' is false", pos)
        known = self.attribute(resource, attribute)
        return ResourceRef(resource, attribute) if known is None else known

    def sub(self, args: Any, pos) -> Any:
        if isinstance(args, list) and len(args) == 2 and isinstance(args[1], dict):
            template, variables = args[0], args[1]
            values = {k: self.evaluate(v, _pos(variables, k, pos)) for k, v in variables.items()}
        elif isinstance(args, str):
            template, values = args, {}
        else:
            raise self.fail("Fn::Sub takes a string, or [string, {Name: value}]", pos)
        if not isinstance(template, str):
            raise self.fail("Fn::Sub's first argument must be a string", pos)
        pieces: list[str] = []
        residual = False
        kept_variables: dict[str, Any] = {}
        mentioned: set[str] = set()
        last = 0
        for match in _SUB_PLACEHOLDER.finditer(template):
            pieces.append(template[last:match.start()].replace("${", "${!"))
            last = match.end()
            name = match.group(1).strip()
            if name.startswith("!"):
                pieces.append(match.group(0))  # ${!Literal} stays literal
                continue
            if name in values:
                value = values[name]
            elif "." in name and not name.startswith("AWS::"):
                value = self.get_att(name, pos)
            else:
                value = self.ref(name, pos)
            if not isinstance(value, (Residual, ResourceRef)) and not _is_scalar(value):
                raise self.fail(f"Fn::Sub cannot insert '{name}': it is not a single value", pos)
            if isinstance(value, (Residual, ResourceRef)):
                residual = True
                mentioned |= mentioned_resources(value)
                if name in values:
                    kept_variables[name] = to_form(value)
                pieces.append(match.group(0))
            else:
                pieces.append(_as_text(value).replace("${", "${!"))
        pieces.append(template[last:].replace("${", "${!"))
        text = "".join(pieces)
        if not residual:
            return text.replace("${!", "${")
        form = {"Fn::Sub": [text, kept_variables] if kept_variables else text}
        return Residual(form, frozenset(mentioned))

    def _list_argument(self, value: Any, pos, function: str) -> Any:
        result = self.evaluate(value, pos)
        if isinstance(result, (Residual, ResourceRef)) or isinstance(result, list):
            return result
        raise self.fail(f"{function} needs a list here, got {_describe(result)}", pos)


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool))


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'"


def _pos(container: Any, key: Any, fallback):
    line, column = where(container, key)
    return (line, column) if line is not None else fallback


def _unknown(value: Any) -> bool:
    return isinstance(value, (Residual, ResourceRef))


def to_form(value: Any) -> Any:
    """An evaluated value as template data again: references and residuals become long-form
    intrinsics, everything else stays as it is."""
    if isinstance(value, ResourceRef):
        return value.form()
    if isinstance(value, Residual):
        return value.form
    if value is NO_VALUE:
        return {"Ref": "AWS::NoValue"}
    if isinstance(value, dict):
        return {k: to_form(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_form(v) for v in value]
    return value


def mentioned_resources(value: Any) -> frozenset:
    """The ids of the resources an evaluated value refers to."""
    if isinstance(value, ResourceRef):
        return frozenset((value.id,))
    if isinstance(value, Residual):
        return value.resources
    if isinstance(value, dict):
        return frozenset().union(*(mentioned_resources(v) for v in value.values()))
    if isinstance(value, list):
        return frozenset().union(*(mentioned_resources(v) for v in value))
    return frozenset()


def _residual(name: str, args: Any) -> Residual:
    return Residual({name: to_form(args)}, mentioned_resources(args))


# ---------------------------------------------------------------------- the functions
def _ref(ev: Evaluator, args, pos):
    return ev.ref(args, pos)


def _get_att(ev: Evaluator, args, pos):
    return ev.get_att(args, pos)


def _sub(ev: Evaluator, args, pos):
    return ev.sub(args, pos)


def _join(ev: Evaluator, args, pos):
    if not isinstance(args, list) or len(args) != 2:
        raise ev.fail("Fn::Join takes [delimiter, [values...]]", pos)
    delimiter = ev.evaluate(args[0], _pos(args, 0, pos))
    items = ev._list_argument(args[1], _pos(args, 1, pos), "Fn::Join")
    if not isinstance(delimiter, str):
        raise ev.fail("Fn::Join's delimiter must be a string", pos)
    if _unknown(items) or any(_unknown(i) for i in items):
        return _residual("Fn::Join", [delimiter, items])
    for item in items:
        if not _is_scalar(item):
            raise ev.fail(f"Fn::Join can only join single values, got {_describe(item)}", pos)
    return delimiter.join(_as_text(i) for i in items)


def _select(ev: Evaluator, args, pos):
    if not isinstance(args, list) or len(args) != 2:
        raise ev.fail("Fn::Select takes [index, [values...]]", pos)
    index = ev.evaluate(args[0], _pos(args, 0, pos))
    items = ev._list_argument(args[1], _pos(args, 1, pos), "Fn::Select")
    if _unknown(index) or _unknown(items):
        return _residual("Fn::Select", [index, items])
    try:
        number = int(index)
    except (TypeError, ValueError):
        raise ev.fail(f"Fn::Select's index must be a number, got {_describe(index)}", pos) from None
    if not 0 <= number < len(items):
        raise ev.fail(f"Fn::Select index {number} is outside the list, which has {len(items)} "
                      f"item{'s' if len(items) != 1 else ''}", pos)
    return items[number]


def _split(ev: Evaluator, args, pos):
    if not isinstance(args, list) or len(args) != 2:
        raise ev.fail("Fn::Split takes [delimiter, string]", pos)
    delimiter = ev.evaluate(args[0], _pos(args, 0, pos))
    source = ev.evaluate(args[1], _pos(args, 1, pos))
    if not isinstance(delimiter, str) or not delimiter:
        raise ev.fail("Fn::Split's delimiter must be a non-empty string", pos)
    if _unknown(source):
        return _residual("Fn::Split", [delimiter, source])
    if not isinstance(source, str):
        raise ev.fail(f"Fn::Split splits a string, got {_describe(source)}", pos)
    return source.split(delimiter)


def _get_azs(ev: Evaluator, args, pos):
    region = ev.evaluate(args, pos)
    if _unknown(region):
        return _residual("Fn::GetAZs", region)
    if not isinstance(region, str):
        raise ev.fail("Fn::GetAZs takes a Region name (or an empty string)", pos)
    zones = regions.availability_zones(region or ev.region)
    if zones is None:
        return Residual({"Fn::GetAZs": region})
    return list(zones)


def _cidr_function(ev: Evaluator, args, pos):
    if not isinstance(args, list) or len(args) != 3:
        raise ev.fail("Fn::Cidr takes [ipBlock, count, cidrBits]", pos)
    block, count, bits = (ev.evaluate(a, _pos(args, i, pos)) for i, a in enumerate(args))
    if any(_unknown(v) for v in (block, count, bits)):
        return _residual("Fn::Cidr", [block, count, bits])
    if not isinstance(block, str) or _cidr.parse(block) is None:
        raise ev.fail(f"Fn::Cidr needs an address block such as 10.0.0.0/16, got {_describe(block)}",
                      _pos(args, 0, pos))
    try:
        return _cidr.fn_cidr(block, int(count), int(bits))
    except (TypeError, ValueError) as exc:
        raise ev.fail(str(exc), pos) from None


def _find_in_map(ev: Evaluator, args, pos):
    if not isinstance(args, list) or len(args) not in (3, 4):
        raise ev.fail("Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]", pos)
    keys = [ev.evaluate(a, _pos(args, i, pos)) for i, a in enumerate(args[:3])]
    default = None
    if len(args) == 4:
        option = args[3]
        if not (isinstance(option, dict) and "DefaultValue" in option):
            raise ev.fail("Fn::FindInMap's fourth argument must be {DefaultValue: ...}", pos)
        default = ev.evaluate(option["DefaultValue"], _pos(args, 3, pos))
    if any(_unknown(k) for k in keys):
        return _residual("Fn::FindInMap", keys)
    if not all(_is_scalar(k) for k in keys):
        raise ev.fail("Fn::FindInMap takes a map name and two keys, each a single value", pos)
    name, top, second = (_as_text(k) if _is_scalar(k) else k for k in keys)
    table = ev.mappings.get(name) if isinstance(name, str) else None
    if table is None:
        raise ev.fail(f"Fn::FindInMap: there is no mapping '{name}' in the Mappings section", pos)
    if not isinstance(table, dict):
        raise ev.fail(f"Fn::FindInMap: the mapping '{name}' must map keys to mappings of values, "
                      f"not be {_describe(table)}", pos)
    row = table.get(top) if isinstance(top, str) else None
    if not isinstance(row, dict) or second not in row:
        if default is not None:
            return default
        missing = f"key '{top}'" if not isinstance(row, dict) else f"key '{second}' under '{top}'"
        raise ev.fail(f"Fn::FindInMap: the mapping '{name}' has no {missing}", pos)
    return ev.evaluate(row[second], _pos(row, second, pos))


def _import_value(ev: Evaluator, args, pos):
    return _residual("Fn::ImportValue", ev.evaluate(args, pos))


def _base64(ev: Evaluator, args, pos):
    value = ev.evaluate(args, pos)
    if _unknown(value):
        return _residual("Fn::Base64", value)
    if not isinstance(value, str):
        raise ev.fail(f"Fn::Base64 encodes a string, got {_describe(value)}", pos)
    return base64.b64encode(value.encode("utf-8")).decode("ascii")


def _if(ev: Evaluator, args, pos):
    if not isinstance(args, list) or len(args) != 3:
        raise ev.fail("Fn::If takes [Condition, value if true, value if false]", pos)
    decided = ev.condition(args[0], _pos(args, 0, pos))
    if decided is UNKNOWN:
        branches = [ev.evaluate(args[i], _pos(args, i, pos)) for i in (1, 2)]
        forms = [{"Ref": "AWS::NoValue"} if b is NO_VALUE else b for b in branches]
        return _residual("Fn::If", [args[0], *forms])
    return ev.evaluate(args[1] if decided else args[2], _pos(args, 1 if decided else 2, pos))


def _condition_function(ev: Evaluator, args, pos):
    """Fn::Equals, Fn::And, Fn::Or and Fn::Not used as values: true or false."""
    raise ev.fail("condition functions (Fn::Equals, Fn::And, Fn::Or, Fn::Not) belong in the "
                  "Conditions section or inside Fn::If", pos)


def _to_json_string(ev: Evaluator, args, pos):
    value = ev.evaluate(args, pos)
    if mentioned_resources(value) or _contains_unknown(value):
        return _residual("Fn::ToJsonString", value)
    return json.dumps(value, separators=(",", ":"))


def _length(ev: Evaluator, args, pos):
    value = ev._list_argument(args, pos, "Fn::Length")
    if _unknown(value):
        return _residual("Fn::Length", value)
    return len(value)


def _transform(ev: Evaluator, args, pos):
    ev.used_transform = True
    return _residual("Fn::Transform", ev.evaluate(args, pos))


def _contains_unknown(value: Any) -> bool:
    if _unknown(value):
        return True
    if isinstance(value, dict):
        return any(_contains_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(_contains_unknown(v) for v in value)
    return False


_FUNCTIONS: dict[str, Callable] = {
    "Ref": _ref, "Fn::GetAtt": _get_att, "Fn::Sub": _sub, "Fn::Join": _join, "Fn::Select": _select,
    "Fn::Split": _split, "Fn::GetAZs": _get_azs, "Fn::Cidr": _cidr_function,
    "Fn::FindInMap": _find_in_map, "Fn::ImportValue": _import_value, "Fn::Base64": _base64,
    "Fn::If": _if, "Fn::Equals": _condition_function, "Fn::And": _condition_function,
    "Fn::Or": _condition_function, "Fn::Not": _condition_function,
    "Fn::ToJsonString": _to_json_string, "Fn::Length": _length, "Fn::Transform": _transform,
}
assert set(_FUNCTIONS) == INTRINSIC_FUNCTIONS - {"Condition"}
