"""Implied flows kept across edits equal a fresh trace of the design, and an edit re-traces only
the flows it can have changed (what the path rules' ``affected`` reports)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import edits, kinds
from model.errors import DiagramError
from tests.support.builder import load_example
from tests.validators.edit_strategies import an_edit, value_for
from validators.reachability import Flow, trace
from validators.reachability.flowstore import flow_store
from validators.reachability.implied import implied_flows, implied_results
from validators.reachability.tracking import forget, network_index

from .scenarios import acl_rule, egress, ingress, second_vpc, two_tier

#: Fields whose edits change paths: placement, addresses, routes, filters, front doors, endpoints.
_PATH_FIELDS = {
    "Subnet": ("cidr", "route_table", "network_acl", "map_public_ip_on_launch", "availability_zone"),
    "RouteTable": ("routes", "main"),
    "SecurityGroup": ("ingress", "egress"),
    "NetworkAcl": ("inbound", "outbound", "default"),
    "Instance": ("security_groups", "public_ip", "source_dest_check"),
    "LoadBalancer": ("listeners", "scheme", "subnets", "security_groups"),
    "TargetGroup": ("port", "targets", "health_check_port"),
    "VpcPeering": ("requester", "accepter"),
    "VpcEndpoint": ("route_tables", "subnets", "private_dns", "endpoint_type", "service"),
    "Vpc": ("cidr_blocks",),
    "NatGateway": ("connectivity", "elastic_ip"),
    "DbSubnetGroup": ("subnets",),
    "RdsInstance": ("db_subnet_group", "security_groups", "port"),
}


def peered() -> object:
    """two_tier plus a peered VPC with routes both ways, and a connection from web to its box."""
    b = two_tier()
    box = second_vpc(b)
    b.add("VpcPeering", "pcx", b.region_id, requester="vpc", accepter="vpc2")
    b.set("rt-app-a", routes=[{"destination": "0.0.0.0/0", "target": "nat-a"},
                              {"destination": "10.1.0.0/16", "target": "pcx"}])
    b.set("vpc2-rt", routes=[{"destination": "10.0.0.0/16", "target": "pcx"}])
    b.diagram.apply(edits.connect(b.diagram, "web-to-box", "web", box, port=443))
    return b.diagram


_STARTS = {"dual-az-web": lambda: load_example("dual-az-web"),
           "ecs-fargate": lambda: load_example("ecs-fargate"),
           "route-tables": lambda: load_example("route-tables"),
           "two-tier": lambda: two_tier().diagram,
           "peered": peered}


@st.composite
def a_path_edit(draw, diagram):
    """An edit of a field that shapes paths, on a resource that has it."""
    ids = sorted(diagram.ids())
    choices = [(r.id, f) for r in diagram for f in _PATH_FIELDS.get(r.kind, ())]
    if not choices:
        return draw(an_edit(diagram))
    rid, name = draw(st.sampled_from(choices))
    field = kinds.kind(diagram[rid].kind).field(name)
    return edits.set_property(diagram, rid, name, draw(value_for(field, ids)))


def _results(d) -> dict:
    store = flow_store(d)
    return {key: store.result(key) for key in store.keys()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_kept_results_equal_a_fresh_trace_and_changes_are_reported(data):
    """After random edits (refused ones and undos included), caught up with after every edit or
    after several: the kept flows and traces equal those of a cold start, and every flow whose
    result changed is among the keys the store reports as changed at that revision."""
    diagram = _STARTS[data.draw(st.sampled_from(sorted(_STARTS)), label="start")]()
    before = _results(diagram)
    for step in range(data.draw(st.integers(1, 20), label="steps")):
        strategy = a_path_edit(diagram) if data.draw(st.booleans(), label="path edit") else an_edit(diagram)
        edit = data.draw(strategy, label=f"edit {step}")
        try:
            diagram.apply(edit)
        except DiagramError:
            continue
        if data.draw(st.booleans(), label="undo"):
            try:
                diagram.apply(edit.inverse())
            except DiagramError:
                pass
        if data.draw(st.integers(0, 3), label="catch up") == 0:
            continue  # let changes pile up: the next catch-up takes several at once
        after = _results(diagram)
        changed = flow_store(diagram).changed_at(diagram.revision)
        differing = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
        assert differing <= changed, f"not reported as changed: {sorted(differing - changed)}"
        before = after
        if data.draw(st.booleans(), label="compare with a cold start"):
            kept_flows, kept = implied_flows(diagram), implied_results(diagram)
            forget(diagram)
            assert implied_flows(diagram) == kept_flows
            assert implied_results(diagram) == kept
            before = _results(diagram)
    kept = implied_results(diagram)
    forget(diagram)
    assert implied_results(diagram) == kept


def _changed(d) -> set[str]:
    store = flow_store(d)
    return {f"{s} -> {t} {p}/{n}" for s, t, p, n in store.changed_at(d.revision)}


def _through(d, component: str) -> set[str]:
    """Implied flows whose traces pass or stop at ``component``."""
    out = set()
    for item in implied_results(d):
        hops = [h for p in item.result.paths for h in p.forward + p.returning]
        if any(component in (h.component, h.location) for h in hops):
            f = item.implied.flow
            out.add(f"{f.source} -> {f.destination} {f.protocol}/{f.port}")
    return out


def test_a_security_group_edit_retraces_only_the_flows_through_that_group_and_direction():
    """web-sg's inbound rules are read by the flow into web, its outbound rules by the flow out of
    it; the listener and box's connection never cross web-sg."""
    b = two_tier()
    b.add("SecurityGroup", "box-sg", "vpc", egress=[egress(port=443, cidr="0.0.0.0/0")])
    b.add("Instance", "box", "app-b", security_groups=["box-sg"])
    b.add("S3Bucket", "bucket", b.region_id)
    b.diagram.apply(edits.connect(b.diagram, "box-out", "box", "bucket", port=443))
    d = b.diagram
    assert _through(d, "web-sg") == {"alb -> web tcp/80", "web -> db tcp/3306"}
    b.set("web-sg", ingress=[ingress(port=8080, group="alb-sg")])
    assert _changed(d) == {"alb -> web tcp/80"}
    assert implied_results(d) == _cold(d)
    [blocked] = [r for r in implied_results(d) if not r.satisfied]
    assert str(blocked.implied.flow) == "alb -> web tcp/80"
    assert blocked.result.blocked.component == "web-sg"
    b.set("web-sg", egress=[])
    assert _changed(d) == {"web -> db tcp/3306"}
    assert implied_results(d) == _cold(d)
    assert {str(r.implied.flow) for r in implied_results(d) if not r.satisfied} == \
        {"alb -> web tcp/80", "web -> db tcp/3306"}


def test_a_peering_route_removed_on_one_side_blocks_the_replies_and_nothing_else():
    d = peered()
    assert all(r.satisfied for r in implied_results(d))
    d.apply(edits.set_property(d, "vpc2-rt", "routes", []))
    assert "web -> vpc2-box tcp/443" in _changed(d)
    assert "internet -> alb tcp/443" not in _changed(d), "the listener never reads vpc2's routes"
    [item] = [r for r in implied_results(d) if str(r.implied.flow) == "web -> vpc2-box tcp/443"]
    assert not item.satisfied and item.result.blocked.code == "NO_ROUTE_TO_DESTINATION"
    assert item.result.blocked.direction == "return"
    assert implied_results(d) == _cold(d)


def test_a_new_connection_is_traced_and_its_removal_forgets_it():
    d = two_tier().diagram
    implied_results(d)
    d.apply(edits.connect(d, "web-to-alb", "web", "alb", port=22))
    assert _changed(d) == {"web -> alb tcp/22"}
    [item] = [r for r in implied_results(d) if r.implied.category == "connection"]
    assert not item.satisfied
    d.apply(edits.disconnect(d, "web-to-alb"))
    assert _changed(d) == {"web -> alb tcp/22"}
    assert not any(r.implied.category == "connection" for r in implied_results(d))
    assert implied_results(d) == _cold(d)


def test_a_removed_subnet_takes_its_paths_with_it():
    d = two_tier().diagram
    [db] = [r for r in implied_results(d) if str(r.implied.flow) == "web -> db tcp/3306"]
    assert len(db.result.paths) == 2, "the database's group spans data-a and data-b"
    d.apply(edits.remove_resources(d, ["data-b"]))
    assert "web -> db tcp/3306" in _changed(d)
    [db] = [r for r in implied_results(d) if str(r.implied.flow) == "web -> db tcp/3306"]
    assert [p.label for p in db.result.paths] == ["web server (app-a) -> db (data-a)"]
    assert implied_results(d) == _cold(d)


def test_a_network_acl_made_default_reaches_the_subnets_without_one():
    """A subnet without an ACL of its own uses the VPC's default: marking an ACL default changes
    their traces although none of them names it."""
    d = two_tier().diagram
    implied_results(d)
    d.apply(edits.add_resource(d, "NetworkAcl", "deny-all", parent="vpc", properties={
        "default": True, "inbound": [acl_rule(100, action="deny")], "outbound": [acl_rule(100)]}))
    assert {"alb -> web tcp/80", "web -> db tcp/3306", "internet -> alb tcp/443"} <= _changed(d)
    assert not any(r.satisfied for r in implied_results(d) if r.implied.strict)
    assert implied_results(d) == _cold(d)


def test_a_single_trace_after_an_edit_equals_a_cold_one():
    d = two_tier().diagram
    flow = Flow("web", "db", port=3306)
    first = trace(d, flow)
    index = network_index(d)
    d.apply(edits.set_property(d, "db-sg", "ingress", [ingress(port=3306, cidr="10.0.99.0/24")]))
    assert network_index(d) is index, "an edit updates the index instead of rebuilding it"
    kept = trace(d, flow)
    assert kept != first and not kept.reachable
    forget(d)
    assert trace(d, flow) == kept


def _cold(d):
    kept = implied_results(d)
    forget(d)
    fresh = implied_results(d)
    assert fresh is not kept
    return fresh


def test_what_tracing_keeps_goes_with_the_diagram():
    """The state kept across edits is held per diagram, weakly: a closed design frees it."""
    import gc
    import weakref

    from validators.reachability.tracking import tracker_of
    d = two_tier().diagram
    implied_results(d)
    tracker, diagram = weakref.ref(tracker_of(d)), weakref.ref(d)
    del d
    gc.collect()
    assert diagram() is None and tracker() is None
