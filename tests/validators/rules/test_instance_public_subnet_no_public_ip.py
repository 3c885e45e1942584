"""instance-public-subnet-no-public-ip: public subnets need public addresses to use the gateway."""

from __future__ import annotations

import pytest

from validators.rules.instance_public_subnet_no_public_ip import RULE

from .helpers import findings, network


def instance(subnet="pub-a", public_ip="subnet-default", auto_assign=False, ipv6=False):
    b = network()
    b.set(subnet, map_public_ip_on_launch=auto_assign)
    b.add("Instance", "web", subnet, public_ip=public_ip, ipv6=ipv6)
    return b.diagram


TRIGGERS = [
    pytest.param(instance(), id="subnet-does-not-auto-assign"),
    pytest.param(instance(public_ip="none", auto_assign=True), id="explicitly-none"),
]
NEAR_MISSES = [
    pytest.param(instance(auto_assign=True), id="subnet-auto-assigns"),
    pytest.param(instance(public_ip="elastic"), id="elastic-ip"),
    pytest.param(instance(ipv6=True), id="ipv6-address"),
    pytest.param(instance(subnet="priv-a"), id="private-subnet"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("web", "pub-a")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
