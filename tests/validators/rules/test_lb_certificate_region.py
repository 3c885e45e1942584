"""lb-certificate-region: listener certificates from the load balancer's own Region."""

from __future__ import annotations

import pytest

from validators.rules.lb_certificate_region import RULE

from .helpers import findings, load_balanced


def lb(cert_region):
    b = load_balanced(listeners=[{"protocol": "HTTPS", "port": 443, "target_group": "tg",
                                  "certificate": "cert"}])
    b.add("AcmCertificate", "cert", "region", region=cert_region)
    return b.diagram


TRIGGERS = [pytest.param(lb("eu-west-1"), id="certificate-in-ireland")]
NEAR_MISSES = [
    pytest.param(lb("us-east-1"), id="same-region-set"),
    pytest.param(lb(""), id="same-region-by-placement"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("lb", "cert")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
