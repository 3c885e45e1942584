"""apigw-vpc-link-target: REST VPC links end at an NLB; HTTP API links at an ALB or NLB."""

from __future__ import annotations

import pytest

from validators.rules.apigw_vpc_link_target import RULE

from .helpers import findings, network


def api(api_type, lb_type):
    b = network()
    b.add("LoadBalancer", "lb", "vpc", lb_type=lb_type, scheme="internal", subnets=["priv-a", "priv-b"])
    b.add("ApiGateway", "api", "region", api_type=api_type,
          integrations=[{"route": "ANY /{proxy+}", "integration_type": "vpc-link", "target": "lb"}])
    return b.diagram


TRIGGERS = [pytest.param(api("REST", "application"), id="rest-api-to-alb")]
NEAR_MISSES = [
    pytest.param(api("REST", "network"), id="rest-api-to-nlb"),
    pytest.param(api("HTTP", "application"), id="http-api-to-alb"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    [f] = findings(RULE, diagram)
    assert f.resources == ("api", "lb") and "{proxy+}" in f.message


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
