"""Logical ids for exported resources.

CloudFormation logical ids are letters and digits only; model ids may also hold ``- _ . :``. An id
that is already alphanumeric is kept as it is, so a template imported and exported again keeps its
logical ids. Others become CamelCase (``web-a`` -> ``WebA``, ``rt-app-a`` -> ``RtAppA``); the
original id is written in the resource's ``Metadata: {Kumozu: {id: web-a}}``, which the importer
reads back. Collisions get a number (``WebA2``), decided in natural id order, so the mapping is
deterministic.

>>> sorted(logical_ids(["web-a", "WebA", "db"]).items())
[('WebA', 'WebA'), ('db', 'db'), ('web-a', 'WebA2')]
"""

from __future__ import annotations

import re
from typing import Iterable

from ..naming import natural_key

__all__ = ["camel", "logical_ids", "unique"]

_ALNUM = re.compile(r"^[A-Za-z0-9]+$")
_PARTS = re.compile(r"[A-Za-z0-9]+")


def camel(text: str) -> str:
    """``web-a`` -> ``WebA``; ``rt_app.a`` -> ``RtAppA``; an empty result becomes ``Resource``."""
    parts = _PARTS.findall(text)
    joined = "".join(p[:1].upper() + p[1:] for p in parts)
    return joined or "Resource"


def unique(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted2``, ``wanted3``... whichever is not taken (and take it)."""
    name, n = wanted, 2
    while name in taken:
        name, n = f"{wanted}{n}", n + 1
    taken.add(name)
    return name


def logical_ids(ids: Iterable[str]) -> dict[str, str]:
    """Model id -> logical id for every id, alphanumeric ids first so they keep their own."""
    ids = list(ids)
    taken: set[str] = set()
    out: dict[str, str] = {}
    for rid in sorted((i for i in ids if _ALNUM.match(i)), key=natural_key):
        out[rid] = unique(rid, taken)
    for rid in sorted((i for i in ids if not _ALNUM.match(i)), key=natural_key):
        out[rid] = unique(camel(rid), taken)
    return out
