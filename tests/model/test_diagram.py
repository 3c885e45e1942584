"""The Diagram: one entry point for changes, one change set per edit, structural refusals."""

from __future__ import annotations

import networkx as nx
import pytest

from model import edits
from model.diagram import Diagram
from model.errors import (ContainmentError, DuplicateIdError, InvalidIdError, PropertyError,
                          UnknownKindError, UnknownResourceError)
from model.resources import Geometry


@pytest.fixture
def network(builder):
    vpc = builder.vpc("vpc", "10.0.0.0/16")
    az = builder.az("az-a", vpc)
    builder.subnet("web-a", az, "10.0.1.0/24")
    builder.internet_gateway("igw", vpc)
    return builder


def snapshot(diagram: Diagram):
    """Everything semantic and visual about a diagram, independent of insertion order."""
    return (sorted((r.id, r.kind, r.name, r.parent, tuple(sorted(r.properties.items())))
                   for r in diagram),
            sorted(diagram.dangling_references()),
            sorted((rid, diagram.geometry(rid)) for rid in diagram.ids()),
            sorted((r.id, r.source, r.target) for r in diagram.relations()))


def test_each_edit_is_announced_once_with_what_changed(network):
    seen = []
    network.diagram.changed.connect(seen.append)
    edit = edits.Composite((
        edits.set_property(network.diagram, "web-a", "cidr", "10.0.2.0/24"),
        edits.rename(network.diagram, "web-a", "Web A"),
    ), "Edit web-a")
    network.diagram.apply(edit)
    assert len(seen) == 1
    change = seen[0]
    assert change.label == "Edit web-a"
    assert change.properties["web-a"]["cidr"].old == "10.0.1.0/24"
    assert change.properties["web-a"]["cidr"].new == "10.0.2.0/24"
    assert change.properties["web-a"]["name"].new == "Web A"


def test_adding_then_removing_in_one_edit_announces_nothing(network):
    seen = []
    network.diagram.changed.connect(seen.append)
    add = edits.add_resource(network.diagram, "Instance", "tmp", parent="web-a")
    network.diagram.apply(edits.Composite((add, add.inverse())))
    assert seen == []


@pytest.mark.parametrize("make_edit,error", [
    (lambda d: edits.add_resource(d, "Subnet", "loose"), ContainmentError),
    (lambda d: edits.add_resource(d, "Vpc", "vpc2", parent="web-a"), ContainmentError),
    (lambda d: edits.add_resource(d, "Mainframe", "m"), UnknownKindError),
    (lambda d: edits.add_resource(d, "Instance", "web-a", parent="web-a"), DuplicateIdError),
    (lambda d: edits.add_resource(d, "Instance", "bad id!", parent="web-a"), InvalidIdError),
    (lambda d: edits.add_resource(d, "Instance", "i", parent="nowhere"), UnknownResourceError),
    (lambda d: edits.add_resource(d, "Instance", "i", parent="web-a", properties={"cpu": 2}),
     PropertyError),
    (lambda d: edits.set_property(d, "web-a", "cidr", 24), PropertyError),
    (lambda d: edits.set_property(d, "web-a", "route_table", "igw"), PropertyError),
    (lambda d: edits.reparent(d, "vpc", "az-a"), ContainmentError),
    (lambda d: edits.set_property(d, "web-a", "cidr", "10.0.1.0/33"), PropertyError),
    (lambda d: edits.set_property(d, "vpc", "cidr_blocks", ["10.0.0.0/16", "999.1.1.1/8"]), PropertyError),
    (lambda d: edits.add_resource(d, "Subnet", "web-b", parent="az-a",
                                  properties={"ipv6_cidr": "zz::/64"}), PropertyError),
    (lambda d: edits.add_resource(d, "RouteTable", "rt", parent="vpc", properties={
        "routes": [{"destination": "0.0.0.0/0", "target": "igw"},
                   {"destination": "10.1.0.0/40", "target": "igw"}]}), PropertyError),
], ids=["subnet-outside-vpc", "vpc-in-subnet", "unknown-kind", "duplicate-id", "bad-id",
        "missing-parent", "unknown-property", "wrong-type", "reference-to-wrong-kind",
        "containment-cycle", "cidr-that-does-not-parse", "secondary-block-that-does-not-parse",
        "ipv6-that-does-not-parse", "route-destination-that-does-not-parse"])
def test_structural_impossibilities_are_refused_and_change_nothing(network, make_edit, error):
    before = snapshot(network.diagram)
    revision = network.diagram.revision
    with pytest.raises(error):
        network.diagram.apply(make_edit(network.diagram))
    assert snapshot(network.diagram) == before
    assert network.diagram.revision == revision


def test_a_failing_composite_rolls_back_its_earlier_parts(network):
    before = snapshot(network.diagram)
    bad = edits.Composite((
        edits.set_property(network.diagram, "web-a", "cidr", "10.0.9.0/24"),
        edits.add_resource(network.diagram, "Instance", "i-1", parent="web-a"),
        edits.add_resource(network.diagram, "Subnet", "orphan"),
    ))
    with pytest.raises(ContainmentError):
        network.diagram.apply(bad)
    assert snapshot(network.diagram) == before


def test_an_address_that_does_not_parse_is_refused_naming_where_it_is(network):
    """No file could hold it (the native reader and the template reader refuse it at its line), so
    the model does not either: what a design holds can always be saved and read back."""
    with pytest.raises(PropertyError, match=r"^web-a: 'cidr' 10\.0\.1\.0/33 is not a valid IPv4 network$"):
        network.set("web-a", cidr="10.0.1.0/33")
    with pytest.raises(PropertyError, match=r"^rt routes\[2\]: 'destination' 10\.1\.0\.0/40 is not"):
        network.diagram.apply(edits.add_resource(network.diagram, "RouteTable", "rt", parent="vpc", properties={
            "routes": [{"destination": "0.0.0.0/0", "target": "igw"},
                       {"destination": "10.1.0.0/40", "target": "igw"}]}))


def test_semantic_problems_are_accepted(network):
    """An overlapping or oversized CIDR is drawable: it becomes a finding, not a refusal."""
    network.subnet("web-b", "az-a", "10.0.1.0/24")
    network.set("web-b", cidr="10.0.0.0/8")
    assert network.diagram["web-b"].get("cidr") == "10.0.0.0/8"


def test_references_are_indexed_both_ways(network):
    network.route_table("rt", "vpc", routes=[("0.0.0.0/0", "igw")], subnets=["web-a"])
    assert ("route_table", "rt", "associated with") in network.diagram.references_from("web-a")
    assert ("rt", "routes.0.target", "routes to") in network.diagram.references_to("igw")
    assert [r.id for r in network.diagram.referrers("rt", "Subnet", "route_table")] == ["web-a"]


def test_a_route_outlives_its_target_as_a_dangling_reference(network):
    network.add("NatGateway", "nat", "web-a")
    network.route_table("rt", "vpc", routes=[("0.0.0.0/0", "nat")])
    plan = edits.plan_removal(network.diagram, ["nat"])
    assert plan.blackholed == (("rt", "routes.0.target"),)
    network.remove("nat")
    assert network.diagram.dangling_references() == [("rt", "routes.0.target", "nat")]
    network.add("NatGateway", "nat", "web-a")
    assert network.diagram.dangling_references() == []
    assert ("rt", "routes.0.target", "routes to") in network.diagram.references_to("nat")


def test_removing_a_container_removes_its_contents_and_clears_references(network):
    network.add("Instance", "web-1", "web-a")
    network.add("LoadBalancer", "alb", "vpc", subnets=["web-a"])
    edit = edits.remove_resources(network.diagram, ["az-a"])
    network.diagram.apply(edit)
    assert "web-1" not in network.diagram and "web-a" not in network.diagram
    assert network.diagram["alb"].get("subnets") == ()
    network.diagram.apply(edit.inverse())
    assert network.diagram["alb"].get("subnets") == ("web-a",)
    assert network.diagram["web-1"].parent == "web-a"


def test_every_edit_is_undone_by_its_inverse(network):
    network.add("Instance", "web-1", "web-a")
    network.add("Subnet", "web-b", "vpc", cidr="10.0.2.0/24")
    before = snapshot(network.diagram)
    d = network.diagram
    # Builders read the diagram's current state, so each edit is built just before it is applied.
    steps = [
        lambda: edits.set_property(d, "web-a", "map_public_ip_on_launch", True),
        lambda: edits.move(d, {"web-1": Geometry(10, 20)}),
        lambda: edits.reparent(d, "web-1", "web-b", Geometry(5, 5)),
        lambda: edits.connect(d, "c1", "web-1", "igw", port=443),
        lambda: edits.set_metadata(d, "title", "Changed"),
        lambda: edits.remove_resources(d, ["web-b"]),
    ]
    applied = []
    for build in steps:
        edit = build()
        d.apply(edit)
        applied.append(edit)
    assert "web-1" not in d
    for edit in reversed(applied):
        d.apply(edit.inverse())
    assert snapshot(d) == before
    assert d.metadata("title") == ""


def test_graph_views_are_read_only(network):
    view = network.diagram.containment_view()
    assert ("vpc", "az-a") in view.edges
    with pytest.raises(nx.NetworkXError):
        view.add_edge("x", "y")
    with pytest.raises(nx.NetworkXError):
        network.diagram.reference_view().remove_node("igw")


def test_records_handed_out_cannot_be_changed(network):
    record = network.diagram["web-a"]
    with pytest.raises(TypeError):
        record.properties["cidr"] = "1.2.3.0/24"
    with pytest.raises(AttributeError):
        record.parent = None


def test_cached_indexes_are_rebuilt_after_an_edit(network):
    calls = []
    build = lambda: calls.append(1) or len(network.diagram)  # noqa: E731
    assert network.diagram.cached("size", build) == 5
    assert network.diagram.cached("size", build) == 5
    network.add("Instance", "web-1", "web-a")
    assert network.diagram.cached("size", build) == 6
    assert len(calls) == 2


def test_connections_are_relations_between_existing_resources(network):
    network.add("Instance", "web-1", "web-a")
    network.diagram.apply(edits.connect(network.diagram, "web-to-igw", "web-1", "igw", port=443))
    (relation,) = network.diagram.relations_of("igw")
    assert relation.get("port") == 443
    with pytest.raises(UnknownResourceError):
        network.diagram.apply(edits.connect(network.diagram, "c2", "web-1", "ghost"))
    network.remove("web-1")
    assert network.diagram.relations() == []


def test_the_dangling_index_follows_reference_changes_rollbacks_and_removals(network):
    """Changing a reference away from a missing id forgets it; so do a rolled-back edit and
    removing the resource that held it."""
    d = network.diagram
    network.route_table("rt", "vpc")
    network.set("web-a", route_table="ghost")
    assert d.dangling_references() == [("web-a", "route_table", "ghost")]
    network.set("web-a", route_table="rt")
    assert d.dangling_references() == []
    with pytest.raises(ContainmentError):
        d.apply(edits.Composite((edits.set_property(d, "web-a", "route_table", "ghost2"),
                                 edits.add_resource(d, "Subnet", "orphan"))))
    assert d.dangling_references() == []
    network.set("web-a", route_table="ghost3")
    network.remove("web-a")
    assert d.dangling_references() == []
