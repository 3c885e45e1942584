"""lb-listener-protocol: ALB speaks HTTP(S), NLB speaks TCP/TLS/UDP."""

from __future__ import annotations

import pytest

from validators.rules.lb_listener_protocol import RULE

from .helpers import findings, load_balanced


def lb(lb_type, protocol):
    return load_balanced(lb_type=lb_type, listeners=[{"protocol": protocol, "port": 443,
                                                      "target_group": "tg"}]).diagram


TRIGGERS = [
    pytest.param(lb("application", "TCP"), id="alb-with-tcp"),
    pytest.param(lb("network", "HTTPS"), id="nlb-with-https"),
]
NEAR_MISSES = [
    pytest.param(lb("application", "HTTPS"), id="alb-with-https"),
    pytest.param(lb("network", "TLS"), id="nlb-with-tls"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("lb",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
