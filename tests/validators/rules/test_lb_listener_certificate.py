"""lb-listener-certificate: HTTPS and TLS listeners need a certificate."""

from __future__ import annotations

import pytest

from validators.rules.lb_listener_certificate import RULE

from .helpers import findings, load_balanced


def lb(protocol, certificate="", lb_type="application"):
    b = load_balanced(lb_type=lb_type, listeners=[{"protocol": protocol, "port": 443,
                                                   "target_group": "tg", "certificate": certificate}])
    b.add("AcmCertificate", "cert", "region")
    return b.diagram


TRIGGERS = [
    pytest.param(lb("HTTPS"), id="https-without-certificate"),
    pytest.param(lb("TLS", lb_type="network"), id="tls-without-certificate"),
]
NEAR_MISSES = [
    pytest.param(lb("HTTPS", "cert"), id="https-with-certificate"),
    pytest.param(lb("HTTP"), id="plain-http"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("lb",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
