"""Checking what is typed into a field before it reaches the model.

The model refuses text in a CIDR field that is not a network (no file could hold it); a network AWS
would refuse (a /8 VPC) is a finding, so a broken design can be drawn and repaired. The inspector
says so while the user types: a value that is not even a network is shown in red with the reason and
is not committed, so a half-typed ``10.0.`` never reaches the model or the undo stack. Checks are
pure functions, so they are tested without widgets.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from model.schema import FieldType

translate = QCoreApplication.translate

__all__ = ["Check", "check_network", "check_destination", "check_text", "is_checked_type"]

_PREFIX_LIST = re.compile(r"^pl-[0-9a-z]+$")


@dataclass(frozen=True)
class Check:
    """The verdict on typed text: ``ok`` (may be committed) and a message (why not, or a warning)."""

    ok: bool
    message: str = ""

    @property
    def is_warning(self) -> bool:
        return self.ok and bool(self.message)


OK = Check(True)


def check_network(text: str, versions: tuple[int, ...] = (4, 6)) -> Check:
    """A CIDR block of one of ``versions``; empty text means "none" and is fine.

    >>> check_network("10.0.0.0/33", (4,)).message
    '10.0.0.0/33: prefix must be 0–32'
    >>> check_network("10.0.1.7/24", (4,)).message
    'host bits are set: AWS stores this as 10.0.1.0/24'
    """
    text = text.strip()
    if not text:
        return OK
    family = translate("InspectorChecks", " or ").join(f"IPv{v}" for v in versions)
    if "/" not in text:
        return Check(False, _filled(translate("InspectorChecks", "%1: add a prefix length, e.g. %2"),
                                    text, _example(versions)))
    address, _, prefix = text.partition("/")
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return Check(False, _filled(translate("InspectorChecks", "%1 is not an %2 address"),
                                    address or translate("InspectorChecks", "(empty)"), family))
    if ip.version not in versions:
        return Check(False, _filled(translate("InspectorChecks", "%1: this field takes an %2 range"),
                                    text, family))
    if not prefix.isdigit():
        return Check(False, _filled(translate("InspectorChecks", "%1: the prefix length after / must be a "
                                                                 "number"), text))
    limit = ip.max_prefixlen
    if int(prefix) > limit:
        return Check(False, _filled(translate("InspectorChecks", "%1: prefix must be 0–%2"), text, limit))
    network = ipaddress.ip_network(f"{address}/{int(prefix)}", strict=False)
    if str(network) != text and int(network.network_address) != int(ip):
        return Check(True, _filled(translate("InspectorChecks", "host bits are set: AWS stores this as %1"),
                                   network))
    return OK


def _filled(text: str, *values) -> str:
    for i, value in reversed(list(enumerate(values, 1))):
        text = text.replace(f"%{i}", str(value))
    return text


def check_destination(text: str) -> Check:
    """A route destination: an IPv4 or IPv6 block, or a managed prefix list such as ``pl-s3``."""
    stripped = text.strip()
    if stripped.startswith("pl-"):
        if _PREFIX_LIST.match(stripped):
            return OK
        return Check(False, _filled(translate("InspectorChecks", "%1: a prefix list id is pl- followed by "
                                                                 "letters and digits"), stripped))
    return check_network(text, (4, 6))


def is_checked_type(field_type: FieldType) -> bool:
    return field_type in _CHECKS


def check_text(field_type: FieldType, text: str) -> Check:
    """The check for one field type (types without a check always pass)."""
    check = _CHECKS.get(field_type)
    return check(text) if check else OK


_CHECKS = {
    FieldType.CIDR4: lambda t: check_network(t, (4,)),
    FieldType.CIDR4_LIST: lambda t: check_network(t, (4,)),
    FieldType.CIDR6: lambda t: check_network(t, (6,)),
    FieldType.CIDR: lambda t: check_network(t, (4, 6)),
    FieldType.DESTINATION: check_destination,
}


def _example(versions: tuple[int, ...]) -> str:
    return "/24" if 4 in versions else "/64"
