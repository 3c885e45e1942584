"""cidr-not-canonical: CIDRs written with host bits set."""

from __future__ import annotations

import pytest

from validators.rules.cidr_not_canonical import RULE

from .helpers import findings, vpc_with

TRIGGERS = [
    pytest.param(vpc_with("10.0.0.5/16"), ("vpc",), id="vpc-host-bits"),
    pytest.param(vpc_with("10.0.0.0/16", subnet="10.0.20.7/24"), ("s",), id="subnet-host-bits"),
    pytest.param(vpc_with("10.0.0.0/16", ipv6="2600:1f18::1/56"), ("vpc",), id="ipv6-host-bits"),
]

NEAR_MISSES = [
    pytest.param(vpc_with("10.0.0.0/16", subnet="10.0.20.0/24"), id="network-addresses"),
]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    [f] = findings(RULE, diagram)
    assert f.resources == involved and "AWS will store it as" in f.message


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
