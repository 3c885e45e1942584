"""Security groups and network ACLs, evaluated as AWS evaluates them.

Security groups hold allow rules only; a packet passes when any rule of any group on the network
interface allows it (protocol, port range, and a peer given as a CIDR, a security group or a prefix
list). Network ACLs hold numbered allow and deny rules read lowest number first; the first rule that
matches decides, and the final ``*`` rule denies. Ports are checked as ranges so that return
traffic on the ephemeral ports 1024-65535 passes only if *every* port of the range is allowed before
any deny touches it.

Costs: one security-group check is O(rules of the groups); one ACL check O(rules log rules) at
worst (the rules are pre-sorted by the index, so in practice O(rules)); a check repeated before the
next edit O(groups).
"""

from __future__ import annotations

from dataclasses import dataclass

from .addresses import Address
from .index import NetworkIndex, SgRule
from .quick_init import quick_init

__all__ = ["SgVerdict", "AclVerdict", "check_groups", "check_acl", "protocol_matches"]


@quick_init
@dataclass(frozen=True)
class SgVerdict:
    allowed: bool
    group: str = ""
    rule: str = ""
    no_rules: bool = False


@quick_init
@dataclass(frozen=True)
class AclVerdict:
    allowed: bool
    rule: str = ""


def protocol_matches(rule_protocol: str, protocol: str) -> bool:
    return rule_protocol == "all" or rule_protocol == protocol


def _sg_rule_matches(rule: SgRule, protocol: str, port: int, peer: Address) -> bool:
    if not protocol_matches(rule.protocol, protocol):
        return False
    if rule.protocol not in ("all", "icmp", "icmpv6") and protocol != "icmp" \
            and not rule.from_port <= port <= rule.to_port:
        return False
    if rule.cidr:
        return peer.inside(rule.network)
    if rule.group:
        return rule.group in peer.groups
    if rule.prefix_list:
        return bool(peer.prefix_list) and rule.prefix_list == peer.prefix_list
    return False


def check_groups(index: NetworkIndex, groups: tuple[str, ...], direction: str, protocol: str,
                 port: int, peer: Address) -> SgVerdict:
    """Whether any rule of ``groups`` in ``direction`` (``ingress`` / ``egress``) allows traffic
    with ``peer`` on ``protocol``/``port``. Remembered in the index until the next edit (the same
    checks recur in many legs); the groups' rules are read, and so recorded, either way."""
    rules = [index.group_rules(group, direction) for group in groups]
    network = peer.network
    key = ("sg", groups, direction, protocol, port, id(network), peer.unknown, peer.groups,
           peer.prefix_list)
    found = index.verdicts.get(key)
    if found is not None and found[0] is network:  # the same network, not one at a reused address
        return found[1]
    verdict = _groups_verdict(groups, rules, direction, protocol, port, peer)
    index.verdicts[key] = (network, verdict)
    return verdict


def _groups_verdict(groups, rules_of_groups, direction, protocol, port, peer) -> SgVerdict:
    any_rules = False
    for group, rules in zip(groups, rules_of_groups):
        any_rules = any_rules or bool(rules)
        for rule in rules:
            if _sg_rule_matches(rule, protocol, port, peer):
                return SgVerdict(True, group, rule.describe(direction))
    return SgVerdict(False, groups[0] if groups else "", "", no_rules=not any_rules)


def check_acl(index: NetworkIndex, acl: str, direction: str, protocol: str, ports: tuple[int, int],
              peer: Address) -> AclVerdict:
    """Whether the network ACL ``acl`` lets traffic with ``peer`` through in ``direction``
    (``inbound`` / ``outbound``) on every port of ``ports``. An empty ``acl`` is AWS's implicit
    default ACL, which allows everything."""
    if not acl:
        return _IMPLICIT_ACL
    inbound, outbound = index.acl_rules(acl)
    network = peer.network
    key = ("acl", acl, direction, protocol, ports, id(network), peer.unknown)
    found = index.verdicts.get(key)
    if found is not None and found[0] is network:
        return found[1]
    verdict = _acl_verdict(inbound if direction == "inbound" else outbound, protocol, ports, peer)
    index.verdicts[key] = (network, verdict)
    return verdict


def _acl_verdict(rules, protocol: str, ports: tuple[int, int], peer: Address) -> AclVerdict:
    remaining = [ports] if protocol != "icmp" else [(0, 0)]
    used: list[str] = []
    for rule in rules:
        if not protocol_matches(rule.protocol, protocol):
            continue
        span = (rule.from_port, rule.to_port) if rule.protocol in ("tcp", "udp") and protocol != "icmp" \
            else (0, 65535)
        if not any(lo <= span[1] and span[0] <= hi for lo, hi in remaining):
            continue
        if not rule.allow:
            if peer.touches(rule.network):
                return AclVerdict(False, rule.describe())
            continue
        if peer.inside(rule.network):
            remaining = _subtract(remaining, span)
            used.append(rule.describe())
            if not remaining:
                return AclVerdict(True, "; ".join(used))
    return AclVerdict(False, "rule * deny all traffic (nothing matched before it)" if not used else
                      f"rule * deny all traffic (ports {_spans(remaining)} matched no rule)")


_IMPLICIT_ACL = AclVerdict(True, "the VPC's default network ACL (allows all traffic)")


def _subtract(ranges: list[tuple[int, int]], span: tuple[int, int]) -> list[tuple[int, int]]:
    out = []
    for lo, hi in ranges:
        if span[1] < lo or span[0] > hi:
            out.append((lo, hi))
            continue
        if lo < span[0]:
            out.append((lo, span[0] - 1))
        if hi > span[1]:
            out.append((span[1] + 1, hi))
    return out


def _spans(ranges) -> str:
    return ", ".join(str(lo) if lo == hi else f"{lo}-{hi}" for lo, hi in ranges)
