"""Comparing a student's design with a lab's reference solution, resource by resource."""

from __future__ import annotations

from editor.labs.compare import ADDED, CHANGED, REMOVED, compare_designs, describe_value
from model import edits
from tests.support.builder import DesignBuilder


def test_the_start_of_lab_one_differs_from_its_solution_where_the_student_must_act(course):
    lab = course[0]
    found = [(d.change, d.rid, d.field, d.yours, d.solution)
             for d in compare_designs(lab.start_diagram(), lab.solution_diagram())]
    assert found == [
        (ADDED, "rt-public", "", "", ""),
        (CHANGED, "rt-main", "routes", '[{"destination": "0.0.0.0/0", "target": "igw"}]', "—"),
        (CHANGED, "public-a", "map_public_ip_on_launch", "false", "true"),
        (CHANGED, "public-a", "route_table", "—", "rt-public"),
    ]


def test_a_design_compared_with_itself_has_no_differences(course):
    lab = course[3]
    assert compare_designs(lab.solution_diagram(), lab.solution_diagram()) == []


def test_a_moved_resource_and_an_extra_one_are_named(course):
    lab = course[1]
    yours = lab.start_diagram()
    yours.apply(edits.add_resource(yours, "Instance", "extra", name="spare server", parent="private-a"))
    found = {(d.change, d.rid, d.field): d for d in compare_designs(yours, lab.solution_diagram())}
    assert found[(CHANGED, "nat", "parent")].yours == "private-a"
    assert found[(CHANGED, "nat", "parent")].solution == "public-a"
    assert found[(REMOVED, "extra", "")].label == "spare server"


def two_instances():
    b = DesignBuilder()
    vpc = b.vpc("vpc", "10.0.0.0/16")
    subnet = b.subnet("web", b.az("az-a", vpc), "10.0.1.0/24")
    b.add("Instance", "a", subnet)
    b.add("Instance", "b", subnet)
    return b.diagram


def test_connections_are_compared_by_their_ends_and_port():
    mine, theirs = two_instances(), two_instances()
    theirs.apply(edits.connect(theirs, "c1", "a", "b", protocol="tcp", port=443))
    (difference,) = compare_designs(mine, theirs)
    assert (difference.change, difference.kind, difference.label) == (ADDED, "connection", "a → b")
    mine.apply(edits.connect(mine, "c9", "a", "b", protocol="tcp", port=443))
    assert compare_designs(mine, theirs) == []  # the same connection under another id


def test_long_values_are_cut_to_a_readable_length():
    text = describe_value([{"destination": f"10.0.{n}.0/24", "target": "igw"} for n in range(20)])
    assert len(text) == 160 and text.endswith("…")
    assert describe_value(None) == describe_value([]) == "—"
