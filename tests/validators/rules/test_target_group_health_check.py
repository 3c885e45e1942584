"""target-group-health-check: health check settings within AWS's ranges."""

from __future__ import annotations

import pytest

from validators.rules.target_group_health_check import RULE

from .helpers import findings, load_balanced


def group(**settings):
    return load_balanced(tg=settings).diagram


TRIGGERS = [
    pytest.param(group(health_check_interval=3, health_check_timeout=2), id="interval-below-5"),
    pytest.param(group(health_check_interval=10, health_check_timeout=10), id="timeout-not-shorter"),
    pytest.param(group(healthy_threshold=1), id="healthy-threshold-1"),
    pytest.param(group(matcher="200-599"), id="success-codes-beyond-499"),
]
NEAR_MISSES = [
    pytest.param(group(), id="defaults"),
    pytest.param(group(health_check_interval=5, health_check_timeout=2, matcher="200-399"),
                 id="tightest-allowed"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("tg",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
