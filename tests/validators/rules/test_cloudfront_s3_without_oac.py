"""cloudfront-s3-without-oac: S3 REST origins should use origin access control."""

from __future__ import annotations

import pytest

from validators.rules.cloudfront_s3_without_oac import RULE

from .helpers import findings, s3_origin

TRIGGERS = [pytest.param(s3_origin("none"), id="no-access-control")]
NEAR_MISSES = [
    pytest.param(s3_origin("oac"), id="oac"),
    pytest.param(s3_origin("none", website=True), id="website-endpoint-is-a-custom-origin"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("cdn", "bucket")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
