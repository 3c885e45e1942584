"""One exception hierarchy for everything below the editor.

Structural impossibilities (an unknown kind, a cycle in containment, a duplicate id) are refused with a
:class:`DiagramError`. Semantic problems (an overlapping CIDR) are never errors: they become findings.
A :class:`LoadError` always knows which file, line and column it is about, so no user sees a traceback.
"""

from __future__ import annotations

__all__ = [
    "KumozuError",
    "DiagramError",
    "UnknownKindError",
    "UnknownResourceError",
    "DuplicateIdError",
    "InvalidIdError",
    "ContainmentError",
    "PropertyError",
    "RelationError",
    "LoadError",
    "NewerFormatError",
]


class KumozuError(Exception):
    """Base of every error Kumozu raises on purpose."""


class DiagramError(KumozuError):
    """An edit that would make the diagram structurally impossible."""


class UnknownKindError(DiagramError):
    pass


class UnknownResourceError(DiagramError):
    pass


class DuplicateIdError(DiagramError):
    pass


class InvalidIdError(DiagramError):
    pass


class ContainmentError(DiagramError):
    """A resource placed in a container that cannot hold it, or a cycle in containment."""


class PropertyError(DiagramError):
    """A property the kind does not have, or a value of the wrong type."""


class RelationError(DiagramError):
    pass


class LoadError(KumozuError):
    """A file that cannot be read. Carries the location so the message can point at it.

    ``line`` and ``column`` are 1-based; either may be ``None`` when the problem is the whole file.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def located(self, path: str) -> "LoadError":
        """The same error, naming ``path`` if it did not name a file yet."""
        if self.path is None:
            self.path = path
        return self

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class NewerFormatError(LoadError):
    """The file was written by a newer Kumozu. It is refused and must never be overwritten."""
