"""Whatever edits a design has been through, its exported template reads back as the same design."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import kinds
from model.cloudformation import export_template, load_template
from model.errors import DiagramError
from model.native_format import malformed_addresses
from tests.support.builder import load_example
from tests.validators.edit_strategies import an_edit

from .support import model_differences


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_an_edited_design_survives_export_and_import(data):
    """Random edits (odd values, references to missing resources, renamed zones...) on an example;
    then import(export(design)) must equal the design. An address that does not parse ('zz::/64')
    has no template form, and the model refuses it, so no edit can leave one behind."""
    design = load_example(data.draw(st.sampled_from(["dual-az-web", "ecs-fargate", "route-tables"]),
                                    label="example"))
    for step in range(data.draw(st.integers(1, 12), label="edits")):
        try:
            design.apply(data.draw(an_edit(design), label=f"edit {step}"))
        except DiagramError:
            continue
    malformed = [(r.id, f.name) for r in design for f in kinds.kind(r.kind).fields
                 if any(malformed_addresses(f, r.properties.get(f.name)))]
    assert not malformed, malformed
    text = export_template(design)
    region = next((r.get("region") for r in design.of_kind("Region")), design.region)
    back = load_template(text.encode(), "edited.yaml", region).diagram
    assert model_differences(design, back) == []
