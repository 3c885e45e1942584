"""subnet-ipv6-without-vpc-ipv6: an IPv6 subnet in a VPC without IPv6."""

from __future__ import annotations

import pytest

from validators.rules.subnet_ipv6_without_vpc_ipv6 import RULE

from .helpers import findings, vpc_with

TRIGGERS = [pytest.param(vpc_with("10.0.0.0/16", subnet="10.0.20.0/24",
                                  subnet_ipv6="2600:1f18:0:1::/64"), id="vpc-without-ipv6")]

NEAR_MISSES = [
    pytest.param(vpc_with("10.0.0.0/16", ipv6="2600:1f18::/56", subnet="10.0.20.0/24",
                          subnet_ipv6="2600:1f18:0:1::/64"), id="dual-stack-vpc"),
    pytest.param(vpc_with("10.0.0.0/16", subnet="10.0.20.0/24"), id="ipv4-only-subnet"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("s", "vpc")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
