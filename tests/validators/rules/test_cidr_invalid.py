"""cidr-invalid: malformed VPC or subnet CIDRs, or IPv4 prefixes outside /16–/28.

Text that does not parse as a network never reaches a design (the model refuses it on every edit,
as the readers refuse it in files: tests/model/test_diagram.py), so the rule's own check for it is
tested on the values directly."""

from __future__ import annotations

import pytest

from model.schema import Unresolved
from model.errors import PropertyError
from validators.rules.cidr_invalid import RULE, _v4_problem

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


@pytest.mark.parametrize("text, words", [
    ("10.0.1.0", "not a valid"), ("10.0.300.0/24", "not a valid"), ("2600:1f18::/64", "not a valid IPv4"),
    (None, "not a valid"), ("10.0.0.0/8", "too large"), ("10.0.1.0/30", "too small"), ("10.0.1.0/24", ""),
])
def test_each_ipv4_block_is_judged_by_itself(text, words):
    """The rule's judgement of one block, malformed text included (which only a future reader that
    let it through could hand it)."""
    problem = _v4_problem(text)
    assert (words in problem) if words else problem == ""


@pytest.mark.parametrize("subnet, ipv6", [("10.0.1.0", ""), ("10.0.300.0/24", ""), ("2600:1f18::/64", ""),
                                          ("10.0.1.0/24", "2600:1f18::zz/64")])
def test_malformed_blocks_are_refused_before_the_rule_could_see_them(subnet, ipv6):
    with pytest.raises(PropertyError, match=r"^s: '(cidr|ipv6_cidr)' .* is not a valid"):
        build(subnet=subnet, ipv6=ipv6)
