"""A traced path as the steps a presenter walks through: every hop there, then every hop of the
reply, each with where the packet is and what was checked. Plain Python, no Qt."""

from __future__ import annotations

from dataclasses import dataclass

from validators.reachability import Hop, Path, TraceResult

__all__ = ["Step", "steps_of", "chosen_path"]

FORWARD = "forward"
RETURN = "return"


@dataclass(frozen=True)
class Step:
    """Hop ``number`` (1-based) of ``total``; ``direction`` is ``forward`` (there) or ``return``
    (the reply)."""

    number: int
    total: int
    direction: str
    hop: Hop

    @property
    def location(self) -> str:
        return self.hop.location

    @property
    def component(self) -> str:
        return self.hop.component

    @property
    def passed(self) -> bool:
        return self.hop.passed


def chosen_path(result: TraceResult | None, index: int | None = None) -> Path | None:
    """Path ``index`` of ``result`` when there is one, else the path that decides the verdict."""
    if result is None or not result.paths:
        return None
    if index is not None and 0 <= index < len(result.paths):
        return result.paths[index]
    return result.deciding_path


def steps_of(path: Path | None) -> list[Step]:
    """The hops of ``path`` in the order the packet meets them: there, then back. Cost: O(hops)."""
    if path is None:
        return []
    hops = [(FORWARD, hop) for hop in path.forward] + [(RETURN, hop) for hop in path.returning]
    return [Step(n, len(hops), direction, hop) for n, (direction, hop) in enumerate(hops, start=1)]
