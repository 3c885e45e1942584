"""lambda-vpc-no-egress: a VPC function that calls AWS needs a NAT route or endpoints."""

from __future__ import annotations

import pytest

from validators.rules.lambda_vpc_no_egress import RULE

from .helpers import findings, network


def function(subnets=("priv-a", "priv-b"), nat=False, endpoint=False, needs=True):
    b = network()
    if nat:
        b.add("NatGateway", "nat", "pub-a")
        b.route_table("rt-private", "vpc", routes=[("0.0.0.0/0", "nat")], subnets=["priv-a", "priv-b"])
    if endpoint:
        b.add("VpcEndpoint", "vpce", "vpc", endpoint_type="gateway", service="dynamodb")
    b.add("LambdaFunction", "fn", "region", subnets=list(subnets), needs_aws_apis=needs)
    return b.diagram


TRIGGERS = [
    pytest.param(function(), ("fn", "priv-a", "priv-b"), id="private-subnets-without-nat"),
    pytest.param(function(subnets=("pub-a",)), ("fn", "pub-a"), id="public-subnet-gives-no-public-ip"),
]
NEAR_MISSES = [
    pytest.param(function(nat=True), id="nat-gateway"),
    pytest.param(function(endpoint=True), id="vpc-endpoint"),
    pytest.param(function(needs=False), id="calls-nothing-outside"),
    pytest.param(function(subnets=()), id="not-in-a-vpc"),
]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    assert [f.resources for f in findings(RULE, diagram)] == [involved]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
