"""cloudfront-s3-website-oac: website endpoints cannot use OAC or OAI."""

from __future__ import annotations

import pytest

from validators.rules.cloudfront_s3_website_oac import RULE

from .helpers import findings, s3_origin

TRIGGERS = [
    pytest.param(s3_origin("oac", website=True), id="website-with-oac"),
    pytest.param(s3_origin("oai", website=True), id="website-with-oai"),
]
NEAR_MISSES = [
    pytest.param(s3_origin("none", website=True), id="website-as-custom-origin"),
    pytest.param(s3_origin("oac"), id="rest-endpoint-with-oac"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("cdn", "bucket")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
