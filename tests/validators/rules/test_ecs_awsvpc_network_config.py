"""ecs-awsvpc-network-config: awsvpc services need subnets and security groups."""

from __future__ import annotations

import pytest

from validators.rules.ecs_awsvpc_network_config import RULE

from .helpers import ecs, findings

TRIGGERS = [
    pytest.param(ecs(service={"subnets": []}), "subnets", id="no-subnets"),
    pytest.param(ecs(service={"security_groups": []}), "security groups", id="no-security-groups"),
]
NEAR_MISSES = [
    pytest.param(ecs(), id="both-given"),
    pytest.param(ecs(service={"subnets": [], "security_groups": [], "launch_type": "EC2"},
                     task={"compatibility": "EC2", "network_mode": "bridge"}), id="bridge-mode-on-ec2"),
]


@pytest.mark.parametrize("diagram, missing", TRIGGERS)
def test_triggers(diagram, missing):
    [f] = findings(RULE, diagram)
    assert f.resources == ("svc",) and missing in f.message


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
