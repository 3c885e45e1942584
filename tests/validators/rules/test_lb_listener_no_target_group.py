"""lb-listener-no-target-group: forwarding listeners need a target group."""

from __future__ import annotations

import pytest

from validators.rules.lb_listener_no_target_group import RULE

from .helpers import findings, load_balanced


def lb(action, target_group):
    return load_balanced(listeners=[{"protocol": "HTTP", "port": 80, "action": action,
                                     "target_group": target_group}]).diagram


TRIGGERS = [pytest.param(lb("forward", ""), id="forward-to-nothing")]
NEAR_MISSES = [
    pytest.param(lb("forward", "tg"), id="forward-to-group"),
    pytest.param(lb("redirect", ""), id="redirect-needs-no-group"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("lb",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
