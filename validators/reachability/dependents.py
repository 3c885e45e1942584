"""Things remembered with the tokens (:mod:`.reads`) they were computed from, and the reverse
question: which things does a token concern?

The reverse lookup is what an edit needs, and nothing before the first edit does: a one-shot
validation or a first trace of every flow would pay for it and never use it. So a ``lazy``
:class:`Dependents` builds it on the first question and keeps it current from then on. The flow
store keeps its lookups from the start instead (``lazy=False``): building the largest one at the
first edit would make the first drag after opening a design a frame or two slower than the rest.

Cost: ``set``/``drop`` O(tokens of the thing) once the lookup exists, O(1) before; the first
question O(all tokens); later questions O(tokens asked + things found).
"""

from __future__ import annotations

from typing import Any, Iterable

__all__ = ["Dependents"]


class Dependents:
    __slots__ = ("of", "_users")

    def __init__(self, lazy: bool = True):
        #: thing -> the tokens it depends on
        self.of: dict[Any, frozenset] = {}
        #: token -> things depending on it (None until first asked)
        self._users: dict[Any, set] | None = None if lazy else {}

    def __contains__(self, thing) -> bool:
        return thing in self.of

    def set(self, thing, tokens: frozenset) -> None:
        if self._users is not None:
            self.drop(thing)
            for token in tokens:
                users = self._users.get(token)
                if users is None:
                    self._users[token] = {thing}
                else:
                    users.add(thing)
        self.of[thing] = tokens

    def drop(self, thing) -> None:
        tokens = self.of.pop(thing, None)
        if tokens is None or self._users is None:
            return
        for token in tokens:
            users = self._users.get(token)
            if users is not None:
                users.discard(thing)
                if not users:
                    del self._users[token]

    def users(self, token) -> set:
        """Things depending on ``token`` (a copy: safe to drop them while going through it)."""
        found = self._lookup().get(token)
        return set(found) if found else set()

    def touched_by(self, tokens: Iterable) -> set:
        """Things depending on any of ``tokens``."""
        lookup = self._lookup()
        out: set = set()
        for token in tokens:
            users = lookup.get(token)
            if users:
                out |= users
        return out

    def _lookup(self) -> dict:
        if self._users is None:
            self._users = {}
            for thing, tokens in self.of.items():
                for token in tokens:
                    users = self._users.get(token)
                    if users is None:
                        self._users[token] = {thing}
                    else:
                        users.add(thing)
        return self._users
