"""cidr-docker-range: blocks overlapping 172.17.0.0/16."""

from __future__ import annotations

import pytest

from validators.rules.cidr_docker_range import RULE

from .helpers import findings, vpc_with

TRIGGERS = [
    pytest.param(vpc_with("172.17.0.0/16"), ("vpc",), id="exactly-the-range"),
    pytest.param(vpc_with("172.16.0.0/12", subnet="172.17.3.0/24"), ("s",), id="vpc-and-subnet"),
]

NEAR_MISSES = [
    pytest.param(vpc_with("172.16.0.0/16"), id="neighbouring-172.16"),
    pytest.param(vpc_with("172.18.0.0/16"), id="neighbouring-172.18"),
]


@pytest.mark.parametrize("diagram, culprit", TRIGGERS)
def test_triggers(diagram, culprit):
    assert culprit in [f.resources for f in findings(RULE, diagram)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
