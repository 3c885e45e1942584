"""apigw-cert-region: edge-optimized APIs need us-east-1 certificates, regional ones their own."""

from __future__ import annotations

import pytest

from tests.support.builder import DesignBuilder
from validators.rules.apigw_cert_region import RULE

from .helpers import findings


def api(endpoint_type, cert_region):
    b = DesignBuilder("ap-northeast-1")
    b.add("AcmCertificate", "cert", region=cert_region)
    b.add("ApiGateway", "api", "region", endpoint_type=endpoint_type, custom_domain="api.example.com",
          certificate="cert")
    return b.diagram


TRIGGERS = [
    pytest.param(api("EDGE", "ap-northeast-1"), id="edge-with-tokyo-certificate"),
    pytest.param(api("REGIONAL", "us-east-1"), id="regional-tokyo-with-virginia-certificate"),
]
NEAR_MISSES = [
    pytest.param(api("EDGE", "us-east-1"), id="edge-with-virginia-certificate"),
    pytest.param(api("REGIONAL", "ap-northeast-1"), id="regional-with-own-region"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("api", "cert")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
