"""vpc-quota: more than five VPCs in one Region."""

from __future__ import annotations

import pytest

from tests.support.builder import DesignBuilder
from validators.rules.vpc_quota import RULE

from .helpers import findings


def vpcs(count, elsewhere=0):
    b = DesignBuilder()
    for i in range(count):
        b.vpc(f"v{i}", f"10.{i}.0.0/16")
    b.add("Region", "ireland", region="eu-west-1")
    for i in range(elsewhere):
        b.add("Vpc", f"w{i}", "ireland", cidr_blocks=[f"10.{i}.0.0/16"])
    return b.diagram


TRIGGERS = [pytest.param(vpcs(6), id="six-in-one-region")]
NEAR_MISSES = [pytest.param(vpcs(5, elsewhere=5), id="five-in-each-of-two-regions")]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    [f] = findings(RULE, diagram)
    assert len(f.resources) == 6 and "us-east-1" in f.message


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
