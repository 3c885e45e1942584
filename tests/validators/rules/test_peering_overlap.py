"""peering-overlap: peered VPCs whose blocks overlap, secondary blocks included."""

from __future__ import annotations

import pytest

from validators.rules.peering_overlap import RULE

from .helpers import findings, network


def peered(*other_blocks, ipv6_a="", ipv6_b=""):
    b = network()
    b.set("vpc", cidr_blocks=["10.0.0.0/16", "10.5.0.0/16"], ipv6_cidr=ipv6_a)
    b.vpc("peer", *other_blocks, ipv6_cidr=ipv6_b)
    b.add("VpcPeering", "pcx", "region", requester="vpc", accepter="peer")
    return b.diagram


TRIGGERS = [
    pytest.param(peered("10.0.0.0/16"), id="identical-primary-blocks"),
    pytest.param(peered("10.1.0.0/16", "10.5.128.0/17"), id="overlap-through-secondary-blocks"),
    pytest.param(peered("10.0.0.0/8"), id="one-contains-the-other"),
    pytest.param(peered("10.1.0.0/16", ipv6_a="2600:1f18::/56", ipv6_b="2600:1f18::/56"),
                 id="ipv6-blocks-overlap"),
]

NEAR_MISSES = [
    pytest.param(peered("10.1.0.0/16"), id="distinct-/16s"),
    pytest.param(peered("192.168.0.0/16", "10.6.0.0/16"), id="secondary-blocks-distinct-too"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("pcx", "vpc", "peer")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
