"""private-zone-vpc-dns: private zones need VPCs with DNS support and hostnames."""

from __future__ import annotations

import pytest

from validators.rules.private_zone_vpc_dns import RULE

from .helpers import findings, network


def zone(vpcs=("vpc",), hostnames=True, private=True):
    b = network()
    b.set("vpc", enable_dns_hostnames=hostnames)
    b.add("HostedZone", "zone", domain="corp.internal", private=private, vpcs=list(vpcs))
    return b.diagram


TRIGGERS = [
    pytest.param(zone(hostnames=False), ("zone", "vpc"), id="hostnames-off"),
    pytest.param(zone(vpcs=()), ("zone",), id="no-vpc"),
]
NEAR_MISSES = [
    pytest.param(zone(), id="dns-on"),
    pytest.param(zone(vpcs=(), hostnames=False, private=False), id="public-zone"),
]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    assert [f.resources for f in findings(RULE, diagram)] == [involved]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
