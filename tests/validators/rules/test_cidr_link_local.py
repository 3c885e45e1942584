"""cidr-link-local: VPC blocks in 169.254.0.0/16."""

from __future__ import annotations

import pytest

from validators.rules.cidr_link_local import RULE

from .helpers import findings, vpc_with

TRIGGERS = [
    pytest.param(vpc_with("169.254.0.0/16"), id="the-whole-range"),
    pytest.param(vpc_with("10.0.0.0/16", "169.254.10.0/24"), id="secondary-block-inside-it"),
]

NEAR_MISSES = [
    pytest.param(vpc_with("169.253.0.0/16"), id="just-below"),
    pytest.param(vpc_with("10.0.0.0/16"), id="private-range"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("vpc",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
