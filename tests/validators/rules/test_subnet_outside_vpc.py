"""subnet-outside-vpc: a subnet whose CIDR lies in none of its VPC's blocks."""

from __future__ import annotations

import pytest

from validators.rules.subnet_outside_vpc import RULE

from .helpers import findings, network


def subnet(cidr, ipv6="", blocks=("10.0.0.0/16",), vpc_ipv6="2600:1f18::/56"):
    b = network()
    b.set("vpc", cidr_blocks=list(blocks), ipv6_cidr=vpc_ipv6)
    b.subnet("s", "az-a", cidr, ipv6_cidr=ipv6)
    return b.diagram


TRIGGERS = [
    pytest.param(subnet("10.1.0.0/24"), id="another-/16"),
    pytest.param(subnet("10.0.255.0/24", blocks=("10.0.0.0/17",)), id="past-the-end-of-a-/17"),
    pytest.param(subnet("10.0.0.0/15"), id="larger-than-the-vpc"),
    pytest.param(subnet("10.0.20.0/24", ipv6="2600:1f19:0:1::/64"), id="ipv6-outside-the-/56"),
]

NEAR_MISSES = [
    pytest.param(subnet("10.0.0.0/16"), id="same-block-as-the-vpc"),
    pytest.param(subnet("10.1.5.0/24", blocks=("10.0.0.0/16", "10.1.0.0/16")), id="in-secondary-block"),
    pytest.param(subnet("10.0.20.0/24", ipv6="2600:1f18:0:7::/64"), id="ipv6-inside-the-/56"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("s", "vpc")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
