"""Saying what a deletion takes along (editor/tools/removal.py and wording.py)."""

from __future__ import annotations

import pytest

from editor.tools.removal import describe_removal
from editor.tools.wording import in_sentence, plural
from tests.support.builder import DesignBuilder, load_example


def test_contents_cleared_references_and_blackholes_are_named():
    d = load_example("dual-az-web")
    assert describe_removal(d, ["nat-a"]) == "Delete NAT gateway nat-a? This also leaves 1 route as a blackhole."
    text = describe_removal(d, ["az-a"])
    assert text.startswith("Delete Availability Zone ap-northeast-1a? This also removes: 3 subnets, "
                           "1 NAT gateway; clears: ")
    assert "subnets of web-alb" in text and text.endswith("leaves 1 route as a blackhole.")


def test_associations_and_connections():
    b = DesignBuilder()
    vpc = b.vpc("vpc")
    b.subnet("a", vpc, "10.0.0.0/24")
    b.route_table("rt", vpc, subnets=["a"])
    assert describe_removal(b.diagram, ["rt"]) == \
        "Delete route table rt? This also clears: route table association of a."


def test_several_at_once_and_nothing_else():
    b = DesignBuilder()
    vpc = b.vpc("vpc")
    b.add("SecurityGroup", "x", vpc)
    b.add("SecurityGroup", "y", vpc)
    assert describe_removal(b.diagram, ["x", "y"]) == "Delete 2 resources (x, y)?"


@pytest.mark.parametrize("label, expected", [("EC2 instance", "EC2 instances"), ("IAM policy", "IAM policies"),
                                             ("ECR repository", "ECR repositories"), ("VPC", "VPCs"),
                                             ("API Gateway", "API Gateways")])
def test_plural(label, expected):
    assert plural(label) == expected


def test_in_sentence_keeps_names_capitalised():
    assert in_sentence("Route table") == "route table"
    assert in_sentence("Availability Zone") == "Availability Zone"
