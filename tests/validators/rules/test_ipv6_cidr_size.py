"""ipv6-cidr-size: VPC IPv6 blocks must be /56 and subnet ones /64."""

from __future__ import annotations

import pytest

from validators.rules.ipv6_cidr_size import RULE

from .helpers import findings, vpc_with

TRIGGERS = [
    pytest.param(vpc_with("10.0.0.0/16", ipv6="2600:1f18::/48"), ("vpc",), id="vpc-/48"),
    pytest.param(vpc_with("10.0.0.0/16", ipv6="2600:1f18::/56", subnet="10.0.20.0/24",
                          subnet_ipv6="2600:1f18:0:1::/80"), ("s",), id="subnet-/80"),
]

NEAR_MISSES = [
    pytest.param(vpc_with("10.0.0.0/16", ipv6="2600:1f18::/56", subnet="10.0.20.0/24",
                          subnet_ipv6="2600:1f18:0:1::/64"), id="/56-and-/64"),
]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    assert [f.resources for f in findings(RULE, diagram)] == [involved]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
