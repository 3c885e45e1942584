"""vpc-cidr-block-quota: more than five IPv4 blocks on one VPC."""

from __future__ import annotations

import pytest

from validators.rules.vpc_cidr_block_quota import RULE

from .helpers import findings, vpc_with

TRIGGERS = [pytest.param(vpc_with(*[f"10.{i}.0.0/16" for i in range(6)]), id="six-blocks")]
NEAR_MISSES = [pytest.param(vpc_with(*[f"10.{i}.0.0/16" for i in range(5)]), id="five-blocks")]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("vpc",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
