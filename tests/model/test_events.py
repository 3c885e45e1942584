"""Change sets fold what one edit did into one announcement."""

from __future__ import annotations

from model import edits
from model.events import Event
from model.resources import Geometry


def test_events_call_back_in_subscription_order():
    event, calls = Event(), []
    event.connect(lambda: calls.append("first"))
    second = event.connect(lambda: calls.append("second"))
    event.emit()
    event.disconnect(second)
    event.emit()
    assert calls == ["first", "second", "first"]


def test_property_changed_twice_reports_the_first_old_and_the_last_new(builder):
    vpc = builder.vpc("vpc")
    d = builder.diagram
    change = d.apply(edits.Composite((
        edits.SetProperty(vpc, "flow_logs", False, True),
        edits.SetProperty(vpc, "flow_logs", True, False),
        edits.SetProperty(vpc, "enable_dns_support", True, False),
    )))
    assert set(change.properties[vpc]) == {"enable_dns_support"}


def test_added_then_edited_is_reported_as_added_with_its_final_record(builder):
    d = builder.diagram
    add = edits.add_resource(d, "Vpc", "v2", parent="region")
    change = d.apply(edits.Composite((add, edits.SetProperty("v2", "flow_logs", False, True))))
    assert change.added["v2"].get("flow_logs") is True
    assert "v2" not in change.properties


def test_removed_records_are_reported_as_they_were_before_the_edit(builder):
    vpc = builder.vpc("vpc")
    d = builder.diagram
    change = d.apply(edits.Composite((
        edits.SetProperty(vpc, "flow_logs", False, True),
        edits.RemoveResource(d[vpc].with_property("flow_logs", True)),
    )))
    assert change.removed[vpc].get("flow_logs") is False
    assert not change.properties


def test_layout_only_changes_are_recognisable(builder):
    vpc = builder.vpc("vpc")
    change = builder.diagram.apply(edits.move(builder.diagram, {vpc: Geometry(1, 2, 300, 200)}))
    assert change.is_layout_only and change.touched == frozenset()
    change = builder.diagram.apply(edits.set_property(builder.diagram, vpc, "flow_logs", True))
    assert not change.is_layout_only and change.touched == {vpc}
