"""target-group-target-kind: targets must fit the target group's type."""

from __future__ import annotations

import pytest

from validators.rules.target_group_target_kind import RULE

from .helpers import findings, load_balanced


def group(target_type, targets):
    b = load_balanced(tg={"target_type": target_type}, targets=targets)
    b.add("LambdaFunction", "fn1", "region")
    b.add("LambdaFunction", "fn2", "region")
    return b.diagram


TRIGGERS = [
    pytest.param(group("instance", ["fn1"]), [("tg", "fn1")], id="function-in-instance-group"),
    pytest.param(group("lambda", ["fn1", "fn2"]), [("tg",)], id="two-functions-in-lambda-group"),
    pytest.param(group("lambda", ["web-a"]), [("tg", "web-a")], id="instance-in-lambda-group"),
]
NEAR_MISSES = [
    pytest.param(group("lambda", ["fn1"]), id="one-function"),
    pytest.param(group("instance", ["web-a", "web-b"]), id="instances"),
]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    assert [f.resources for f in findings(RULE, diagram)] == involved


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
