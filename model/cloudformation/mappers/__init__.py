"""From CloudFormation resource types to model kinds.

Each mapper module registers functions with :func:`maps`. A mapper either *creates* a model resource
(``kind`` given: ``AWS::EC2::Subnet`` -> ``Subnet``) or *folds* the template resource into one that
already exists (``AWS::EC2::Route`` appends to its route table's ``routes``). Creating mappers run
first, in template order, so that every reference can be checked against the kind it names;
folding mappers run after them, in ``phase`` order (a listener rule after its listener).

A type no mapper knows becomes a ``GenericResource`` that keeps the type and properties verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

__all__ = ["Mapper", "maps", "mapper_for", "finish", "MAPPERS"]


@dataclass(frozen=True)
class Mapper:
    types: tuple[str, ...]
    #: The kind created, or None for a mapper that folds its resource into another.
    kind: str | None
    build: Callable
    #: For folding mappers: 1 runs before 2 (a listener before its rules).
    phase: int = 1
    #: Decides, before anything is built, whether the resource creates (returns a kind), folds
    #: (returns None) or is kept generic (returns "GenericResource"). Default: ``kind``.
    plan: Callable | None = None


MAPPERS: dict[str, Mapper] = {}


def maps(*types: str, kind: str | None = None, phase: int = 1, plan: Callable | None = None):
    """Register the decorated function as the mapper of ``types``."""
    def register(build: Callable) -> Callable:
        mapper = Mapper(types, kind, build, phase, plan)
        for t in types:
            if t in MAPPERS:
                raise ValueError(f"two mappers for {t}")
            MAPPERS[t] = mapper
        return build
    return register


def mapper_for(resource_type: str) -> Mapper | None:
    _load()
    return MAPPERS.get(resource_type)


def finish(ctx) -> None:
    """Steps that need every resource folded first: policies attached to roles, users and groups;
    HTTP API integrations no route uses."""
    _load()
    from .apigateway import finish_v2
    from .security import attach_policies
    attach_policies(ctx)
    finish_v2(ctx)


_loaded = False


def _load() -> None:
    global _loaded
    if not _loaded:
        from . import (apigateway, balancing, compute, data, edge, integration,  # noqa: F401
                       network, security)
        _loaded = True
