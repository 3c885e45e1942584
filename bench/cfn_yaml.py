"""A small, deterministic writer of CloudFormation YAML with short-form intrinsic tags.

The generator writes its templates with this rather than with the project's own exporter, so the
benchmark's input does not depend on the code it measures. Values are plain dicts, lists, strings,
numbers and booleans, plus :class:`Tag` for ``!Ref X`` / ``!GetAtt X.Y`` / ``!Sub '...'`` and
:class:`Raw` for a flow expression written as is (``!Select [0, !GetAZs '']``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Tag", "Raw", "ref", "get_att", "sub", "select_az", "to_yaml"]

_PLAIN = re.compile(r"^[A-Za-z_/][A-Za-z0-9 ._/\-:<>]*$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


@dataclass(frozen=True)
class Tag:
    tag: str
    value: str


@dataclass(frozen=True)
class Raw:
    text: str


def ref(name: str) -> Tag:
    return Tag("!Ref", name)


def get_att(resource: str, attribute: str) -> Tag:
    return Tag("!GetAtt", f"{resource}.{attribute}")


def sub(text: str) -> Tag:
    return Tag("!Sub", text)


def select_az(index: int) -> Raw:
    return Raw(f"!Select [{index}, !GetAZs '']")


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Tag):
        return f"{value.tag} {_string(value.value)}"
    if isinstance(value, Raw):
        return value.text
    return _string(value)


def _string(text: str) -> str:
    if (_PLAIN.match(text) and text.lower() not in _RESERVED and not text.endswith((" ", ":"))
            and ": " not in text and " #" not in text):
        return text
    return "'" + text.replace("'", "''") + "'"


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list)) or (isinstance(value, (dict, list)) and not value)


def _empty(value: Any) -> str:
    return "{}" if isinstance(value, dict) else "[]"


def _lines(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and "\n" in item:
                out.append(f"{pad}{key}: |")
                out.extend(f"{pad}  {line}" if line else "" for line in item.rstrip("\n").split("\n"))
            elif _is_scalar(item):
                out.append(f"{pad}{key}: {_empty(item) if isinstance(item, (dict, list)) else _scalar(item)}")
            else:
                out.append(f"{pad}{key}:")
                out.extend(_lines(item, indent + 2))
    elif isinstance(value, list):
        for item in value:
            if _is_scalar(item):
                out.append(f"{pad}- {_empty(item) if isinstance(item, (dict, list)) else _scalar(item)}")
            else:
                inner = _lines(item, indent + 2)
                out.append(f"{pad}- {inner[0][indent + 2:]}")
                out.extend(inner[1:])
    else:
        out.append(pad + _scalar(value))
    return out


def to_yaml(document: dict) -> str:
    """The document as block YAML (keys in the order given)."""
    return "\n".join(_lines(document, 0)) + "\n"
