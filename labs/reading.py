"""Reading lab files strictly: every complaint names the file, the line and the column.

The lab reader, the selector parser and the check parsers all read :class:`~model.yaml_source.LocatedMap`
values (which remember where each value was written) through one :class:`Reader`, so they report
problems the same way: ``course/01.lab.yaml:14:9: goal 'web-public': unknown field 'expct' (did you
mean 'expect'?)``.
"""

from __future__ import annotations

import difflib
from typing import Any, Iterable

from model.errors import LoadError
from model.yaml_source import LocatedList, LocatedMap

__all__ = ["Reader", "suggest"]

_TYPE_NAMES = {str: "text", int: "a whole number", bool: "true or false", list: "a list",
               dict: "a mapping"}


class Reader:
    """Helpers that raise :class:`LoadError` pointing at a value in the file at ``path``."""

    def __init__(self, path: str):
        self.path = path

    def fail(self, message: str, container: Any = None, key: Any = None, *,
             at_key: bool = False) -> LoadError:
        """A :class:`LoadError` at ``container[key]`` (its key with ``at_key``), at the container
        itself when ``key`` is None, or for the whole file when nothing is located."""
        line = column = None
        if isinstance(container, LocatedMap):
            if key is None:
                line, column = container.line, container.column
            else:
                line, column = container.where_key(key) if at_key else container.where(key)
        elif isinstance(container, LocatedList):
            line, column = (container.line, container.column) if key is None else container.where(key)
        return LoadError(message, self.path, line, column)

    def mapping(self, container: Any, key: Any, what: str) -> LocatedMap:
        value = container[key]
        if not isinstance(value, LocatedMap):
            raise self.fail(f"{what} must be a mapping", container, key)
        return value

    def listing(self, container: Any, key: Any, what: str) -> LocatedList:
        value = container[key]
        if not isinstance(value, LocatedList):
            raise self.fail(f"{what} must be a list", container, key)
        return value

    def text(self, container: Any, key: Any, what: str, *, allow_empty: bool = False) -> str:
        value = container[key]
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            raise self.fail(f"{what} must be {'text' if allow_empty else 'non-empty text'}",
                            container, key)
        return value

    def integer(self, container: Any, key: Any, what: str, minimum: int | None = None,
                maximum: int | None = None) -> int:
        value = container[key]
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"{what} must be a whole number", container, key)
        if minimum is not None and value < minimum or maximum is not None and value > maximum:
            low = minimum if minimum is not None else "..."
            high = maximum if maximum is not None else "..."
            raise self.fail(f"{what} must be from {low} to {high}, not {value}", container, key)
        return value

    def boolean(self, container: Any, key: Any, what: str) -> bool:
        value = container[key]
        if not isinstance(value, bool):
            raise self.fail(f"{what} must be true or false", container, key)
        return value

    def choice(self, container: Any, key: Any, what: str, choices: Iterable[str]) -> str:
        choices = tuple(choices)
        value = container[key]
        if value not in choices:
            raise self.fail(f"{what} must be one of {', '.join(choices)}, not '{value}'"
                            f"{suggest(str(value), choices)}", container, key)
        return value

    def known_keys(self, mapping: LocatedMap, allowed: Iterable[str], what: str,
                   required: Iterable[str] = ()) -> None:
        """Refuse keys not in ``allowed`` (suggesting the closest) and missing ``required`` ones."""
        allowed = tuple(allowed)
        for key in mapping:
            if key not in allowed:
                raise self.fail(f"{what}: unknown field '{key}'{suggest(str(key), allowed)} "
                                f"(expected {', '.join(allowed)})", mapping, key, at_key=True)
        for key in required:
            if key not in mapping:
                raise self.fail(f"{what}: '{key}' is missing", mapping)


def suggest(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
