"""cidr-invalid: malformed VPC or subnet CIDRs, or IPv4 prefixes outside /16–/28."""

from __future__ import annotations

import pytest

from model.schema import Unresolved
from validators.rules.cidr_invalid import RULE

from .helpers import findings, network


def build(vpc_blocks=("10.0.0.0/16",), subnet="10.0.1.0/24", ipv6="", vpc_ipv6=""):
    b = network()
    b.set("vpc", cidr_blocks=list(vpc_blocks), ipv6_cidr=vpc_ipv6)
    b.subnet("s", "az-a", subnet, ipv6_cidr=ipv6)
    return b.diagram


TRIGGERS = [
    pytest.param(build(vpc_blocks=("10.0.0.0/15",)), "vpc", "too large", id="vpc-/15-too-large"),
    pytest.param(build(vpc_blocks=("10.0.0.0/16", "10.1.0.0/29")), "vpc", "too small",
                 id="secondary-/29-too-small"),
    pytest.param(build(subnet="10.0.1.0/29"), "s", "too small", id="subnet-/29-too-small"),
    pytest.param(build(subnet="10.0.1.0"), "s", "not a valid", id="subnet-without-prefix"),
    pytest.param(build(subnet="10.0.300.0/24"), "s", "not a valid", id="subnet-octet-300"),
    pytest.param(build(subnet="2600:1f18::/64"), "s", "not a valid IPv4", id="ipv6-in-ipv4-field"),
    pytest.param(build(ipv6="2600:1f18::zz/64"), "s", "IPv6", id="malformed-ipv6"),
    pytest.param(build(vpc_blocks=()), "vpc", "no IPv4", id="vpc-without-block"),
    pytest.param(build(subnet=""), "s", "no CIDR", id="subnet-without-any-block"),
]

NEAR_MISSES = [
    pytest.param(build(vpc_blocks=("10.0.0.0/16",)), id="vpc-/16-is-the-largest-allowed"),
    pytest.param(build(subnet="10.0.1.0/28"), id="subnet-/28-is-the-smallest-allowed"),
    pytest.param(build(subnet="", ipv6="2600:1f18::/64", vpc_ipv6="2600:1f18::/56"),
                 id="ipv6-only-subnet"),
    pytest.param(build(vpc_blocks=(Unresolved("Ref VpcCidr"),)), id="unresolved-parameter-is-not-judged"),
]


@pytest.mark.parametrize("diagram, culprit, words", TRIGGERS)
def test_triggers(diagram, culprit, words):
    found = findings(RULE, diagram)
    assert [f.resources for f in found] == [(culprit,)]
    assert words in found[0].message


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []


def test_message_names_the_resource_and_is_rendered_from_its_template():
    b = network()
    b.subnet("s", "az-a", "10.0.1.0/30", name="tiny")
    f = findings(RULE, b.diagram)[0]
    assert f.message.startswith("Subnet tiny: 10.0.1.0/30 is too small")
    assert f.render() == f.message and "{name}" in f.template and ("name", "tiny") in f.params
