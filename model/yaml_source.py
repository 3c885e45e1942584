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

import math
import re
from typing import Any, Callable

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from .errors import LoadError

__all__ = ["LocatedMap", "LocatedList", "read_yaml", "decode_text", "Tagged", "LimitExceeded",
           "DuplicateKeyError", "MAX_VALUES"]

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

    __slots__ = ("line", "column", "_marks")

    def __init__(self, line: int, column: int):
        super().__init__()
        self.line, self.column = line, column
        # key -> (value line, value column, key line, key column): one small tuple per entry keeps
        # a large file's memory down.
        self._marks: dict[Any, tuple[int, int, int, int]] = {}

    def where(self, key: Any) -> tuple[int, int]:
        """(line, column), 1-based, of the value under ``key``; the mapping's own if absent."""
        marks = self._marks.get(key)
        return (marks[0], marks[1]) if marks else (self.line, self.column)

    def where_key(self, key: Any) -> tuple[int, int]:
        """(line, column) of ``key`` itself; the mapping's own if absent."""
        marks = self._marks.get(key)
        return (marks[2], marks[3]) if marks else (self.line, self.column)

    def put(self, key: Any, value: Any, line: int, column: int,
            key_line: int | None = None, key_column: int | None = None) -> None:
        """Set ``key`` to ``value``, written at (line, column) (the key at (key_line, key_column),
        by default the same place)."""
        dict.__setitem__(self, key, value)
        self._marks[key] = (line, column, line if key_line is None else key_line,
                            column if key_column is None else key_column)


class LocatedList(list):
    """A list read from a file; :meth:`where` tells the line and column of an item."""

    __slots__ = ("line", "column", "_marks")

    def __init__(self, line: int, column: int):
        super().__init__()
        self.line, self.column = line, column
        self._marks: list[int] = []  # line, column, line, column... (no tuple per item)

    def where(self, index: int) -> tuple[int, int]:
        """(line, column) of item ``index`` (negative counts from the end); the list's own if there
        is no such item."""
        count = len(self._marks) // 2
        if not isinstance(index, int) or not -count <= index < count:
            return (self.line, self.column)
        index %= count
        return (self._marks[2 * index], self._marks[2 * index + 1])

    def put(self, value: Any, line: int, column: int) -> None:
        """Append ``value``, written at (line, column)."""
        list.append(self, value)
        self._marks += (line, column)


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


class LimitExceeded(LoadError):
    """The file is nested more deeply, or holds more values, than a Kumozu file ever needs."""


class DuplicateKeyError(LoadError):
    """A mapping gives the same key twice (YAML forbids it; PyYAML would keep the last silently)."""


#: The most values a file may hold (the native format's limit; CloudFormation and labs set lower
#: ones). Kumozu's largest benchmark design, 10,000 resources, holds about 200,000; reading costs
#: 1 to 3 µs per value whatever the file holds, so a file at the limit is read (or refused) in
#: well under a second, in under 150 MB.
MAX_VALUES = 300_000

#: First characters of plain scalars that may be something other than text (YAML 1.1's implicit
#: types: numbers, booleans, null, dates, merge keys); any other plain scalar is text.
_MAYBE_TYPED = frozenset(key for key in Resolver.yaml_implicit_resolvers if key)
_QUOTED = frozenset("'\"|>")
#: Plain decimal integers (no leading zero: YAML 1.1 reads 010 as octal) and simple decimal floats,
#: read without the resolver; short enough for int() (which refuses more than 4,300 digits).
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]{0,17})(?:\.[0-9]{1,17})?\Z")
_CACHED = 4096  # distinct plain scalars remembered (kinds, booleans, small numbers repeat a lot)
_MISSING = object()


def read_yaml(text: str | bytes, path: str | None = None, *, max_depth: int = 100,
              max_values: int = MAX_VALUES,
              tag_handler: Callable[[str, Any, int, int], Any] | None = None) -> Any:
    """Parse one YAML document into plain values with locations.

    ``tag_handler(tag, value, line, column)`` is called for tags other than the standard ones; it
    returns the value to use, or raises :class:`LoadError`. Without it, such tags are errors. Python
    tags are refused whatever the handler.
    Raises :class:`LoadError` for anything malformed or unsafe (:class:`LimitExceeded` for a file
    nested too deeply or holding too many values, :class:`DuplicateKeyError` for a key given twice).

    Cost: linear in the text, about 2 µs per value; ``max_values`` bounds both time and memory.
    """
    if isinstance(text, bytes):
        text = decode_text(text, path)
    builder = _Builder(path, max_depth, max_values, tag_handler)
    # YAML also breaks lines at NEL, LS and PS; text editors do not. Positions are told in the
    # editor's lines (rare files only: the common case pays one search).
    table = _editor_lines(text) if _YAML_ONLY_BREAK.search(text) else None
    try:
        events = yaml.parse(text, Loader=_Parser)
        builder.run(events if table is None else _in_editor_lines(events, table))
    except yaml.MarkedYAMLError as exc:
        if table is not None:
            exc.problem_mark, exc.context_mark = (_editor_mark(exc.problem_mark, table),
                                                  _editor_mark(exc.context_mark, table))
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or str(exc)
        if exc.context:
            started = exc.context_mark
            where = (f" that starts on line {started.line + 1}"
                     if started is not None and mark is not None and started.line != mark.line else "")
            problem = f"{problem} ({exc.context}{where})"
        raise LoadError(f"this is not valid YAML: {problem}", path,
                        mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    except yaml.reader.ReaderError as exc:
        raise _unacceptable_character(exc, text, path) from None
    except UnicodeEncodeError as exc:  # text given as str holding a lone surrogate (no file can)
        raise _not_a_character(exc, text, path) from None
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
        self.result: Any = None
        self.documents = 0
        self._plain: dict[str, Any] = {}

    def error(self, message: str, mark, kind: type[LoadError] = LoadError) -> LoadError:
        return kind(message, self.path, mark.line + 1, mark.column + 1)

    def run(self, events) -> None:
        """Build the document. One loop with the common cases inline and the open container's
        state in local variables: this is where reading a large file spends its time."""
        stack: list[tuple] = []  # the enclosing containers' states, innermost last
        container: Any = None  # the open container, None at the top
        is_map = False
        key: Any = _NO_KEY  # the key waiting for its value in an open mapping
        key_line = key_column = 0
        own_tag, own_mark = None, None  # the open container's tag (for the handler) and start
        values = 0
        max_values, max_depth, plain, scalar = self.max_values, self.max_depth, self._plain, self.scalar
        scalar_event, map_start, map_end = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.MappingEndEvent
        list_start, list_end = yaml.SequenceStartEvent, yaml.SequenceEndEvent
        for event in events:
            kind = type(event)
            if kind is scalar_event:
                mark = event.start_mark
                if event.tag is None and not event.style:  # plain (style None, or "" from libyaml)
                    value = plain.get(event.value, _MISSING)
                    if value is _MISSING:
                        value = scalar(event)
                        if len(plain) < _CACHED:
                            plain[event.value] = value
                elif event.tag is None and event.style in _QUOTED:
                    value = event.value
                else:
                    value = scalar(event)
            elif kind is map_start or kind is list_start:
                if len(stack) >= max_depth:
                    raise self.error(f"values are nested more than {max_depth} levels deep",
                                     event.start_mark, LimitExceeded)
                tag = event.tag
                if tag in _COLLECTION_TAGS:
                    tag = None
                elif self.tag_handler is None or _is_python(tag):
                    raise self.error(_tag_message(tag), event.start_mark)
                stack.append((container, is_map, key, key_line, key_column, own_tag, own_mark))
                own_tag, own_mark = tag, event.start_mark
                is_map, key = kind is map_start, _NO_KEY
                line, column = own_mark.line + 1, own_mark.column + 1
                container = LocatedMap(line, column) if is_map else LocatedList(line, column)
                continue
            elif kind is map_end or kind is list_end:
                value, tag, mark = container, own_tag, own_mark
                container, is_map, key, key_line, key_column, own_tag, own_mark = stack.pop()
                if tag is not None:
                    value = self.tag_handler(tag, value, mark.line + 1, mark.column + 1)
            elif kind is yaml.AliasEvent:
                raise self.error("aliases (*name) are not allowed in Kumozu files", event.start_mark)
            else:
                if kind is yaml.DocumentStartEvent:
                    self.documents += 1
                continue
            # A value is complete: put it where it belongs.
            values += 1
            if values > max_values:
                raise self.error(f"the file holds more than {max_values:,} values", mark,
                                 LimitExceeded)
            if container is None:
                self.result = value
            elif not is_map:
                list.append(container, value)
                container._marks += (mark.line + 1, mark.column + 1)
            elif key is _NO_KEY:
                if type(value) is not str or value in container:
                    self.check_key(container, value, mark)
                key, key_line, key_column = value, mark.line + 1, mark.column + 1
            else:
                dict.__setitem__(container, key, value)
                container._marks[key] = (mark.line + 1, mark.column + 1, key_line, key_column)
                key = _NO_KEY

    def check_key(self, container: LocatedMap, value: Any, mark) -> None:
        if isinstance(value, (dict, list)):
            raise self.error("a mapping or list cannot be used as a key", mark)
        try:
            hash(value)
        except TypeError:
            raise self.error("this value cannot be used as a key", mark) from None
        if value in container:
            first = container.where_key(value)
            raise self.error(f"the key '{value}' appears twice (first on line {first[0]})", mark,
                             DuplicateKeyError)

    def scalar(self, event) -> Any:
        tag = event.tag
        value = event.value
        if tag is None or tag == "!":
            if tag == "!":
                return value
            if not event.style and value:
                if value[0] not in _MAYBE_TYPED:
                    return value  # plain text: no implicit type starts with this character
                if _DECIMAL.match(value):  # what YAML 1.1 reads as a decimal integer or float
                    return float(value) if "." in value else int(value)
            tag = _resolver.resolve(ScalarNode, value, event.implicit)
        if tag == "tag:yaml.org,2002:timestamp":
            return value  # dates stay text (AWSTemplateFormatVersion: 2010-09-09)
        if tag == "tag:yaml.org,2002:merge":
            raise self.error("merge keys (<<) are not allowed", event.start_mark)
        if tag in _PLAIN_TAGS:
            node = ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
            try:
                built = _constructor.yaml_constructors[tag](_constructor, node)
            except (ValueError, OverflowError):  # e.g. an integer of more than 4,300 digits
                shown = value if len(value) <= 40 else f"{value[:20]}…{value[-8:]} ({len(value):,} characters)"
                raise self.error(f"'{shown}' cannot be read as {_TYPE_WORDS.get(tag, 'a value')}",
                                 event.start_mark) from None
            if isinstance(built, float) and not math.isfinite(built):
                # No Kumozu file has a use for them, and a template cannot hold them (JSON has none).
                raise self.error(f"'{value}' (infinity or not-a-number) is not a value a Kumozu file "
                                 f"or a template can hold", event.start_mark)
            return built
        if self.tag_handler is not None and not _is_python(tag):
            return self.tag_handler(tag, value, event.start_mark.line + 1,
                                    event.start_mark.column + 1)
        raise self.error(_tag_message(tag), event.start_mark)


_TYPE_WORDS = {"tag:yaml.org,2002:int": "a whole number", "tag:yaml.org,2002:float": "a number",
               "tag:yaml.org,2002:bool": "true or false", "tag:yaml.org,2002:null": "null"}


def _unacceptable_character(exc, text: str, path: str | None) -> LoadError:
    """A character YAML does not allow (a control character), at its line and column. libyaml
    counts its position in UTF-8 bytes, PyYAML's own reader in characters."""
    character = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
    offset = exc.position
    if not (0 <= offset < len(text) and text[offset] == character):
        offset = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return LoadError(f"the file contains the control character U+{ord(character[:1] or ' '):04X}, "
                     f"which YAML does not allow", path, line, column)


_YAML_ONLY_BREAK = re.compile("[\x85\u2028\u2029]")
_ANY_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class _Mark:
    """A position as a text editor counts lines (what an event's mark holds, as far as used here)."""

    __slots__ = ("line", "column")

    def __init__(self, line: int, column: int):
        self.line, self.column = line, column


def _editor_lines(text: str) -> list[tuple[int, int]]:
    """For each line as YAML counts them (0-based): the editor's line it lies on and the column
    where it starts there. Cost: linear in the text."""
    table = [(0, 0)]
    line, start = 0, 0
    for found in _ANY_BREAK.finditer(text):
        if found.group() in ("\r\n", "\r", "\n"):
            line, start = line + 1, found.end()
            table.append((line, 0))
        else:
            table.append((line, found.end() - start))
    return table


def _editor_mark(mark, table: list[tuple[int, int]]):
    if mark is None or not 0 <= mark.line < len(table):
        return mark
    line, shift = table[mark.line]
    return _Mark(line, shift + mark.column)


def _in_editor_lines(events, table: list[tuple[int, int]]):
    for event in events:
        event.start_mark = _editor_mark(event.start_mark, table)
        yield event


def _not_a_character(exc: UnicodeEncodeError, text: str, path: str | None) -> LoadError:
    """A lone surrogate (U+D800 to U+DFFF: half of a pair, not a character) in text handed over as
    ``str``, as bytes decoded with ``surrogateescape`` give; UTF-8 cannot hold it, nor YAML read it."""
    offset = exc.start
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return LoadError(f"the text holds U+{ord(text[offset]):04X}, half of a surrogate pair and not a "
                     f"character: it is not valid UTF-8", path, line, column)


def _is_python(tag: str | None) -> bool:
    return tag is not None and tag.startswith(("tag:yaml.org,2002:python/", "!!python/"))


def _tag_message(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    if shown.startswith("!!python"):
        return f"the tag {shown} asks to run Python code; Kumozu never does that"
    return f"the tag {shown} is not allowed here"


class _NoKey:
    __slots__ = ()


_NO_KEY = _NoKey()
