"""Ids and names: natural ordering and fresh ids for new resources."""

from __future__ import annotations

import re

from . import kinds as _kinds

__all__ = ["natural_key", "new_id", "id_prefix"]

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """Sort key that orders ``web-2`` before ``web-10``."""
    return tuple(int(part) if part.isdigit() else part.lower() for part in _DIGITS.split(text))


def id_prefix(kind_name: str) -> str:
    """The id prefix of new resources of a kind: ``NatGateway`` -> ``nat-gateway``."""
    return _kinds.kind(kind_name).icon.replace("_", "-")


def new_id(taken, kind_name: str | None = None, prefix: str | None = None) -> str:
    """The first ``<prefix>-N`` (N = 1, 2, ...) not in ``taken``. Cost: O(N) lookups."""
    stem = prefix or id_prefix(kind_name or "GenericResource")
    n = 1
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


_AN_ACRONYM = re.compile(r"^[FHLMNRSX][A-Z0-9]")


def with_article(label: str) -> str:
    """``"Availability Zone"`` -> ``"an Availability Zone"``; ``"S3 bucket"`` -> ``"an S3 bucket"``."""
    if label.startswith("NAT"):
        return f"a {label}"  # said "nat", not "en-ay-tee"
    if label[:1].lower() in "aeiou" or _AN_ACRONYM.match(label):
        return f"an {label}"
    return f"a {label}"
