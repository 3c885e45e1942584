"""The plain records a trace reads: a subnet's placement, routes ready for longest-prefix match,
parsed security-group and network ACL rules; and the parsing that makes them from resources.

They are built by :class:`~.index.NetworkIndex`, one resource at a time, and never refer back to the
diagram.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from model import queries as q
from model.cidr import is_prefix_list, parse

from .quick_init import quick_init

__all__ = ["SubnetInfo", "RouteEntry", "SgRule", "NaclRule", "DEFAULT_GROUP_PREFIX", "service_name",
           "listener_target_groups", "sorted_routes", "sg_rules", "acl_rules"]

#: Security groups are known by id; the VPC's default group (used when none is drawn) is
#: ``default@<vpc id>``.
DEFAULT_GROUP_PREFIX = "default@"

# A prefix-list route matches fewer addresses than any CIDR route that also covers a service's
# public endpoint (only 0.0.0.0/0 does), so it ranks above all of them.
_PREFIX_LIST_RANK = 129


@quick_init
@dataclass(frozen=True)
class SubnetInfo:
    id: str
    label: str
    network: Any
    vpc: str
    az: str
    route_table: str
    acl: str
    #: The network as text, kept because formatting an address is slow next to everything else.
    cidr: str = ""


@quick_init
@dataclass(frozen=True)
class RouteEntry:
    destination: str
    network: Any
    prefix_list: str
    target: str
    origin: str
    path: str
    rank: int

    def describe(self) -> str:
        try:
            return self.__dict__["_text"]
        except KeyError:  # computed once per route: traces describe the same routes many times
            text = self.__dict__["_text"] = f"{self.destination} -> {self.target}"
            return text


@quick_init
@dataclass(frozen=True)
class SgRule:
    protocol: str
    from_port: int
    to_port: int
    network: Any
    cidr: str
    group: str
    prefix_list: str
    index: int

    def describe(self, direction: str) -> str:
        key = "_text_" + direction
        try:
            return self.__dict__[key]
        except KeyError:  # computed once per rule and direction (kept outside the fields)
            text = self.__dict__[key] = self._describe(direction)
            return text

    def _describe(self, direction: str) -> str:
        what = "all traffic" if self.protocol == "all" else (
            self.protocol if self.protocol.startswith("icmp") else
            f"{self.protocol}/{_ports(self.from_port, self.to_port)}")
        peer = self.cidr or (f"group {self.group}" if self.group else self.prefix_list) or "nothing"
        word = "from" if direction == "ingress" else "to"
        return f"{direction} rule {self.index + 1}: {what} {word} {peer}"


@quick_init
@dataclass(frozen=True)
class NaclRule:
    number: int
    protocol: str
    from_port: int
    to_port: int
    network: Any
    cidr: str
    allow: bool

    def describe(self) -> str:
        try:
            return self.__dict__["_text"]
        except KeyError:  # computed once per rule (kept outside the fields)
            what = "all traffic" if self.protocol == "all" else (
                self.protocol if self.protocol.startswith("icmp")
                else f"{self.protocol}/{_ports(self.from_port, self.to_port)}")
            text = self.__dict__["_text"] = \
                f"rule {self.number} {'allow' if self.allow else 'deny'} {what} {self.cidr}"
            return text


def _ports(lo: int, hi: int) -> str:
    return str(lo) if lo == hi else f"{lo}-{hi}"


def service_name(service: str) -> str:
    """``com.amazonaws.us-east-1.ecr.dkr`` -> ``ecr.dkr``; short names are kept."""
    if isinstance(service, str) and service.startswith("com.amazonaws."):
        parts = service.split(".")
        return ".".join(parts[3:]) if len(parts) > 3 else parts[-1]
    return service if isinstance(service, str) else ""


def listener_target_groups(lb) -> list[str]:
    """Target groups a load balancer's listeners forward to (default actions and rules)."""
    out: list[str] = []
    for listener in lb.get("listeners", ()):
        if listener.get("action") == "forward" and listener.get("target_group"):
            out.append(listener.get("target_group"))
        for rule in listener.get("rules", ()):
            if rule.get("target_group"):
                out.append(rule.get("target_group"))
    return list(dict.fromkeys(t for t in out if isinstance(t, str)))


def sorted_routes(d, rt_id: str) -> tuple[RouteEntry, ...]:
    entries = []
    for route in q.effective_routes(d, rt_id):
        dest = route.destination if isinstance(route.destination, str) else ""
        if is_prefix_list(dest):
            entries.append(RouteEntry(dest, None, dest, route.target, route.origin, route.path,
                                      _PREFIX_LIST_RANK))
        else:
            net = parse(dest)
            entries.append(RouteEntry(dest, net, "", route.target if isinstance(route.target, str) else "",
                                      route.origin, route.path, net.prefixlen if net else -1))
    # Stable: among equal ranks the local route (listed first) wins, as AWS keeps it.
    return tuple(sorted(entries, key=lambda e: -e.rank))


def sg_rules(records, peer_field: str) -> tuple[SgRule, ...]:
    out = []
    for i, r in enumerate(records or ()):
        cidr = r.get("cidr") if isinstance(r.get("cidr"), str) else ""
        group = r.get(peer_field) if isinstance(r.get(peer_field), str) else ""
        plist = r.get("prefix_list") if isinstance(r.get("prefix_list"), str) else ""
        protocol = r.get("protocol") if isinstance(r.get("protocol"), str) else "tcp"
        out.append(SgRule(protocol, _int(r.get("from_port")), _int(r.get("to_port")),
                          parse(cidr) if cidr else None, cidr, group, plist, i))
    return tuple(out)


def acl_rules(records) -> tuple[NaclRule, ...]:
    out = []
    for r in records or ():
        cidr = r.get("cidr") if isinstance(r.get("cidr"), str) else ""
        out.append(NaclRule(_int(r.get("rule_number")), r.get("protocol") or "all",
                            _int(r.get("from_port")), _int(r.get("to_port"), 65535),
                            parse(cidr) if cidr else None, cidr, r.get("action") == "allow"))
    return tuple(sorted(out, key=lambda r: r.number))


def _int(value, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default
