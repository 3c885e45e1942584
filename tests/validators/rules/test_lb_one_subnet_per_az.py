"""lb-one-subnet-per-az: at most one load balancer subnet per zone."""

from __future__ import annotations

import pytest

from validators.rules.lb_one_subnet_per_az import RULE

from .helpers import findings, load_balanced


def lb(*subnets, lb_type="application"):
    b = load_balanced(lb_type=lb_type, subnets=subnets)
    return b.diagram


TRIGGERS = [
    pytest.param(lb("pub-a", "priv-a", "pub-b"), id="alb-two-subnets-in-zone-a"),
    pytest.param(lb("pub-a", "priv-a", lb_type="network"), id="nlb-two-subnets-in-zone-a"),
]
NEAR_MISSES = [pytest.param(lb("pub-a", "pub-b"), id="one-per-zone")]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("lb", "pub-a", "priv-a")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
