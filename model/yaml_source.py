"""A safe YAML reader that remembers where every value came from.

Built on PyYAML's event parser (the C one where available), not on its constructors, so that:

- nothing in a file can run code: only the plain YAML types are built; any other tag is an error,
  unless the caller handles it (CloudFormation's ``!Ref`` and friends);
- aliases are refused, which defeats "billion laughs" bombs; nesting deeper than ``max_depth`` and
  duplicate keys are errors; the reader never recurses, so deep nesting cannot crash it;
- every mapping and list remembers the line and column of each of its values, so an error can say
  exactly where it is.

>>> doc = read_yaml("a: 1\\nb: [x, y]\\n", "f.yaml")
>>> doc["b"], doc.where("b")
(['x', 'y'], (2, 4))
"""

from __future__ import annotations

from typing import Any, Callable

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from .errors import LoadError

__all__ = ["LocatedMap", "LocatedList", "read_yaml", "decode_text", "Tagged"]

try:  # the C parser is much faster; the pure-Python one behaves the same
    _Parser = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {
    _STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", None, "!"}

_resolver = Resolver()
_constructor = SafeConstructor()


class LocatedMap(dict):
    """A mapping read from a file; :meth:`where` tells the line and column of a key's value."""

    __slots__ = ("line", "column", "_marks", "_key_marks")

    def __init__(self, line: int, column: int):
        super().__init__()
        self.line, self.column = line, column
        self._marks: dict[Any, tuple[int, int]] = {}
        self._key_marks: dict[Any, tuple[int, int]] = {}

    def where(self, key: Any) -> tuple[int, int]:
        """(line, column), 1-based, of the value under ``key``; the mapping's own if absent."""
        return self._marks.get(key, (self.line, self.column))

    def where_key(self, key: Any) -> tuple[int, int]:
        return self._key_marks.get(key, (self.line, self.column))


class LocatedList(list):
    __slots__ = ("line", "column", "_marks")

    def __init__(self, line: int, column: int):
        super().__init__()
        self.line, self.column = line, column
        self._marks: list[tuple[int, int]] = []

    def where(self, index: int) -> tuple[int, int]:
        try:
            return self._marks[index]
        except IndexError:
            return (self.line, self.column)


class Tagged:
    """A value carrying a tag the caller asked to keep (``!Ref Name`` -> Tagged("!Ref", "Name"))."""

    __slots__ = ("tag", "value", "line", "column")

    def __init__(self, tag: str, value: Any, line: int, column: int):
        self.tag, self.value, self.line, self.column = tag, value, line, column

    def __repr__(self) -> str:
        return f"Tagged({self.tag!r}, {self.value!r})"


def decode_text(data: bytes, path: str | None) -> str:
    """UTF-8 text of a file, or a :class:`LoadError` saying where the first bad byte is."""
    if b"\x00" in data:
        offset = data.index(b"\x00")
        line = data.count(b"\n", 0, offset) + 1
        raise LoadError("the file contains a NUL byte: it is binary, not a YAML or JSON text",
                        path, line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError(f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x})", path, line,
                        column) from None


def read_yaml(text: str | bytes, path: str | None = None, *, max_depth: int = 100,
              max_values: int = 2_000_000,
              tag_handler: Callable[[str, Any, int, int], Any] | None = None) -> Any:
    """Parse one YAML document into plain values with locations.

    ``tag_handler(tag, value, line, column)`` is called for tags other than the standard ones; it
    returns the value to use, or raises :class:`LoadError`. Without it, such tags are errors.
    Raises :class:`LoadError` for anything malformed or unsafe.
    """
    if isinstance(text, bytes):
        text = decode_text(text, path)
    builder = _Builder(path, max_depth, max_values, tag_handler)
    try:
        for event in yaml.parse(text, Loader=_Parser):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or str(exc)
        if exc.context:
            started = exc.context_mark
            where = (f" that starts on line {started.line + 1}"
                     if started is not None and mark is not None and started.line != mark.line else "")
            problem = f"{problem} ({exc.context}{where})"
        raise LoadError(f"this is not valid YAML: {problem}", path,
                        mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise LoadError(f"this is not valid YAML: {exc}", path) from None
    if builder.documents > 1:
        raise LoadError("the file holds more than one YAML document", path)
    return builder.result


class _Builder:
    """Turns the event stream into located values without recursion."""

    def __init__(self, path, max_depth, max_values, tag_handler):
        self.path = path
        self.max_depth = max_depth
        self.max_values = max_values
        self.tag_handler = tag_handler
        self.stack: list[list] = []  # frames: [container, pending key, key mark, tag]
        self.result: Any = None
        self.documents = 0
        self.values = 0

    def error(self, message: str, mark) -> LoadError:
        return LoadError(message, self.path, mark.line + 1, mark.column + 1)

    def feed(self, event) -> None:
        if isinstance(event, yaml.ScalarEvent):  # by far the most common event: test it first
            self.add(self.scalar(event), event.start_mark)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
        elif isinstance(event, yaml.AliasEvent):
            raise self.error("aliases (*name) are not allowed in Kumozu files", event.start_mark)
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if len(self.stack) >= self.max_depth:
                raise self.error(f"values are nested more than {self.max_depth} levels deep",
                                 event.start_mark)
            tag = event.tag
            if tag not in _COLLECTION_TAGS and self.tag_handler is None:
                raise self.error(_tag_message(tag), event.start_mark)
            line, column = event.start_mark.line + 1, event.start_mark.column + 1
            container = (LocatedList(line, column) if isinstance(event, yaml.SequenceStartEvent)
                         else LocatedMap(line, column))
            self.stack.append([container, _NO_KEY, None, tag if tag not in _COLLECTION_TAGS else None,
                               event.start_mark])
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            container, _, _, tag, mark = self.stack.pop()
            value = container
            if tag is not None:
                value = self.tag_handler(tag, container, mark.line + 1, mark.column + 1)
            self.add(value, mark)

    def scalar(self, event) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = _resolver.resolve(ScalarNode, event.value, event.implicit) if tag is None else _STR
        if tag == "tag:yaml.org,2002:timestamp":
            return event.value  # dates stay text (AWSTemplateFormatVersion: 2010-09-09)
        if tag == "tag:yaml.org,2002:merge":
            raise self.error("merge keys (<<) are not allowed", event.start_mark)
        if tag in _PLAIN_TAGS:
            node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
            return _constructor.yaml_constructors[tag](_constructor, node)
        if self.tag_handler is not None:
            return self.tag_handler(tag, event.value, event.start_mark.line + 1,
                                    event.start_mark.column + 1)
        raise self.error(_tag_message(tag), event.start_mark)

    def add(self, value: Any, mark) -> None:
        self.values += 1
        if self.values > self.max_values:
            raise self.error(f"the file holds more than {self.max_values:,} values", mark)
        where = (mark.line + 1, mark.column + 1)
        if not self.stack:
            self.result = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, LocatedList):
            container.append(value)
            container._marks.append(where)
            return
        if frame[1] is _NO_KEY:
            if isinstance(value, (dict, list)):
                raise self.error("a mapping or list cannot be used as a key", mark)
            try:
                hash(value)
            except TypeError:
                raise self.error("this value cannot be used as a key", mark) from None
            if value in container:
                first = container.where_key(value)
                raise self.error(f"the key '{value}' appears twice (first on line {first[0]})", mark)
            frame[1], frame[2] = value, where
            return
        key = frame[1]
        dict.__setitem__(container, key, value)
        container._marks[key] = where
        container._key_marks[key] = frame[2]
        frame[1] = _NO_KEY


def _tag_message(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    if shown.startswith("!!python"):
        return f"the tag {shown} asks to run Python code; Kumozu never does that"
    return f"the tag {shown} is not allowed here"


class _NoKey:
    __slots__ = ()


_NO_KEY = _NoKey()
