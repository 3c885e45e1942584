"""route-quota: more than 50 static routes per IP family."""

from __future__ import annotations

import pytest

from validators.rules.route_quota import RULE

from .helpers import findings, network


def routes(v4, v6=0):
    b = network()
    b.add("NatGateway", "nat", "pub-a")
    table = [(f"10.{100 + i}.0.0/16", "nat") for i in range(v4)]
    table += [(f"2600:1f18:{i:x}::/48", "igw") for i in range(v6)]
    b.route_table("rt", "vpc", routes=table)
    return b.diagram


TRIGGERS = [pytest.param(routes(51), id="51-ipv4-routes")]
NEAR_MISSES = [pytest.param(routes(50, 50), id="50-of-each-family")]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("rt",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
