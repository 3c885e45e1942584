"""sqs-visibility-timeout: visibility at least the consuming function's timeout."""

from __future__ import annotations

import pytest

from tests.support.builder import DesignBuilder
from validators.rules.sqs_visibility_timeout import RULE

from .helpers import findings


def consumer(visibility, timeout):
    b = DesignBuilder()
    b.add("SqsQueue", "queue", "region", visibility_timeout=visibility)
    b.add("LambdaFunction", "fn", "region", timeout=timeout, event_sources=["queue"])
    return b.diagram


TRIGGERS = [pytest.param(consumer(30, 60), id="30s-queue-60s-function")]
NEAR_MISSES = [
    pytest.param(consumer(360, 60), id="six-times-the-timeout"),
    pytest.param(consumer(60, 60), id="equal"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("queue", "fn")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
