"""ecs-awsvpc-host-port: in awsvpc mode host and container ports are the same."""

from __future__ import annotations

import pytest

from validators.rules.ecs_awsvpc_host_port import RULE

from .helpers import ecs, findings


def ports(host, container=80, mode="awsvpc"):
    return ecs(task={"network_mode": mode, "compatibility": "EC2",
                     "containers": [{"name": "app", "container_port": container, "host_port": host}]})


TRIGGERS = [pytest.param(ports(8080), id="8080-to-80")]
NEAR_MISSES = [
    pytest.param(ports(0), id="host-port-left-out"),
    pytest.param(ports(80), id="same-port"),
    pytest.param(ports(8080, mode="bridge"), id="bridge-mode-maps-ports"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("task",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
