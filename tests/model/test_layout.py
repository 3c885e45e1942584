"""Automatic layout: nothing overlaps, everything is inside its container, the picture reads like
an AWS architecture diagram, and the same design always gets the same layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from model import kinds
from model.cloudformation import load_template
from model.diagram import Diagram
from model.documents import open_design
from model.edits import move
from model.layout import HEADER, ICON_CELL, layout_edit
from tests.model.cloudformation.large_template import large_template
from tests.support.builder import DesignBuilder, load_example

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "tests" / "fixtures" / "cloudformation").glob("*.*"))
EXAMPLES = ("dual-az-web", "ecs-fargate", "route-tables")


def size(d: Diagram, rid: str) -> tuple[float, float]:
    g = d.geometry(rid)
    if kinds.kind(d[rid].kind).container:
        return g.w, g.h
    return ICON_CELL


def layout_problems(d: Diagram) -> list[str]:
    """Siblings that overlap, and children outside their container (or under its title bar)."""
    problems = []
    for parent in [None] + [r.id for r in d if kinds.kind(r.kind).container]:
        children = d.children(parent)
        boxes = []
        for child in children:
            g = d.geometry(child.id)
            if g is None:
                problems.append(f"{child.id} has no position")
                continue
            w, h = size(d, child.id)
            boxes.append((child.id, g.x, g.y, g.x + w, g.y + h))
            if parent is not None:
                pw, ph = size(d, parent)
                if g.x < 0 or g.y < HEADER or g.x + w > pw + 0.01 or g.y + h > ph + 0.01:
                    problems.append(f"{child.id} sticks out of {parent}")
        boxes.sort(key=lambda b: b[1])
        for i, (a, ax1, ay1, ax2, ay2) in enumerate(boxes):
            for b, bx1, by1, bx2, by2 in boxes[i + 1:]:
                if bx1 >= ax2:
                    break
                if ay1 < by2 and by1 < ay2:
                    problems.append(f"{a} overlaps {b}")
    return problems


def relaid(d: Diagram) -> Diagram:
    d.apply(layout_edit(d, only_missing=False))
    return d


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_laid_out_afresh_have_no_overlaps_and_nothing_outside_its_container(name):
    assert layout_problems(relaid(load_example(name))) == []


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_templates_opened_have_no_overlaps_and_nothing_outside_its_container(path):
    assert layout_problems(open_design(str(path)).diagram) == []


def test_a_generated_template_of_about_500_resources_lays_out_cleanly_and_in_landscape():
    d = load_template(large_template(8).encode(), "large.yaml").diagram
    relaid(d)
    assert layout_problems(d) == []
    region = d.geometry("us-east-1")
    assert 1.0 <= region.w / region.h <= 3.0
    vpc_columns = {d.geometry(v.id).x for v in d.of_kind("Vpc")}
    assert len(vpc_columns) >= 3  # VPCs side by side, not one tall column


def test_availability_zones_are_side_by_side_and_public_subnets_above_private():
    d = load_template(large_template(1).encode(), "one.yaml").diagram
    relaid(d)
    zones = sorted(d.of_kind("AvailabilityZone"), key=lambda z: d.geometry(z.id).x)
    assert len({d.geometry(z.id).y for z in zones}) == 1
    assert len({d.geometry(z.id).x for z in zones}) == 3
    for zone in zones:
        public = [s for s in d.children(zone.id) if s.id.startswith("Public")]
        private = [s for s in d.children(zone.id) if not s.id.startswith("Public")]
        assert max(d.geometry(s.id).y for s in public) < min(d.geometry(s.id).y for s in private)
    rows = {(d.geometry(s.id).y, d.geometry(s.id).h) for s in d.of_kind("Subnet") if s.id.startswith("App")}
    assert len(rows) == 1  # the same tier is on the same row in every zone


def test_edge_services_sit_outside_the_region_and_vpcs_inside_it():
    d = open_design(str(ROOT / "tests" / "fixtures" / "cloudformation" / "static-site.yaml")).diagram
    region = d.geometry("us-east-1")
    cdn = d.geometry("Distribution")
    assert d["Distribution"].parent is None
    assert cdn.y + ICON_CELL[1] <= region.y or cdn.x >= region.x + region.w


def test_layout_is_deterministic_whatever_the_insertion_order():
    forward = DesignBuilder()
    vpc = forward.vpc("vpc")
    zone = forward.az("az-a", vpc)
    for i in range(5):
        forward.subnet(f"net-{i}", zone, f"10.0.{i}.0/24")
    backward = DesignBuilder()
    vpc = backward.vpc("vpc")
    zone = backward.az("az-a", vpc)
    for i in reversed(range(5)):
        backward.subnet(f"net-{i}", zone, f"10.0.{i}.0/24")
    relaid(forward.diagram), relaid(backward.diagram)
    for record in forward.diagram:
        assert forward.diagram.geometry(record.id) == backward.diagram.geometry(record.id)


def test_resources_already_placed_keep_their_place_and_new_ones_go_below():
    b = DesignBuilder()
    vpc = b.vpc("vpc")
    b.add("SecurityGroup", "sg-1", vpc)
    relaid(b.diagram)
    b.diagram.apply(move(b.diagram, {"sg-1": (400.0, 300.0)}))
    b.add("SecurityGroup", "sg-2", vpc)
    b.diagram.apply(layout_edit(b.diagram))
    assert tuple(b.diagram.geometry("sg-1"))[:2] == (400.0, 300.0)
    assert b.diagram.geometry("sg-2").y >= 300.0 + ICON_CELL[1]
    assert layout_problems(b.diagram) == []


def test_the_overlap_check_itself_catches_overlaps_and_escapes():
    d = relaid(load_example("route-tables"))
    d.apply(move(d, {"subnet-3": tuple(d.geometry("subnet-2"))}))
    assert "subnet-2 overlaps subnet-3" in layout_problems(d) or \
        "subnet-3 overlaps subnet-2" in layout_problems(d)
    d.apply(move(d, {"web": (5000.0, 5000.0)}))
    assert "web sticks out of subnet-3" in layout_problems(d)
