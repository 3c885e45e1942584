"""Reading a template's text: YAML with CloudFormation's short-form tags, or JSON, with a line and
column for every value.

Short forms become the long forms JSON templates use (``!Ref X`` -> ``{"Ref": "X"}``, ``!GetAtt A.B``
-> ``{"Fn::GetAtt": ["A", "B"]}``), so everything after this module sees one shape. JSON goes through
the same located reader (JSON is YAML's flow syntax), after the strict :mod:`json` parser has checked
it and given exact positions for its errors.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import LoadError
from ..yaml_source import (DuplicateKeyError, LimitExceeded, LocatedList, LocatedMap, decode_text,
                           read_yaml)

__all__ = ["MAX_TEMPLATE_BYTES", "read_template", "template_tags", "where", "where_key", "INTRINSIC_FUNCTIONS", "SHORT_FORMS"]

#: CloudFormation's own limit for a template stored in S3 (a template body sent inline is limited to
#: 51,200 bytes): https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
MAX_TEMPLATE_BYTES = 1024 * 1024
#: The most values a template may hold. A 500-resource template (CloudFormation's limit per
#: template) holds about 7,000; this bounds the time and memory a hostile 1 MB file can cost.
MAX_TEMPLATE_VALUES = 200_000
#: The deepest nesting read (CloudFormation's own JSON parser stops far sooner).
MAX_TEMPLATE_DEPTH = 100

#: Every intrinsic function Kumozu understands, by its long name.
INTRINSIC_FUNCTIONS = frozenset({
    "Ref", "Condition", "Fn::Base64", "Fn::Cidr", "Fn::FindInMap", "Fn::GetAtt", "Fn::GetAZs",
    "Fn::ImportValue", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::Sub", "Fn::Transform",
    "Fn::And", "Fn::Equals", "Fn::If", "Fn::Not", "Fn::Or", "Fn::ToJsonString", "Fn::Length",
})

#: YAML short-form tags and the long form each stands for.
SHORT_FORMS = {"!Ref": "Ref", "!Condition": "Condition"}
SHORT_FORMS.update({f"!{name[4:]}": name for name in INTRINSIC_FUNCTIONS if name.startswith("Fn::")})


def read_template(data: bytes, path: str) -> Any:
    """The template's document as located mappings and lists. Raises :class:`LoadError` for a file
    that is too large, not text, or not valid YAML or JSON."""
    if len(data) > MAX_TEMPLATE_BYTES:
        raise LoadError(f"the template is {len(data) / 1e6:.1f} MB; CloudFormation accepts templates of "
                        f"up to 1 MB ({MAX_TEMPLATE_BYTES:,} bytes), so Kumozu does not read it", path)
    text = decode_text(data, path)
    if text.lstrip().startswith("{"):
        return _read_json(text, path)
    return read_yaml(text, path, tag_handler=template_tags(path), max_values=MAX_TEMPLATE_VALUES,
                     max_depth=MAX_TEMPLATE_DEPTH)


def template_tags(path: str):
    """The tag handler :func:`~model.yaml_source.read_yaml` needs for CloudFormation's short forms."""
    return _TagHandler(path)


def where(container: Any, key: Any) -> tuple[int | None, int | None]:
    """(line, column) of ``container[key]`` when the container remembers it, else (None, None)."""
    located = getattr(container, "where", None)
    return located(key) if located is not None else (None, None)


def where_key(container: Any, key: Any) -> tuple[int | None, int | None]:
    """(line, column) of the key itself (a resource's logical id), else (None, None)."""
    located = getattr(container, "where_key", None)
    return located(key) if located is not None else (None, None)


class _TagHandler:
    """Turns ``!Ref Name`` and friends into their long forms, keeping the tag's position."""

    def __init__(self, path: str):
        self.path = path

    def __call__(self, tag: str, value: Any, line: int, column: int) -> Any:
        name = SHORT_FORMS.get(tag)
        if name is None:
            raise LoadError(f"unknown intrinsic function {tag} (CloudFormation's short forms are "
                            f"{', '.join(sorted(SHORT_FORMS))})", self.path, line, column)
        if name == "Fn::GetAtt" and isinstance(value, str):
            resource, dot, attribute = value.partition(".")
            if not dot or not resource or not attribute:
                raise LoadError(f"!GetAtt needs Resource.Attribute, got '{value}'", self.path, line,
                                column)
            parts = LocatedList(line, column)
            parts.put(resource, line, column)
            parts.put(attribute, line, column)
            value = parts
        located = LocatedMap(line, column)
        located.put(name, value, line, column)
        return located


def _read_json(text: str, path: str) -> Any:
    """JSON read strictly by :mod:`json`, then again by the located reader for the positions.

    The located reading also enforces the limits YAML templates have (nesting, number of values) and
    says on which line a duplicate key or too deep a nesting is, which :mod:`json` cannot."""
    problem = None
    try:
        plain = json.loads(text, object_pairs_hook=_no_duplicates, parse_int=_whole_number,
                           parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise LoadError(f"this is not valid JSON: {exc.msg}", path, exc.lineno, exc.colno) from None
    except _TooLong as exc:
        raise LoadError(f"a number of {len(exc.digits):,} digits cannot be read as a whole number",
                        path, *_position(text, exc.digits)) from None
    except _NotJson as exc:
        raise LoadError(f"this is not valid JSON: {exc.word} is not a JSON number", path,
                        *_position(text, exc.word)) from None
    except _DuplicateKey as exc:
        plain, problem = None, f"this is not valid JSON: the key '{exc.key}' appears twice in one object"
    except RecursionError:
        plain, problem = None, f"values are nested more than {MAX_TEMPLATE_DEPTH} levels deep"
    # Strict JSON has no raw tabs inside strings, so tabs are only indentation and may become
    # spaces without moving any column; YAML's flow syntax then reads the text with positions.
    try:
        located = read_yaml(text.replace("\t", " "), path, max_values=MAX_TEMPLATE_VALUES,
                            max_depth=MAX_TEMPLATE_DEPTH)
    except (LimitExceeded, DuplicateKeyError):
        raise
    except LoadError:
        # YAML 1.1 refuses a few spellings JSON allows; JSON's reading stands, without positions,
        # within the same limits.
        if problem is not None:
            raise LoadError(problem, path) from None
        _check_shape(plain, path)
        return plain
    if problem is not None:  # cannot happen: YAML sees the same keys and nesting
        raise LoadError(problem, path)
    return _json_values(located, plain)


def _json_values(located: Any, plain: Any) -> Any:
    """The located document holding JSON's reading of every value: YAML 1.1 reads a few JSON
    spellings differently (``1e5`` is text to it), and JSON's reading wins, while every value that
    can keep its position does. Recursion is bounded by the located reader's depth limit."""
    if isinstance(located, LocatedMap) and isinstance(plain, dict) and list(located) == list(plain):
        for key, value in plain.items():
            merged = _json_values(located[key], value)
            if merged is not located[key]:
                dict.__setitem__(located, key, merged)
        return located
    if isinstance(located, LocatedList) and isinstance(plain, list) and len(located) == len(plain):
        for i, value in enumerate(plain):
            merged = _json_values(located[i], value)
            if merged is not located[i]:
                list.__setitem__(located, i, merged)
        return located
    if type(located) is type(plain) and located == plain:
        return located
    return plain


def _check_shape(value: Any, path: str) -> None:
    """Refuse plain JSON data nested more deeply, or holding more values, than a template may.
    Iterative, so no depth can exhaust the stack. Cost: linear in the number of values."""
    pending = [(value, 0)]
    count = 0
    while pending:
        item, depth = pending.pop()
        count += 1
        if count > MAX_TEMPLATE_VALUES:
            raise LoadError(f"the file holds more than {MAX_TEMPLATE_VALUES:,} values", path)
        if isinstance(item, (dict, list)):
            if depth >= MAX_TEMPLATE_DEPTH:
                raise LoadError(f"values are nested more than {MAX_TEMPLATE_DEPTH} levels deep", path)
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)


def _position(text: str, fragment: str) -> tuple[int, int]:
    """(line, column) of the first ``fragment`` in ``text`` (which holds it)."""
    offset = max(text.find(fragment), 0)
    return (text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1)


class _NotJson(Exception):
    def __init__(self, word: str):
        self.word = word


def _no_constant(word: str):
    """Python's json accepts NaN and Infinity; JSON (and CloudFormation) do not."""
    raise _NotJson(word)


class _TooLong(Exception):
    def __init__(self, digits: str):
        self.digits = digits


def _whole_number(digits: str) -> int:
    """JSON's integers, refusing those Python will not convert (more than 4,300 digits) before it
    raises a ValueError nobody expects from a parser."""
    if len(digits.lstrip("-")) > 4000:
        raise _TooLong(digits)
    return int(digits)


class _DuplicateKey(Exception):
    def __init__(self, key: str):
        self.key = key


def _no_duplicates(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out
