"""cidr-overlap: overlapping subnets in one VPC (IPv4 and IPv6), or overlapping VPC blocks."""

from __future__ import annotations

import pytest

from model import edits
from model.cidr import fn_cidr
from validators.engine import Validator
from validators.rules.cidr_overlap import RULE

from .helpers import findings, network


def with_subnets(*cidrs, ipv6=()):
    b = network()
    b.set("vpc", ipv6_cidr="2600:1f18::/56")
    for i, cidr in enumerate(cidrs):
        b.subnet(f"s{i}", "az-a", cidr, ipv6_cidr=ipv6[i] if i < len(ipv6) else "")
    return b.diagram


def with_vpc_blocks(*blocks):
    b = network()
    b.set("vpc", cidr_blocks=list(blocks))
    return b.diagram


TRIGGERS = [
    pytest.param(with_subnets("10.0.20.0/24", "10.0.20.0/24"), [("s0", "s1")], id="same-block-twice"),
    pytest.param(with_subnets("10.0.20.0/23", "10.0.21.0/24"), [("s0", "s1")], id="/23-contains-/24"),
    pytest.param(with_subnets("10.0.20.0/24", "10.0.20.128/25", "10.0.20.0/26"),
                 [("s0", "s1"), ("s0", "s2")], id="one-block-overlapping-two"),
    pytest.param(with_subnets("10.0.0.128/25"), [("pub-a", "s0")], id="overlaps-an-existing-subnet"),
    pytest.param(with_subnets("10.0.20.0/24", "10.0.21.0/24",
                              ipv6=("2600:1f18:0:1::/64", "2600:1f18:0:1::/64")), [("s0", "s1")],
                 id="ipv6-subnets-overlap"),
    pytest.param(with_subnets(*fn_cidr("10.0.32.0/20", 2, 8), *fn_cidr("10.0.32.0/20", 1, 9)),
                 [("s0", "s2"), ("s1", "s2")], id="fn-cidr-computed-blocks"),
    pytest.param(with_vpc_blocks("10.0.0.0/16", "10.0.128.0/17"), [("vpc",)], id="vpc-blocks-overlap"),
]

NEAR_MISSES = [
    pytest.param(with_subnets("10.0.20.0/24", "10.0.21.0/24"), id="a-/24-next-to-a-/24"),
    pytest.param(with_subnets("10.0.20.0/25", "10.0.20.128/25"), id="two-halves-of-a-/24"),
    pytest.param(with_subnets(*fn_cidr("10.0.32.0/20", 4, 8)), id="fn-cidr-consecutive-blocks"),
    pytest.param(with_subnets("10.0.20.0/24", "10.0.21.0/24",
                              ipv6=("2600:1f18:0:1::/64", "2600:1f18:0:2::/64")), id="distinct-ipv6"),
    pytest.param(with_vpc_blocks("10.0.0.0/16", "10.1.0.0/16"), id="adjacent-vpc-blocks"),
]


@pytest.mark.parametrize("diagram, pairs", TRIGGERS)
def test_triggers(diagram, pairs):
    assert [f.resources for f in findings(RULE, diagram)] == pairs


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []


def test_subnets_of_different_vpcs_may_use_the_same_block():
    b = network()
    b.vpc("other", "10.0.0.0/16")
    b.subnet("o", "other", "10.0.0.0/24")
    assert findings(RULE, b.diagram) == []


def test_the_message_names_both_subnets_and_the_vpc():
    b = network()
    b.subnet("web", "az-a", "10.0.0.0/25", name="web-a")
    [f] = findings(RULE, b.diagram)
    assert f.message == "Subnets pub-a (10.0.0.0/24) and web-a (10.0.0.0/25) in VPC main-vpc overlap."


def test_moving_a_subnet_to_another_vpc_ends_the_overlap_live():
    """The incremental run re-checks the VPC the subnet left, found from the change's old values."""
    b = network()
    b.vpc("other", "10.0.0.0/16")
    b.subnet("web", "az-a", "10.0.0.0/24")
    live = Validator(b.diagram, [RULE])
    assert len(live.findings) == 1
    b.diagram.apply(edits.reparent(b.diagram, "web", "other"))
    assert live.findings == []


def test_a_block_shared_by_many_subnets_names_each_a_bounded_number_of_times():
    """A hostile or careless design (every subnet the same /24) must not ask for n^2 findings:
    each subnet is named in at least one and at most MAX_PAIRS_PER_SUBNET overlap findings."""
    from collections import Counter

    from validators.rules.cidr_overlap import MAX_PAIRS_PER_SUBNET

    diagram = with_subnets(*["10.0.20.0/24"] * 60)
    found = findings(RULE, diagram)
    named = Counter(r for f in found for r in f.resources)
    assert set(named) == {f"s{i}" for i in range(60)}
    assert max(named.values()) <= MAX_PAIRS_PER_SUBNET
    assert len(found) < 60 * 59 // 2
