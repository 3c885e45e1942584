"""From model kinds to template resources: one writer function per kind, registered with
:func:`writes`. A writer adds the kind's own resource and whatever CloudFormation needs besides it to
mean the same (a gateway's attachment, a subnet's route-table association, a NAT gateway's EIP).
"""

from __future__ import annotations

from typing import Callable

__all__ = ["writes", "writer_for", "WRITERS"]

WRITERS: dict[str, Callable] = {}


def writes(*kinds: str):
    def register(function: Callable) -> Callable:
        for kind in kinds:
            if kind in WRITERS:
                raise ValueError(f"two writers for {kind}")
            WRITERS[kind] = function
        return function
    return register


def writer_for(kind: str) -> Callable | None:
    _load()
    return WRITERS.get(kind)


_loaded = False


def _load() -> None:
    global _loaded
    if not _loaded:
        from . import (apigateway, balancing, compute, data, edge, generic,  # noqa: F401
                       integration, network, security)
        _loaded = True
