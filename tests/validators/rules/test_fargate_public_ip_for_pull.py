"""fargate-public-ip-for-pull: Fargate tasks in public subnets need a public IP to pull images."""

from __future__ import annotations

import pytest

from validators.rules.fargate_public_ip_for_pull import RULE

from .helpers import ecs, findings

PUBLIC = ["pub-a", "pub-b"]

TRIGGERS = [pytest.param(ecs(service={"subnets": PUBLIC}), id="public-subnets-no-public-ip")]
NEAR_MISSES = [
    pytest.param(ecs(service={"subnets": PUBLIC, "assign_public_ip": True}), id="public-ip-assigned"),
    pytest.param(ecs(), id="private-subnets"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("svc", "pub-a", "pub-b")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
