"""alb-subnet-size: Application Load Balancer subnets of at least /27."""

from __future__ import annotations

import pytest

from validators.rules.alb_subnet_size import RULE

from .helpers import findings, load_balanced


def lb(cidr, lb_type="application"):
    b = load_balanced(lb_type=lb_type)
    b.set("pub-a", cidr=cidr)
    return b.diagram


TRIGGERS = [pytest.param(lb("10.0.0.0/28"), id="/28")]
NEAR_MISSES = [
    pytest.param(lb("10.0.0.0/27"), id="/27-is-enough"),
    pytest.param(lb("10.0.0.0/28", lb_type="network"), id="network-load-balancer"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("lb", "pub-a")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
