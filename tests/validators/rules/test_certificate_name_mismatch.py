"""certificate-name-mismatch: certificates must cover CloudFront's alternate domain names, and an
alternate domain name needs a certificate."""

from __future__ import annotations

import pytest

from tests.support.builder import DesignBuilder
from validators.rules.certificate_name_mismatch import RULE, covers

from .helpers import findings


def distribution(*aliases, names=("*.example.com",), domain="example.com"):
    b = DesignBuilder()
    b.add("AcmCertificate", "cert", domain_name=domain, subject_alternative_names=list(names),
          region="us-east-1")
    b.add("CloudFrontDistribution", "cdn", aliases=list(aliases), certificate="cert")
    return b.diagram


TRIGGERS = [
    pytest.param(distribution("a.b.example.com"), id="wildcard-covers-one-level-only"),
    pytest.param(distribution("www.example.org"), id="other-domain"),
    pytest.param(distribution("example.com", domain="www.example.com"), id="apex-not-covered"),
]
NEAR_MISSES = [
    pytest.param(distribution("www.example.com", "example.com"), id="wildcard-and-apex"),
    pytest.param(distribution("WWW.Example.com"), id="case-does-not-matter"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("cdn", "cert")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []


@pytest.mark.parametrize("pattern, name, expected", [
    ("*.example.com", "www.example.com", True), ("*.example.com", "example.com", False),
    ("*.example.com", "a.b.example.com", False), ("example.com", "example.com.", True)])
def test_wildcards_cover_exactly_one_label(pattern, name, expected):
    assert covers(pattern, name) is expected


def test_an_alternate_domain_name_without_any_certificate_is_refused():
    b = DesignBuilder()
    b.add("CloudFrontDistribution", "cdn", aliases=["media.example.com"], name="media")
    [found] = findings(RULE, b.diagram)
    assert found.resources == ("cdn",)
    assert found.message.startswith("CloudFront distribution media serves media.example.com but has no certificate")
    b.set("cdn", aliases=[])  # no alternate names: CloudFront's own certificate is enough
    assert findings(RULE, b.diagram) == []
