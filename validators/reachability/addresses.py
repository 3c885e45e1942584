"""What address traffic has, as security groups, network ACLs and route tables see it.

Kumozu draws resources, not IP addresses, so every address is a *set* of addresses:

- a resource in a subnet may get any address of the subnet's range. A rule or route covers it only
  when it covers the whole range (an allow for half the subnet is not a guarantee), and a deny
  touches it when it touches any part of the range;
- the internet (and an AWS service's public endpoint) is "an address no specific rule singles out":
  only ``0.0.0.0/0`` covers or touches it. A security group that allows 203.0.113.0/24 lets in that
  office, not the internet; a network ACL that denies one abusive range does not shut the internet
  out. A service's address also belongs to the service's prefix list (``pl-s3``);
- a subnet without a valid CIDR has an unknown address: nothing covers it, nothing touches it;
- ``groups`` are the security groups a sender or receiver is known by, for rules that name a group
  instead of a range. They are kept only while the packet stays inside a VPC or crosses a peering
  connection; a NAT device, the internet gateway or a transit gateway loses them.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from .quick_init import quick_init

__all__ = ["Address", "PUBLIC", "public_address", "EPHEMERAL", "ANY_PORT", "within", "overlap"]

#: The ephemeral ports replies come back to: NAT gateways, load balancers and Lambda use all of
#: 1024-65535, so AWS advises network ACLs to allow that whole range for return traffic.
EPHEMERAL = (1024, 65535)
ANY_PORT = (0, 65535)


@quick_init
@dataclass(frozen=True)
class Address:
    label: str
    network: ipaddress.IPv4Network | ipaddress.IPv6Network | None = None
    prefix_list: str = ""
    groups: frozenset[str] = frozenset()
    #: A subnet whose CIDR is missing or malformed: no rule or route can be said to cover it.
    unknown: bool = False

    @property
    def is_public(self) -> bool:
        return self.network is None and not self.unknown

    def inside(self, net) -> bool:
        """Whether every address this stands for is in ``net``."""
        if net is None or self.unknown:
            return False
        if self.network is None:
            return net.version == 4 and net.prefixlen == 0
        return within(self.network, net)

    def touches(self, net) -> bool:
        """Whether some address this stands for is in ``net``."""
        if net is None or self.unknown:
            return False
        if self.network is None:
            return net.version == 4 and net.prefixlen == 0
        return overlap(self.network, net)

    def without_groups(self) -> "Address":
        return Address(self.label, self.network, self.prefix_list, unknown=self.unknown) \
            if self.groups else self


# Integer comparisons on the networks' own fields: ipaddress's subnet_of and overlaps re-check types
# and build addresses on every call, which was a tenth of a trace's time.
def within(inner, outer) -> bool:
    """Whether network ``inner`` lies inside network ``outer`` (same family)."""
    return inner._version == outer._version and inner._prefixlen >= outer._prefixlen \
        and inner.network_address._ip & outer.netmask._ip == outer.network_address._ip


def overlap(a, b) -> bool:
    """Whether networks ``a`` and ``b`` share an address (same family): one holds the other."""
    if a._version != b._version:
        return False
    mask = a.netmask._ip if a._prefixlen <= b._prefixlen else b.netmask._ip
    return a.network_address._ip & mask == b.network_address._ip & mask


def public_address(label: str = "the internet", prefix_list: str = "") -> Address:
    return Address(label, None, prefix_list)


PUBLIC = public_address()
