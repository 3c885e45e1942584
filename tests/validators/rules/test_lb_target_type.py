"""lb-target-type: which target group types each load balancer can use."""

from __future__ import annotations

import pytest

from validators.rules.lb_target_type import RULE

from .helpers import findings, load_balanced


def lb(lb_type, target_type, protocol=None):
    tg = {"target_type": target_type, "targets": []}
    if protocol:
        tg["protocol"] = protocol
    return load_balanced(lb_type=lb_type, tg=tg).diagram


TRIGGERS = [
    pytest.param(lb("network", "lambda"), id="lambda-behind-nlb"),
    pytest.param(lb("application", "alb"), id="alb-behind-alb"),
    pytest.param(lb("network", "instance", protocol="GENEVE"), id="geneve-group"),
]
NEAR_MISSES = [
    pytest.param(lb("application", "lambda"), id="lambda-behind-alb"),
    pytest.param(lb("network", "alb"), id="alb-behind-nlb"),
    pytest.param(lb("application", "ip"), id="ip-targets"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("lb", "tg")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
