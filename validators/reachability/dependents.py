"""Things remembered with the tokens (:mod:`.reads`) they were computed from, and the reverse
question: which things does a token concern?

The reverse lookup is what an edit needs, and nothing before the first edit does: a one-shot
validation (``kumozu validate``, CI) or a first trace of every flow would pay for it and never use
it (filling it was a twentieth of a full validation at 10,000 resources). So it is built on the
first question, or by :meth:`Dependents.prepare`, which the editor calls when it is idle after
opening a design so that the first drag is as quick as the rest; from then on it is kept current.

Cost: ``set``/``drop`` O(tokens of the thing) once the lookup exists, O(1) before; building it
O(all tokens); later questions O(tokens asked + things found).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

__all__ = ["Dependents"]


class Dependents:
    __slots__ = ("of", "_users")

    def __init__(self):
        #: thing -> the tokens it depends on
        self.of: dict[Any, frozenset] = {}
        #: token -> things depending on it (None until first asked). A defaultdict: filling it is
        #: most of what ``set`` costs, and it is filled for every traced flow. Only ``set`` and
        #: ``_lookup`` index it; readers use ``get``, which adds nothing.
        self._users: defaultdict[Any, set] | None = None

    def __contains__(self, thing) -> bool:
        return thing in self.of

    def set(self, thing, tokens: frozenset) -> None:
        users = self._users
        if users is not None:
            if thing in self.of:
                self.drop(thing)
            for token in tokens:
                users[token].add(thing)
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

    def prepare(self) -> None:
        """Build the reverse lookup now rather than at the first question."""
        self._lookup()

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
            users = self._users = defaultdict(set)
            for thing, tokens in self.of.items():
                for token in tokens:
                    users[token].add(thing)
        return self._users
