"""reference-dangling: references to missing resources (routes excepted)."""

from __future__ import annotations

import pytest

from validators.rules.reference_dangling import RULE

from .helpers import findings, network


def refers(**kw):
    b = network()
    b.subnet("s", "az-a", "10.0.20.0/24", **kw)
    return b.diagram


def route_to_missing():
    b = network()
    b.route_table("rt", "vpc", routes=[("0.0.0.0/0", "nat-gone")])
    return b.diagram


def lb_with_missing_group():
    b = network()
    b.add("LoadBalancer", "alb", "vpc", subnets=["pub-a", "pub-b"],
          listeners=[{"protocol": "HTTP", "port": 80, "target_group": "tg-gone"}])
    return b.diagram


TRIGGERS = [
    pytest.param(refers(route_table="rt-gone"), ("s",), "route table", id="subnet-to-missing-table"),
    pytest.param(lb_with_missing_group(), ("alb",), "target group", id="listener-to-missing-group"),
]
NEAR_MISSES = [
    pytest.param(refers(route_table="rt-public"), id="existing-table"),
    pytest.param(route_to_missing(), id="routes-are-route-blackhole"),
]


@pytest.mark.parametrize("diagram, involved, field", TRIGGERS)
def test_triggers(diagram, involved, field):
    [f] = findings(RULE, diagram)
    assert f.resources == involved and field in f.message


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []


def test_a_reference_pointed_elsewhere_is_no_longer_reported():
    b = network()
    b.subnet("s", "az-a", "10.0.20.0/24", route_table="rt-gone")
    assert len(findings(RULE, b.diagram)) == 1
    b.set("s", route_table="rt-public")
    assert findings(RULE, b.diagram) == []
