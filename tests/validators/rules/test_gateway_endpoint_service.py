"""gateway-endpoint-service: gateway endpoints exist only for S3 and DynamoDB."""

from __future__ import annotations

import pytest

from validators.rules.gateway_endpoint_service import RULE

from .helpers import findings, network


def endpoint(service, endpoint_type="gateway"):
    b = network()
    b.add("VpcEndpoint", "vpce", "vpc", endpoint_type=endpoint_type, service=service)
    return b.diagram


TRIGGERS = [
    pytest.param(endpoint("logs"), id="cloudwatch-logs"),
    pytest.param(endpoint("com.amazonaws.us-east-1.ecr.dkr"), id="ecr-full-service-name"),
]
NEAR_MISSES = [
    pytest.param(endpoint("s3"), id="s3"),
    pytest.param(endpoint("com.amazonaws.us-east-1.dynamodb"), id="dynamodb-full-name"),
    pytest.param(endpoint("logs", "interface"), id="interface-endpoint-for-logs"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("vpce",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
