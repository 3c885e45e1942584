"""alb-internet-facing-private: an internet-facing load balancer in private subnets."""

from __future__ import annotations

import pytest

from validators.rules.alb_internet_facing_private import RULE

from .helpers import findings, network


def lb(*subnets, scheme="internet-facing", lb_type="application", main_public=False):
    b = network()
    if main_public:
        b.route_table("rt-main", "vpc", routes=[("0.0.0.0/0", "igw")], main=True)
    b.add("LoadBalancer", "lb", "vpc", scheme=scheme, lb_type=lb_type, subnets=list(subnets))
    return b.diagram


TRIGGERS = [
    pytest.param(lb("priv-a", "priv-b"), ("lb", "priv-a", "priv-b"), id="both-subnets-private"),
    pytest.param(lb("pub-a", "priv-b"), ("lb", "priv-b"), id="one-private-subnet"),
    pytest.param(lb("priv-a", lb_type="network"), ("lb", "priv-a"), id="network-load-balancer"),
]

NEAR_MISSES = [
    pytest.param(lb("pub-a", "pub-b"), id="public-subnets"),
    pytest.param(lb("priv-a", "priv-b", scheme="internal"), id="internal-load-balancer"),
    pytest.param(lb("priv-a", "priv-b", main_public=True), id="public-through-the-main-route-table"),
]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    assert [f.resources for f in findings(RULE, diagram)] == [involved]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
