"""A lab's ``tls`` goal can state each of the notes' eight SSL-termination patterns: on a design
built as the pattern, the goal "terminates at <that kind> with <that certificate>" passes and says the
pattern in the notes' own words, and the same goal asking for the wrong place or certificate fails."""

from __future__ import annotations

import pytest

from tests.labs.conftest import check_from
from tests.validators.reachability.test_tls import (route53_alb_ec2, route53_alb_ec2_external,
                                                    route53_cloudfront_alb_ec2, route53_cloudfront_ec2,
                                                    route53_cloudfront_s3, route53_ec2_external,
                                                    route53_lightsail, route53_nlb_ec2_external)

PATTERNS = [
    # design, where TLS must end, the certificate there, a wrong place, the notes' words for the pattern
    pytest.param(route53_alb_ec2, "LoadBalancer", "acm", "Instance", "ALB(+ATS証明書) → EC2", id="alb"),
    pytest.param(route53_alb_ec2_external, "Instance", "external", "LoadBalancer", "EC2(+外部証明書)",
                 id="alb-ec2-external"),
    pytest.param(route53_nlb_ec2_external, "Instance", "external", "LoadBalancer", "NLB → EC2(+外部証明書)",
                 id="nlb-ec2-external"),
    pytest.param(route53_ec2_external, "Instance", "external", "LoadBalancer", "EC2(+外部証明書)",
                 id="ec2-external"),
    pytest.param(route53_cloudfront_alb_ec2, "CloudFrontDistribution", "acm", "LoadBalancer",
                 "CloudFront(+ATS証明書) → ALB → EC2", id="cloudfront-alb-ec2"),
    pytest.param(route53_cloudfront_ec2, "CloudFrontDistribution", "acm", "Instance",
                 "CloudFront(+ATS証明書) → EC2", id="cloudfront-ec2"),
    pytest.param(route53_cloudfront_s3, "CloudFrontDistribution", "acm", "S3Bucket",
                 "CloudFront(+ATS証明書) → S3", id="cloudfront-s3"),
    pytest.param(route53_lightsail, "LightsailInstance", "lightsail", "Instance", "Lightsail(+ATS証明書)",
                 id="lightsail"),
]


@pytest.mark.parametrize("build, kind, certificate, wrong_kind, words", PATTERNS)
def test_a_tls_goal_states_each_of_the_notes_patterns(build, kind, certificate, wrong_kind, words):
    diagram, entry = build()

    def goal(terminates_at: str, certificate: str = ""):
        wanted = f", certificate: {certificate}" if certificate else ""
        return check_from(f"{{type: tls, entry: {entry}, terminates_at: {{kind: {terminates_at}}}{wanted}}}")

    outcome = goal(kind, certificate).evaluate(diagram)
    assert outcome.passed, outcome.reason.get("en")
    assert words in outcome.reason.get("ja"), outcome.reason.get("ja")
    assert goal(kind, "amazon-issued").evaluate(diagram).passed is (certificate != "external")
    assert not goal(wrong_kind).evaluate(diagram).passed
    other = "external" if certificate != "external" else "acm"
    assert not goal(kind, other).evaluate(diagram).passed
