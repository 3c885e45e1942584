"""subnet-az-mismatch: a subnet drawn in one zone box but set to another zone."""

from __future__ import annotations

import pytest

from validators.rules.subnet_az_mismatch import RULE

from .helpers import findings, network


def subnet(zone, parent="az-a"):
    b = network()
    b.subnet("s", parent, "10.0.20.0/24", availability_zone=zone)
    return b.diagram


TRIGGERS = [pytest.param(subnet("us-east-1b"), id="box-a-zone-b")]
NEAR_MISSES = [
    pytest.param(subnet("us-east-1a"), id="same-zone"),
    pytest.param(subnet(""), id="zone-taken-from-the-box"),
    pytest.param(subnet("us-east-1b", parent="vpc"), id="drawn-outside-any-zone-box"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("s", "az-a")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
