"""sg-open-admin-ports: SSH and RDP should not be open to the world."""

from __future__ import annotations

import pytest

from validators.rules.sg_open_admin_ports import RULE

from .helpers import findings, network


def sg(protocol="tcp", low=22, high=22, cidr="0.0.0.0/0"):
    b = network()
    b.add("SecurityGroup", "sg", "vpc", ingress=[{"protocol": protocol, "from_port": low,
                                                   "to_port": high, "cidr": cidr}])
    return b.diagram


TRIGGERS = [
    pytest.param(sg(), "SSH", id="ssh-from-anywhere"),
    pytest.param(sg(low=3389, high=3389, cidr="::/0"), "RDP", id="rdp-from-any-ipv6"),
    pytest.param(sg(low=0, high=1024), "SSH", id="port-range-including-22"),
]
NEAR_MISSES = [
    pytest.param(sg(cidr="203.0.113.0/24"), id="ssh-from-the-office"),
    pytest.param(sg(low=443, high=443), id="https-from-anywhere"),
    pytest.param(sg(protocol="udp"), id="udp-22"),
]


@pytest.mark.parametrize("diagram, service", TRIGGERS)
def test_triggers(diagram, service):
    [f] = findings(RULE, diagram)
    assert f.resources == ("sg",) and service in f.message


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
