"""The live validator equals a full validation after every edit, whatever the edit."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.errors import DiagramError
from tests.support.builder import load_example
from validators.engine import Validator, validate

from .edit_strategies import an_edit

START = ["dual-az-web", "ecs-fargate", "route-tables"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_incremental_findings_equal_a_full_run_after_every_edit(data):
    """Random add/remove/set/reparent/rename/connect/metadata edits, refused ones included, and
    undoing each: the validator's findings and the deltas it emitted always match a full run."""
    diagram = load_example(data.draw(st.sampled_from(START), label="example"))
    validator = Validator(diagram)
    shown = set(validator.findings)

    def follow(delta):
        assert not (delta.added & shown), "a finding was added twice"
        assert delta.removed <= shown, "a finding that was not shown was removed"
        shown.difference_update(delta.removed)
        shown.update(delta.added)

    validator.changed.connect(follow)
    for step in range(data.draw(st.integers(1, 25), label="steps")):
        edit = data.draw(an_edit(diagram), label=f"edit {step}")
        revision = diagram.revision
        try:
            diagram.apply(edit)
        except DiagramError:
            assert diagram.revision == revision, "an error escaped after the edit was applied"
            continue
        expected = validate(diagram)
        assert validator.findings == expected
        assert shown == set(expected)
        if data.draw(st.booleans(), label="undo"):
            revision = diagram.revision
            try:
                diagram.apply(edit.inverse())
            except DiagramError:  # the model refused the undo (a model issue); nothing changed
                assert diagram.revision == revision
            assert validator.findings == validate(diagram)
    validator.close()
