"""Checks on a template as a whole that the importer makes before and after building the design:
the template format version, and addresses that are not addresses.

A template whose ``AWSTemplateFormatVersion`` is not ``2010-09-09`` is refused: CloudFormation has
had one template format version since 2010 and calls it "currently the only valid value"
(https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/format-version-structure.html), so a
later date is a format Kumozu cannot know (refused as *newer*, like a native design from a newer
Kumozu), and anything else is not a template CloudFormation would accept.

A literal CIDR that does not parse (``999.1.1.1/8``) is refused at its line, as in a native design: a
design holding one could be opened, but not saved and opened again.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Any

from ..errors import LoadError, NewerFormatError
from ..addresses import MalformedAddress
from .source import where, where_key

__all__ = ["TEMPLATE_FORMAT_VERSION", "check_format_version", "address_error"]

TEMPLATE_FORMAT_VERSION = "2010-09-09"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_EXAMPLES = {"IPv4": "10.0.1.0/24", "IPv6": "2600:1f18:abcd:1200::/64", "IP": "10.0.1.0/24"}


def check_format_version(doc: dict, path: str) -> None:
    """Refuse a template of another format version than the only one there is."""
    if "AWSTemplateFormatVersion" not in doc:
        return  # CloudFormation assumes the latest, which is the one Kumozu reads
    version = doc["AWSTemplateFormatVersion"]
    if version == TEMPLATE_FORMAT_VERSION:
        return
    line, column = where(doc, "AWSTemplateFormatVersion")
    if isinstance(version, str) and _DATE.match(version) and version > TEMPLATE_FORMAT_VERSION:
        raise NewerFormatError(
            f"AWSTemplateFormatVersion {version} is newer than any template format Kumozu knows "
            f"(CloudFormation's only one is {TEMPLATE_FORMAT_VERSION}); the template is left as it is",
            path, line, column)
    shown = version if isinstance(version, str) else f"{version!r} ({type(version).__name__})"
    raise LoadError(f"AWSTemplateFormatVersion must be the text {TEMPLATE_FORMAT_VERSION}, the only "
                    f"template format version CloudFormation has; this template says {shown}",
                    path, line, column)


def address_error(resources: dict, logical: str | None, label: str, field, bad: MalformedAddress,
                  path: str) -> LoadError:
    """The error for a malformed address that ended up in a resource: at the template value that
    holds its text (in ``logical``'s own body first, then any resource's, since a route or a rule
    resource is folded into another), else at the resource."""
    order = ([logical] if logical in resources else []) + [n for n in resources if n != logical]
    for name in order:
        found = _find_text(resources[name], bad.text)
        if found is not None:
            property_path, line, column = found
            return LoadError(f"resource '{name}': {property_path} {bad.text} is not a valid "
                             f"{bad.family} network (expected something like "
                             f"{_EXAMPLES[bad.family]})", path, line, column)
    line = where_key(resources, logical)[0] if logical in resources else None
    return LoadError(f"{bad.describe(label, field)} (expected something like {_EXAMPLES[bad.family]})",
                     path, line)


def _find_text(body: Any, text: str) -> tuple[str, int | None, int | None] | None:
    """(property path, line, column) of the first string equal to ``text`` inside ``body``.
    Iterative (a template may nest deeply); cost linear in the body's size."""
    pending: deque[tuple[Any, str]] = deque([(body, "")])
    while pending:
        container, prefix = pending.popleft()
        items = container.items() if isinstance(container, dict) else enumerate(container)
        for key, value in items:
            name = f"{prefix}.{key}" if isinstance(key, str) else f"{prefix}[{key + 1}]"
            if isinstance(value, str) and value.strip() == text.strip():
                line, column = where(container, key)
                return name.lstrip(".").removeprefix("Properties."), line, column
            if isinstance(value, (dict, list)):
                pending.append((value, name))
    return None
