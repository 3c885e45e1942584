"""Differential test against cfn-lint: on random small templates (VPCs with secondary blocks and
subnets, some overlapping, some outside, some computed with Fn::Cidr), every E3059 (subnet outside
its VPC) and E3060 (overlapping subnets) finding of cfn-lint has a matching subnet-outside-vpc or
cidr-overlap finding of ours naming the same subnet."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.cloudformation import load_template
from validators.engine import validate

cfnlint_api = pytest.importorskip("cfnlint.api")

OURS = {"E3059": "subnet-outside-vpc", "E3060": "cidr-overlap"}


@st.composite
def subnet_cidr(draw, vpc_index: int, secondary: bool):
    """A literal or Fn::Cidr-computed block: usually inside a VPC block, sometimes outside."""
    where = draw(st.sampled_from(["primary", "primary", "secondary", "outside"]))
    base = {"primary": f"10.{vpc_index}.0.0/16", "secondary": f"10.{100 + vpc_index}.0.0/16",
            "outside": f"10.{200 + vpc_index}.0.0/16"}[where if where != "secondary" or secondary else "primary"]
    prefix = draw(st.integers(20, 26))
    index = draw(st.integers(0, 3))
    if draw(st.booleans()):
        return f"!Select [{index}, !Cidr [{base}, 4, {32 - prefix}]]"
    block = list(ipaddress.ip_network(base).subnets(new_prefix=prefix))[index]
    return str(block)


@st.composite
def template(draw):
    lines = ["AWSTemplateFormatVersion: '2010-09-09'", "Resources:"]
    for v in range(draw(st.integers(1, 2))):
        lines += [f"  Vpc{v}:", "    Type: AWS::EC2::VPC", "    Properties:",
                  f"      CidrBlock: 10.{v}.0.0/16"]
        secondary = draw(st.booleans())
        if secondary:
            lines += [f"  Vpc{v}Secondary:", "    Type: AWS::EC2::VPCCidrBlock", "    Properties:",
                      f"      VpcId: !Ref Vpc{v}", f"      CidrBlock: 10.{100 + v}.0.0/16"]
        for s in range(draw(st.integers(1, 5))):
            lines += [f"  Vpc{v}Subnet{s}:", "    Type: AWS::EC2::Subnet"]
            if secondary:
                lines.append(f"    DependsOn: Vpc{v}Secondary")
            lines += ["    Properties:", f"      VpcId: !Ref Vpc{v}",
                      f"      CidrBlock: {draw(subnet_cidr(v, secondary))}"]
    return "\n".join(lines) + "\n"


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(template())
def test_every_cfn_lint_subnet_finding_has_a_matching_finding_of_ours(text):
    theirs = [m for m in cfnlint_api.lint(text, config=cfnlint_api.ManualArgs(regions=["us-east-1"]))
              if m.rule.id in OURS]
    diagram = load_template(text.encode("utf-8"), "random.yaml", region="us-east-1").diagram
    ours = validate(diagram)
    for match in theirs:
        subnet = match.path[1]
        assert any(f.rule == OURS[match.rule.id] and subnet in f.resources for f in ours), \
            f"cfn-lint {match.rule.id} on {subnet} ({match.message}) has no match in {ours}\n{text}"


def test_the_differential_sees_both_kinds_of_finding():
    """A fixed template where cfn-lint reports both E3059 and E3060: the comparison is not vacuous."""
    text = ("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
            "  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n"
            "  A:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n"
            "      CidrBlock: 10.0.0.0/24\n"
            "  B:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n"
            "      CidrBlock: 10.0.0.0/23\n"
            "  C:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n"
            "      CidrBlock: 10.9.0.0/24\n")
    theirs = {(m.rule.id, m.path[1]) for m in cfnlint_api.lint(
        text, config=cfnlint_api.ManualArgs(regions=["us-east-1"])) if m.rule.id in OURS}
    assert theirs == {("E3060", "B"), ("E3059", "C")}
    ours = {(f.rule, r) for f in validate(load_template(text.encode(), "t.yaml").diagram)
            for r in f.resources}
    assert {("cidr-overlap", "B"), ("cidr-overlap", "A"), ("subnet-outside-vpc", "C")} <= ours
