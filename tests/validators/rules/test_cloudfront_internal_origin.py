"""cloudfront-internal-origin: private origins need a CloudFront VPC origin."""

from __future__ import annotations

import pytest

from validators.rules.cloudfront_internal_origin import RULE

from .helpers import findings, network


def origin(target, vpc_origin=False, scheme="internal"):
    b = network()
    b.add("LoadBalancer", "alb", "vpc", scheme=scheme, subnets=["priv-a", "priv-b"])
    b.add("Instance", "app", "priv-a")
    b.add("Instance", "web", "pub-a", public_ip="assign")
    b.add("CloudFrontDistribution", "cdn", origins=[{"origin_id": "o", "target": target,
                                                      "vpc_origin": vpc_origin}])
    return b.diagram


TRIGGERS = [
    pytest.param(origin("alb"), ("cdn", "alb"), id="internal-load-balancer"),
    pytest.param(origin("app"), ("cdn", "app"), id="instance-in-private-subnet"),
]
NEAR_MISSES = [
    pytest.param(origin("alb", vpc_origin=True), id="vpc-origin"),
    pytest.param(origin("alb", scheme="internet-facing"), id="internet-facing-load-balancer"),
    pytest.param(origin("web"), id="public-instance-with-public-ip"),
]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    assert [f.resources for f in findings(RULE, diagram)] == [involved]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
