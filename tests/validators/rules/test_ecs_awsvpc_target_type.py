"""ecs-awsvpc-target-type: awsvpc tasks register by IP address."""

from __future__ import annotations

import pytest

from validators.rules.ecs_awsvpc_target_type import RULE

from .helpers import ecs, findings

REGISTERED = {"load_balancers": [{"target_group": "tg", "container_name": "app", "container_port": 80}]}

TRIGGERS = [pytest.param(ecs(service=REGISTERED, tg={"target_type": "instance"}), id="instance-group")]
NEAR_MISSES = [
    pytest.param(ecs(service=REGISTERED), id="ip-group"),
    pytest.param(ecs(service={**REGISTERED, "launch_type": "EC2"}, tg={"target_type": "instance"},
                     task={"compatibility": "EC2", "network_mode": "bridge"}), id="bridge-mode-instances"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("svc", "tg")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
