"""vpc-secondary-cidr-restricted: secondary blocks AWS will not associate with the primary."""

from __future__ import annotations

import pytest

from validators.rules.vpc_secondary_cidr_restricted import RULE

from .helpers import findings, vpc_with

TRIGGERS = [
    pytest.param(vpc_with("10.0.0.0/16", "192.168.0.0/16"), id="10-then-192.168"),
    pytest.param(vpc_with("172.16.0.0/16", "172.31.0.0/16"), id="172.16-then-172.31"),
    pytest.param(vpc_with("192.168.0.0/16", "172.20.0.0/16"), id="192.168-then-172"),
    pytest.param(vpc_with("10.0.0.0/16", "198.19.0.0/16"), id="10-then-198.19"),
]

NEAR_MISSES = [
    pytest.param(vpc_with("10.0.0.0/16", "10.1.0.0/16"), id="same-range"),
    pytest.param(vpc_with("10.0.0.0/16", "100.64.0.0/16"), id="100.64-may-join-any-vpc"),
    pytest.param(vpc_with("172.16.0.0/16", "172.17.0.0/16"), id="172.16-family"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("vpc",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
