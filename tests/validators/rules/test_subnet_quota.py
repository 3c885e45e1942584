"""subnet-quota: more than 200 subnets in one VPC."""

from __future__ import annotations

import pytest

from validators.rules.subnet_quota import RULE

from .helpers import findings, network


def subnets(count):
    b = network()
    for i in range(count - 4):
        b.subnet(f"s{i}", "az-a", f"10.0.{100 + i // 16}.{(i % 16) * 16}/28")
    return b.diagram


TRIGGERS = [pytest.param(subnets(201), id="201-subnets")]
NEAR_MISSES = [pytest.param(subnets(200), id="200-subnets")]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("vpc",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
