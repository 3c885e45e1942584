"""cidr-not-private: VPC blocks outside RFC 1918."""

from __future__ import annotations

import pytest

from validators.rules.cidr_not_private import RULE

from .helpers import findings, vpc_with

TRIGGERS = [
    pytest.param(vpc_with("8.8.0.0/16"), id="public-range"),
    pytest.param(vpc_with("10.0.0.0/16", "100.64.0.0/16"), id="shared-address-space-secondary"),
    pytest.param(vpc_with("172.32.0.0/16"), id="just-past-172.16/12"),
]

NEAR_MISSES = [
    pytest.param(vpc_with("10.0.0.0/16", "172.16.0.0/16", "192.168.0.0/16"), id="all-three-rfc1918"),
    pytest.param(vpc_with("169.254.0.0/16"), id="link-local-is-its-own-rule"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("vpc",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
