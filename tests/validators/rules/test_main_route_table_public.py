"""main-route-table-public: the main route table should stay local-only."""

from __future__ import annotations

import pytest

from validators.rules.main_route_table_public import RULE

from .helpers import findings, network


def main_table(*routes, main=True):
    b = network()
    b.add("NatGateway", "nat", "pub-a")
    b.route_table("rt-main", "vpc", routes=routes, main=main)
    return b.diagram


TRIGGERS = [pytest.param(main_table(("0.0.0.0/0", "igw")), id="main-table-to-igw")]
NEAR_MISSES = [
    pytest.param(main_table(), id="local-only-main-table"),
    pytest.param(main_table(("0.0.0.0/0", "nat")), id="main-table-to-nat"),
    pytest.param(main_table(("0.0.0.0/0", "igw"), main=False), id="custom-table-to-igw"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("rt-main", "igw")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
