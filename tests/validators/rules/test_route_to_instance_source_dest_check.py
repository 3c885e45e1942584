"""route-to-instance-source-dest-check: a NAT instance must not check source and destination."""

from __future__ import annotations

import pytest

from validators.rules.route_to_instance_source_dest_check import RULE

from .helpers import findings, network


def nat_instance(check):
    b = network()
    b.add("Instance", "nat-i", "pub-a", source_dest_check=check)
    b.route_table("rt", "vpc", routes=[("0.0.0.0/0", "nat-i")], subnets=["priv-a"])
    return b.diagram


TRIGGERS = [pytest.param(nat_instance(True), id="check-left-on")]
NEAR_MISSES = [pytest.param(nat_instance(False), id="check-turned-off")]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("rt", "nat-i")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
