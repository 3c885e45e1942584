"""target-group-multiple-lbs: a target group belongs to one load balancer."""

from __future__ import annotations

import pytest

from validators.rules.target_group_multiple_lbs import RULE

from .helpers import findings, load_balanced


def second_lb(group):
    b = load_balanced()
    b.add("TargetGroup", "tg2", "vpc", targets=["web-a"])
    b.add("LoadBalancer", "lb2", "vpc", subnets=["pub-a", "pub-b"],
          listeners=[{"protocol": "HTTP", "port": 8080, "target_group": group}])
    return b.diagram


TRIGGERS = [pytest.param(second_lb("tg"), id="shared-group")]
NEAR_MISSES = [pytest.param(second_lb("tg2"), id="one-group-each")]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("tg", "lb", "lb2")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
