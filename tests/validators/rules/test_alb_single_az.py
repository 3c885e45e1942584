"""alb-single-az: an Application Load Balancer whose subnets cover fewer than two zones."""

from __future__ import annotations

import pytest

from validators.rules.alb_single_az import RULE

from .helpers import findings, network


def lb(*subnets, lb_type="application"):
    b = network()
    b.subnet("pub-a2", "az-a", "10.0.2.0/24", route_table="rt-public")
    b.add("LoadBalancer", "alb", "vpc", lb_type=lb_type, subnets=list(subnets))
    return b.diagram


TRIGGERS = [
    pytest.param(lb("pub-a"), id="one-subnet"),
    pytest.param(lb("pub-a", "pub-a2"), id="two-subnets-in-one-zone"),
]

NEAR_MISSES = [
    pytest.param(lb("pub-a", "pub-b"), id="two-zones"),
    pytest.param(lb("pub-a", lb_type="network"), id="network-load-balancer-may-use-one-zone"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    [f] = findings(RULE, diagram)
    assert f.resources[0] == "alb"


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
