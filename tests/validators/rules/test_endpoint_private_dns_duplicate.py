"""endpoint-private-dns-duplicate: one private-DNS endpoint per service per VPC."""

from __future__ import annotations

import pytest

from validators.rules.endpoint_private_dns_duplicate import RULE

from .helpers import findings, network


def endpoints(second_service="logs", second_private_dns=True):
    b = network()
    b.add("VpcEndpoint", "e1", "vpc", endpoint_type="interface", service="logs", subnets=["priv-a"])
    b.add("VpcEndpoint", "e2", "vpc", endpoint_type="interface", service=second_service,
          private_dns=second_private_dns, subnets=["priv-b"])
    return b.diagram


TRIGGERS = [pytest.param(endpoints(), id="two-logs-endpoints")]
NEAR_MISSES = [
    pytest.param(endpoints(second_service="ecr.api"), id="different-services"),
    pytest.param(endpoints(second_private_dns=False), id="second-without-private-dns"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("e1", "e2")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
