"""Deeply immutable property values.

Resource records are shared between the model, the undo stack and the validators, so nothing handed out
may be changed in place: lists become tuples and mappings become :class:`FrozenDict`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FrozenDict", "freeze", "thaw"]


class FrozenDict(dict):
    """A dict that refuses mutation and can be hashed (when its values can)."""

    __slots__ = ("_hash",)

    def _refuse(self, *args, **kwargs):
        raise TypeError("FrozenDict cannot be changed; build a new one")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse  # type: ignore
    __ior__ = _refuse  # type: ignore

    def __hash__(self) -> int:  # type: ignore[override]
        try:
            return self._hash
        except AttributeError:
            self._hash = hash(tuple(sorted(self.items(), key=lambda kv: kv[0])))
            return self._hash

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (FrozenDict, (dict(self),))

    def __repr__(self) -> str:
        return f"FrozenDict({dict.__repr__(self)})"


def freeze(value: Any) -> Any:
    """Return ``value`` with every list turned into a tuple and every dict into a FrozenDict."""
    if isinstance(value, FrozenDict):
        return value
    if isinstance(value, dict):
        return FrozenDict((k, freeze(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(freeze(v) for v in value)
    return value


def thaw(value: Any) -> Any:
    """The inverse of :func:`freeze`: plain lists and dicts, safe to edit and to serialise."""
    if isinstance(value, dict):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value
