"""Ids and names: natural ordering and fresh ids for new resources."""

from __future__ import annotations

import re

from . import kinds as _kinds

__all__ = ["natural_key", "new_id", "id_prefix", "with_article", "in_sentence"]

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


#: Product names that open a kind's label and keep their capital inside a sentence.
_PRODUCT_WORDS = frozenset({"Lambda", "Lightsail", "Aurora"})


def in_sentence(label: str) -> str:
    """A kind's label as it reads inside a sentence: ``"target group"``, ``"load balancer"``, but
    ``"EC2 instance"``, ``"CloudFront distribution"``, ``"Auto Scaling group"``, ``"Lambda
    function"`` and ``"Route 53 hosted zone"``: a generic first word loses its capital, an acronym,
    a product name or a name of several capitalized words keeps it."""
    words = label.split(" ")
    first, rest = words[0], words[1:]
    if len(first) < 2 or not first[1:].islower() or first in _PRODUCT_WORDS or \
            any(w[:1].isupper() or w[:1].isdigit() for w in rest):
        return label
    return first[0].lower() + label[1:]
