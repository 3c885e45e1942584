"""lb-target-group-protocol: listener and target group protocols must fit together."""

from __future__ import annotations

import pytest

from validators.rules.lb_target_group_protocol import RULE

from .helpers import findings, load_balanced


def lb(listener, group, lb_type="network"):
    return load_balanced(lb_type=lb_type, tg={"protocol": group},
                         listeners=[{"protocol": listener, "port": 53, "target_group": "tg"}]).diagram


TRIGGERS = [
    pytest.param(lb("UDP", "TCP"), id="udp-listener-tcp-group"),
    pytest.param(lb("HTTP", "TCP", lb_type="application"), id="http-listener-tcp-group"),
    pytest.param(lb("TCP", "TLS"), id="tcp-listener-tls-group"),
]
NEAR_MISSES = [
    pytest.param(lb("UDP", "TCP_UDP"), id="udp-to-tcp-udp"),
    pytest.param(lb("TLS", "TCP"), id="tls-terminated-to-tcp"),
    pytest.param(lb("HTTPS", "HTTP", lb_type="application"), id="https-terminated-to-http"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("lb", "tg")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
