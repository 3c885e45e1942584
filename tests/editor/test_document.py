"""A document readies its design for the first edit while the user looks at it, not at the first
drag: the full validation on opening leaves tracing's reverse lookups unbuilt (see
validators.reachability.dependents), and the document builds them shortly after."""

from __future__ import annotations

from pathlib import Path

from editor.document import Document
from model.documents import open_design
from validators.reachability.tracking import tracker_of

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dual-az-web.kumozu.yaml"


def _flow_lookup_built(document: Document) -> bool:
    return tracker_of(document.diagram).flows._flow_tokens._users is not None


def test_an_opened_design_is_ready_for_its_first_edit_soon_after(qtbot):
    document = Document(open_design(str(EXAMPLE)))
    assert tracker_of(document.diagram).flows is not None  # the full validation traced the flows
    assert not _flow_lookup_built(document)  # not during the opening itself
    qtbot.waitUntil(lambda: _flow_lookup_built(document), timeout=3000)


def test_an_edit_before_the_preparation_and_the_preparation_after_it_agree(qtbot):
    """An edit made at once (a script, a quick user) builds the lookups itself; the preparation
    then finds the design already caught up, and the findings are a full validation's."""
    from model import edits
    from validators.engine import validate

    document = Document(open_design(str(EXAMPLE)))
    d = document.diagram
    group = next(r for r in d.of_kind("SecurityGroup") if r.get("ingress"))
    assert document.push(edits.set_property(d, group.id, "ingress", []))
    assert _flow_lookup_built(document)
    qtbot.wait(600)  # the preparation has run
    assert sorted(document.findings, key=lambda f: f.sort_key()) == \
        sorted(validate(d), key=lambda f: f.sort_key())
    assert any(f.rule == "sg-blocks-traffic" for f in document.findings)
