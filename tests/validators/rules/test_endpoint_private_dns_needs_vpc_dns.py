"""endpoint-private-dns-needs-vpc-dns: private DNS needs DNS support and hostnames on the VPC."""

from __future__ import annotations

import pytest

from validators.rules.endpoint_private_dns_needs_vpc_dns import RULE

from .helpers import findings, network


def endpoint(support=True, hostnames=True, private_dns=True):
    b = network()
    b.set("vpc", enable_dns_support=support, enable_dns_hostnames=hostnames)
    b.add("VpcEndpoint", "vpce", "vpc", endpoint_type="interface", service="logs",
          private_dns=private_dns, subnets=["priv-a", "priv-b"])
    return b.diagram


TRIGGERS = [
    pytest.param(endpoint(hostnames=False), id="hostnames-off"),
    pytest.param(endpoint(support=False), id="resolution-off"),
]
NEAR_MISSES = [
    pytest.param(endpoint(), id="both-on"),
    pytest.param(endpoint(hostnames=False, private_dns=False), id="no-private-dns"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("vpce", "vpc")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
