"""sqs-dlq-type: dead-letter queues of the same type and Region."""

from __future__ import annotations

import pytest

from tests.support.builder import DesignBuilder
from validators.rules.sqs_dlq_type import RULE

from .helpers import findings


def queues(source_type, dlq_type, dlq_region=None):
    b = DesignBuilder()
    parent = "region"
    if dlq_region:
        parent = b.add("Region", "elsewhere", region=dlq_region)
    b.add("SqsQueue", "dlq", parent, queue_type=dlq_type)
    b.add("SqsQueue", "queue", "region", queue_type=source_type, dead_letter_queue="dlq")
    return b.diagram


TRIGGERS = [
    pytest.param(queues("fifo", "standard"), id="fifo-to-standard"),
    pytest.param(queues("standard", "fifo"), id="standard-to-fifo"),
    pytest.param(queues("standard", "standard", dlq_region="eu-west-1"), id="another-region"),
]
NEAR_MISSES = [
    pytest.param(queues("fifo", "fifo"), id="fifo-to-fifo"),
    pytest.param(queues("standard", "standard", dlq_region="us-east-1"), id="same-region-other-box"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("queue", "dlq")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
