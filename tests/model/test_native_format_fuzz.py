"""Fuzzing the native loader: valid designs round-trip, nearly valid ones fail with a located
LoadError and never with anything else."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import edits, native_format
from model.diagram import Diagram
from model.errors import LoadError
from model.kinds import ALL_KINDS, kind as kind_of
from model.resources import Geometry

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_SIMPLE_PROPERTIES = {
    "Vpc": st.fixed_dictionaries({"cidr_blocks": st.lists(
        st.sampled_from(["10.0.0.0/16", "10.1.0.0/16", "172.16.0.0/20", "192.168.0.0/24"]),
        min_size=1, max_size=3)}),
    "Subnet": st.fixed_dictionaries({"cidr": st.sampled_from(
        ["10.0.1.0/24", "10.0.2.0/25", "10.1.0.0/28", "172.16.0.0/24"]),
        "map_public_ip_on_launch": st.booleans()}),
    "Instance": st.fixed_dictionaries({"instance_type": st.sampled_from(["t3.micro", "m7g.large"]),
                                        "public_ip": st.sampled_from(["none", "assign"])}),
}


@st.composite
def diagrams(draw) -> Diagram:
    """Random but structurally valid diagrams: each resource in a container its kind allows."""
    d = Diagram()
    d.apply(edits.set_metadata(d, "title", draw(st.text(max_size=30))))
    count = draw(st.integers(1, 25))
    for i in range(count):
        existing = list(d)
        candidates = [k for k in ALL_KINDS
                      if None in k.parents or any(r.kind in k.parents for r in existing)]
        kind = draw(st.sampled_from(candidates))
        parents = [r.id for r in existing if r.kind in kind.parents] + ([None] if None in kind.parents else [])
        parent = draw(st.sampled_from(parents))
        props = draw(_SIMPLE_PROPERTIES.get(kind.name, st.just({})))
        name = draw(st.one_of(st.just(""), st.text(min_size=1, max_size=12)))
        geometry = draw(st.one_of(st.none(), st.builds(
            Geometry, st.integers(0, 2000), st.integers(0, 2000),
            st.integers(0, 800) if kind.container else st.just(0),
            st.integers(0, 600) if kind.container else st.just(0))))
        d.apply(edits.add_resource(d, kind.name, f"r{i}", name=name, parent=parent,
                                   properties=props, geometry=geometry))
    return d


@FUZZ
@given(diagrams())
def test_any_valid_design_round_trips_exactly(diagram):
    text = native_format.dumps(diagram)
    again = native_format.loads(text, "fuzz.kumozu.yaml")
    assert native_format.dumps(again) == text
    assert {(r.id, r.kind, r.parent, r.name) for r in again} == \
        {(r.id, r.kind, r.parent, r.name) for r in diagram}


@st.composite
def mutated_texts(draw) -> str:
    """A valid design's text with one to three random edits of its characters or lines."""
    text = native_format.dumps(draw(diagrams()))
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        choice = draw(st.integers(0, 5))
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        if choice == 0 and lines:
            del lines[i]
        elif choice == 1 and lines:
            lines.insert(i, lines[draw(st.integers(0, len(lines) - 1))])
        elif choice == 2 and lines:
            line = lines[i]
            j = draw(st.integers(0, len(line)))
            lines[i] = line[:j] + draw(st.sampled_from(
                ["{", "}", "[", ":", "- ", "!!python/object:os.system ", "&a ", "*a", "'", "\t",
                 "10.0.0.0/33", "999.1.1.1/8", "kind: Nope", "\x00", "parent: r0"])) + line[j:]
        elif choice == 3 and lines:
            lines[i] = "  " + lines[i]
        elif choice == 4:
            lines.insert(i, draw(st.text(max_size=20)) + "\n")
        else:
            lines = [line.replace("version: 1", f"version: {draw(st.integers(-2, 9))}") for line in lines]
    return "".join(lines)


@FUZZ
@given(mutated_texts())
def test_nearly_valid_designs_load_or_fail_with_a_located_error(text):
    try:
        diagram = native_format.loads(text, "fuzz.kumozu.yaml")
    except LoadError as error:
        assert error.path == "fuzz.kumozu.yaml"
        assert error.message and "Traceback" not in error.message
        return
    assert isinstance(diagram, Diagram)
    # whatever loaded must write back and load again identically
    assert native_format.dumps(native_format.loads(native_format.dumps(diagram))) == \
        native_format.dumps(diagram)


@FUZZ
@given(st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                              st.text(max_size=10)),
                    lambda children: st.one_of(st.lists(children, max_size=4),
                                               st.dictionaries(st.text(max_size=8), children, max_size=4)),
                    max_leaves=30))
def test_arbitrary_yaml_under_resources_never_crashes_the_loader(value):
    doc = {"format": "kumozu", "version": 1, "resources": value}
    text = yaml.safe_dump(doc, allow_unicode=True)
    try:
        native_format.loads(text, "any.yaml")
    except LoadError as error:
        assert error.path == "any.yaml"


def test_every_kind_can_be_written_and_read_with_its_defaults():
    d = Diagram()
    placed: dict[str, str] = {}
    pending = list(ALL_KINDS)
    while pending:
        for kind in list(pending):
            parent_kinds = [p for p in kind.parents if p is None or p in placed]
            if not parent_kinds:
                continue
            parent = parent_kinds[0]
            rid = kind.icon.replace("_", "-")
            d.apply(edits.add_resource(d, kind.name, rid, parent=placed.get(parent) if parent else None))
            placed.setdefault(kind.name, rid)
            pending.remove(kind)
    text = native_format.dumps(d)
    again = native_format.loads(text)
    assert len(again) == len(ALL_KINDS)
    for record in again:
        assert record.properties == kind_of(record.kind).defaults()
