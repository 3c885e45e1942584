"""cloudfront-cert-region: a CloudFront certificate outside us-east-1."""

from __future__ import annotations

import pytest

from tests.support.builder import DesignBuilder
from validators.rules.cloudfront_cert_region import RULE

from .helpers import findings


def distribution(cert_region="", drawn_in=None, design_region="ap-northeast-1"):
    b = DesignBuilder(design_region)
    if drawn_in:
        b.add("Region", "virginia", region=drawn_in)
    b.add("AcmCertificate", "cert", drawn_in and "virginia", region=cert_region)
    b.add("CloudFrontDistribution", "cdn", certificate="cert")
    return b.diagram


TRIGGERS = [
    pytest.param(distribution(cert_region="ap-northeast-1"), id="certificate-region-set"),
    pytest.param(distribution(), id="certificate-in-the-design-region"),
    pytest.param(distribution(drawn_in="eu-west-1"), id="certificate-drawn-in-another-region"),
]

NEAR_MISSES = [
    pytest.param(distribution(cert_region="us-east-1"), id="certificate-in-us-east-1"),
    pytest.param(distribution(drawn_in="us-east-1"), id="certificate-drawn-in-us-east-1"),
    pytest.param(distribution(design_region="us-east-1"), id="design-in-us-east-1"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("cdn", "cert")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
