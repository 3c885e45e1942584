"""From evaluated template values to the typed values model fields hold.

CloudFormation is loosely typed (``MinSize: "2"``, ``MultiAZ: "true"``); model fields are not. These
helpers coerce what means the same thing, keep what is unknown as an :class:`~model.schema.Unresolved`
holding its short-form expression (``!Ref KeyName``), and report what cannot be used by raising
:class:`ValueProblem`, which the importer turns into a note.
"""

from __future__ import annotations

from typing import Any

from ..schema import Unresolved
from .dumper import expression
from .intrinsics import Residual, ResourceRef, to_form

__all__ = ["ValueProblem", "is_unknown", "unresolved", "text", "number", "flag", "texts",
           "first", "as_list", "PROTOCOL_NAMES", "protocol"]


class ValueProblem(ValueError):
    """A template value that does not fit the model field it feeds."""


def is_unknown(value: Any) -> bool:
    return isinstance(value, (Residual, ResourceRef))


def unresolved(value: Any) -> Unresolved:
    """A value that cannot be known, kept as the expression that would compute it."""
    return Unresolved(expression(to_form(value)))


def text(value: Any, default: str = "") -> Any:
    if value is None:
        return default
    if is_unknown(value):
        return unresolved(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    if isinstance(value, (str, int, float)):
        return str(value)
    raise ValueProblem(f"expected a single value, got {'a list' if isinstance(value, list) else 'a mapping'}")


def number(value: Any, default: int = 0) -> Any:
    if value is None:
        return default
    if is_unknown(value):
        return unresolved(value)
    if isinstance(value, bool):
        raise ValueProblem(f"expected a number, got {value}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value == int(value):
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    raise ValueProblem(f"expected a whole number, got '{value}'")


def flag(value: Any, default: bool = False) -> Any:
    if value is None:
        return default
    if is_unknown(value):
        return unresolved(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise ValueProblem(f"expected true or false, got '{value}'")


def as_list(value: Any) -> Any:
    """A list value (a single value becomes a list of one); unknown lists stay unknown."""
    if value is None:
        return []
    if is_unknown(value) or isinstance(value, list):
        return value
    return [value]


def texts(value: Any, default: Any = ()) -> Any:
    """A list of text values; a list that is unknown as a whole becomes one Unresolved."""
    if value is None:
        return default
    items = as_list(value)
    if is_unknown(items):
        return unresolved(items)
    return tuple(text(item) for item in items)


def first(value: Any) -> Any:
    """The first item of a list value (or the value itself when it is not a list)."""
    if isinstance(value, list):
        return value[0] if value else None
    return value


#: IP protocol numbers security groups and network ACLs use, and the names the model uses.
PROTOCOL_NAMES = {"-1": "all", "all": "all", "6": "tcp", "tcp": "tcp", "17": "udp", "udp": "udp",
                  "1": "icmp", "icmp": "icmp", "58": "icmpv6", "icmpv6": "icmpv6"}


def protocol(value: Any) -> Any:
    """``IpProtocol`` / ``Protocol`` as tcp, udp, icmp, icmpv6 or all."""
    if is_unknown(value):
        return unresolved(value)
    name = PROTOCOL_NAMES.get(str(value).strip().lower()) if value is not None else "all"
    if name is None:
        raise ValueProblem(f"IP protocol {value} is not one Kumozu models (tcp, udp, icmp, icmpv6 "
                           f"or all)")
    return name
