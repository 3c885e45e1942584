"""IPv4 and IPv6 address arithmetic on top of :mod:`ipaddress`.

Everything takes and returns text as the model stores it; parsing failures give ``None`` rather than
exceptions, because a malformed CIDR in a design is a finding, not a crash.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from typing import Iterable

__all__ = ["parse", "parse_v4", "parse_v6", "is_canonical", "overlaps", "contains", "usable_addresses",
           "fn_cidr", "free_block", "is_prefix_list", "RFC1918", "Network"]

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

#: The private IPv4 ranges of RFC 1918.
RFC1918 = tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))


@lru_cache(maxsize=65536)
def parse(text: str) -> Network | None:
    """The network ``text`` names (host bits allowed, as AWS canonicalises them), else ``None``."""
    if not isinstance(text, str) or "/" not in text:
        return None
    try:
        return ipaddress.ip_network(text.strip(), strict=False)
    except ValueError:
        return None


def parse_v4(text: str) -> ipaddress.IPv4Network | None:
    net = parse(text)
    return net if isinstance(net, ipaddress.IPv4Network) else None


def parse_v6(text: str) -> ipaddress.IPv6Network | None:
    net = parse(text)
    return net if isinstance(net, ipaddress.IPv6Network) else None


def is_canonical(text: str) -> bool:
    """False when ``text`` has host bits set (``10.0.0.5/24``); AWS silently rewrites those."""
    net = parse(text)
    return net is not None and str(net) == text.strip()


def overlaps(a: Network, b: Network) -> bool:
    return a.version == b.version and a.overlaps(b)


def contains(outer: Network, inner: Network) -> bool:
    return outer.version == inner.version and inner.subnet_of(outer)


def usable_addresses(net: Network) -> int:
    """Addresses AWS lets you use in a subnet: all but the first four and (IPv4) the last one."""
    reserved = 5
    return max(0, net.num_addresses - reserved)


def is_prefix_list(destination: str) -> bool:
    """Route destinations like ``pl-s3`` or ``pl-63a5400a`` name a managed prefix list."""
    return isinstance(destination, str) and destination.startswith("pl-")


def fn_cidr(ip_block: str, count: int, cidr_bits: int) -> list[str]:
    """``Fn::Cidr`` as CloudFormation computes it: ``count`` consecutive blocks, each with
    ``cidr_bits`` host bits, starting at the beginning of ``ip_block``.

    >>> fn_cidr("10.0.0.0/16", 3, 8)
    ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']
    >>> fn_cidr("fd00::/56", 2, 64)
    ['fd00::/64', 'fd00:0:0:1::/64']

    Raises ``ValueError`` when the arguments are out of range, as CloudFormation refuses them.
    """
    net = ipaddress.ip_network(ip_block, strict=False)
    if not 1 <= count <= 256:
        raise ValueError(f"Fn::Cidr count must be between 1 and 256, got {count}")
    new_prefix = net.max_prefixlen - cidr_bits
    if cidr_bits < 0 or new_prefix < net.prefixlen:
        raise ValueError(f"Fn::Cidr cannot cut {cidr_bits}-bit blocks out of {net}")
    available = 2 ** (new_prefix - net.prefixlen)
    if count > available:
        raise ValueError(f"Fn::Cidr asks for {count} blocks but {net} holds only {available}")
    size = 2 ** cidr_bits
    base = int(net.network_address)
    cls = ipaddress.IPv4Network if net.version == 4 else ipaddress.IPv6Network
    return [str(cls((base + i * size, new_prefix))) for i in range(count)]


def free_block(within: Iterable[str], taken: Iterable[str], prefix: int) -> str | None:
    """The first block of ``/prefix`` inside any of ``within`` that overlaps none of ``taken``.

    Used to suggest a CIDR for a pasted or new subnet. Cost: O(candidates x taken); the search stops
    after 4,096 candidates per block.
    """
    taken_nets = [n for n in (parse(t) for t in taken) if n is not None]
    for text in within:
        outer = parse(text)
        if outer is None or prefix < outer.prefixlen or prefix > outer.max_prefixlen:
            continue
        for i, candidate in enumerate(outer.subnets(new_prefix=prefix)):
            if i >= 4096:
                break
            if not any(overlaps(candidate, t) for t in taken_nets):
                return str(candidate)
    return None
