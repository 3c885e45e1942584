"""asg-size-order: minimum ≤ desired ≤ maximum."""

from __future__ import annotations

import pytest

from validators.rules.asg_size_order import RULE

from .helpers import findings, network


def asg(low, want, high):
    b = network()
    b.add("AutoScalingGroup", "asg", "vpc", min_size=low, desired_capacity=want, max_size=high,
          subnets=["priv-a", "priv-b"])
    return b.diagram


TRIGGERS = [
    pytest.param(asg(4, 4, 2), id="max-below-min"),
    pytest.param(asg(2, 6, 4), id="desired-above-max"),
    pytest.param(asg(2, 1, 4), id="desired-below-min"),
]
NEAR_MISSES = [pytest.param(asg(2, 2, 4), id="in-order"), pytest.param(asg(0, 0, 0), id="all-zero")]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("asg",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
