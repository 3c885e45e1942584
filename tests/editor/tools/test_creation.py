"""Where new resources may go and what they start with (editor/tools/creation.py)."""

from __future__ import annotations

import pytest

from editor.tools.creation import (creation_properties, new_resource_edit, placement_refusal,
                                   suggest_subnet_cidr, suggest_vpc_cidr)
from model.edits import move
from tests.support.builder import DesignBuilder


@pytest.fixture
def b():
    b = DesignBuilder("ap-northeast-1")
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.az("az-a", vpc, "ap-northeast-1a")
    b.subnet("web-a", "az-a", "10.0.0.0/24")
    b.subnet("app-a", "az-a", "10.0.2.0/24")
    return b


@pytest.mark.parametrize("kind, container, reason", [
    ("Subnet", "region", "A subnet cannot sit in a Region: it belongs in an Availability Zone or in a VPC"),
    ("Instance", "vpc", "An EC2 instance cannot sit in a VPC: it belongs in a subnet or in an Auto Scaling group"),
    ("NatGateway", None, "A NAT gateway cannot sit on the canvas outside every container: it belongs in a subnet"),
    ("Subnet", "az-a", ""),
    ("CloudFrontDistribution", None, ""),
])
def test_placement_refusal_names_where_the_kind_belongs(b, kind, container, reason):
    assert placement_refusal(b.diagram, kind, container) == reason


def test_a_new_subnet_gets_the_first_free_block_and_its_zone(b):
    assert suggest_subnet_cidr(b.diagram, "vpc") == "10.0.1.0/24"
    props = creation_properties(b.diagram, "Subnet", "az-a")
    assert props == {"cidr": "10.0.1.0/24", "availability_zone": "ap-northeast-1a"}


def test_a_full_vpc_suggests_smaller_blocks_then_none(b):
    d = DesignBuilder()
    vpc = d.vpc("small", "10.0.0.0/24")
    d.subnet("half", vpc, "10.0.0.0/25")
    assert suggest_subnet_cidr(d.diagram, "small") == "10.0.0.128/25"
    d.subnet("other", vpc, "10.0.0.128/25")
    assert suggest_subnet_cidr(d.diagram, "small") is None


def test_gateways_attach_zones_get_the_next_letter_and_vpcs_a_free_range(b):
    assert creation_properties(b.diagram, "InternetGateway", "vpc") == {"vpc": "vpc"}
    assert creation_properties(b.diagram, "AvailabilityZone", "vpc") == {"zone": "ap-northeast-1b"}
    assert suggest_vpc_cidr(b.diagram) == "10.1.0.0/16"
    assert creation_properties(b.diagram, "AutoScalingGroup", "web-a") == {"subnets": ["web-a"]}


def test_new_resource_edit_is_one_labelled_step_that_grows_the_container(b):
    d = b.diagram
    d.apply(move(d, {"az-a": (20, 60, 340, 400),
                     "web-a": (20, 40, 300, 150), "app-a": (20, 210, 300, 150)}))
    edit, rid = new_resource_edit(d, "Subnet", "az-a", 170, 420)  # centred near the bottom edge
    assert rid == "subnet-1" and edit.label == "Add Subnet subnet-1"
    d.apply(edit)
    g = d.geometry(rid)
    assert (g.w, g.h) == (300.0, 190.0)
    assert d.geometry("az-a").h >= g.y + g.h + 20
    d.apply(edit.inverse())
    assert rid not in d and d.geometry("az-a").h == 400


def _overlaps(a, b, gap=0.0):
    return a.x < b.x + b.w + gap and b.x < a.x + a.w + gap and a.y < b.y + b.h + gap and b.y < a.y + a.h + gap


def test_a_resource_placed_onto_another_lands_beside_it_not_on_top(b):
    """Two clicks on nearly the same spot of a subnet give two instances side by side, a GAP apart;
    a subnet clicked between two others in a zone goes where it covers neither, and the zone grows."""
    d = b.diagram
    d.apply(move(d, {"az-a": (20, 60, 340, 440),
                     "web-a": (20, 40, 300, 190), "app-a": (20, 250, 300, 190)}))
    first, a = new_resource_edit(d, "Instance", "web-a", 100, 100, grid=10)
    d.apply(first)
    second, c = new_resource_edit(d, "Instance", "web-a", 110, 100, grid=10)
    d.apply(second)
    ga, gc = d.geometry(a), d.geometry(c)
    assert not _overlaps(ga._replace(w=132, h=104), gc._replace(w=132, h=104), gap=19.9)
    assert gc.x % 10 == 0 and gc.y % 10 == 0  # still on the grid
    assert abs(gc.x - 40) + abs(gc.y - 70) <= 170  # beside or below the first, not far away
    subnet, s = new_resource_edit(d, "Subnet", "az-a", 170, 240)  # right between the two subnets
    d.apply(subnet)
    placed = d.geometry(s)
    for other in ("web-a", "app-a"):
        assert not _overlaps(placed, d.geometry(other))
    zone = d.geometry("az-a")
    assert zone.w >= placed.x + placed.w and zone.h >= placed.y + placed.h


def test_a_clear_spot_is_kept_exactly(b):
    d = b.diagram
    d.apply(move(d, {"az-a": (20, 60, 800, 440), "web-a": (20, 40, 300, 190), "app-a": (20, 250, 300, 190)}))
    edit, rid = new_resource_edit(d, "Subnet", "az-a", 400, 60, centred=False)
    d.apply(edit)
    g = d.geometry(rid)
    assert (g.x, g.y) == (400, 60)
