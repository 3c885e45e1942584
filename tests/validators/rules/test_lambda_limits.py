"""lambda-limits: timeouts up to 900 s, memory 128–10,240 MB."""

from __future__ import annotations

import pytest

from tests.support.builder import DesignBuilder
from validators.rules.lambda_limits import RULE

from .helpers import findings


def fn(timeout=3, memory=128):
    b = DesignBuilder()
    b.add("LambdaFunction", "fn", "region", timeout=timeout, memory=memory)
    return b.diagram


TRIGGERS = [
    pytest.param(fn(timeout=901), id="timeout-901"),
    pytest.param(fn(memory=64), id="memory-64"),
    pytest.param(fn(memory=10241), id="memory-10241"),
]
NEAR_MISSES = [pytest.param(fn(timeout=900, memory=10240), id="at-the-limits")]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("fn",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
