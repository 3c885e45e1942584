"""instance-private-subnet-public-ip: a public address is useless in a private subnet."""

from __future__ import annotations

import pytest

from validators.rules.instance_private_subnet_public_ip import RULE

from .helpers import findings, network


def instance(subnet="priv-a", public_ip="assign"):
    b = network()
    b.add("Instance", "app", subnet, public_ip=public_ip)
    return b.diagram


TRIGGERS = [
    pytest.param(instance(), id="assigned-public-ip"),
    pytest.param(instance(public_ip="elastic"), id="elastic-ip"),
]
NEAR_MISSES = [
    pytest.param(instance(public_ip="none"), id="no-public-ip"),
    pytest.param(instance(subnet="pub-a"), id="public-subnet"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("app", "priv-a")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
