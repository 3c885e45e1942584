"""The native format: byte-identical round trips, deterministic writing, and clear load errors."""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

import pytest

from model import edits, native_format
from model.diagram import Diagram
from model.errors import LoadError, NewerFormatError
from model.schema import Unresolved

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.kumozu.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_round_trip_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    assert native_format.dumps(native_format.loads(text, str(path))) == text


def test_there_are_three_examples():
    assert {p.name for p in EXAMPLES} >= {"dual-az-web.kumozu.yaml", "ecs-fargate.kumozu.yaml",
                                          "route-tables.kumozu.yaml"}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_writing_does_not_depend_on_the_order_things_were_drawn_in(path):
    original = native_format.loads(path.read_text(encoding="utf-8"), str(path))
    records = list(original)
    rng = random.Random(7)
    for _ in range(3):
        shuffled = Diagram()
        for key in ("title", "region", "environment", "description"):
            shuffled.apply(edits.set_metadata(shuffled, key, original.metadata(key)))
        pending = records[:]
        rng.shuffle(pending)
        while pending:  # parents first, otherwise random
            ready = [r for r in pending if r.parent is None or r.parent in shuffled]
            record = rng.choice(ready)
            pending.remove(record)
            shuffled.apply(edits.AddResource(record, original.geometry(record.id)))
        for relation in original.relations():
            shuffled.apply(edits.AddRelation(relation))
        assert native_format.dumps(shuffled) == native_format.dumps(original)


def test_moving_a_box_changes_only_the_layout_section(builder):
    vpc = builder.vpc("vpc", "10.0.0.0/16")
    builder.diagram.apply(edits.move(builder.diagram, {vpc: (10, 10, 400, 300)}))
    before = native_format.dumps(builder.diagram).splitlines()
    builder.diagram.apply(edits.move(builder.diagram, {vpc: (50, 10, 400, 300)}))
    after = native_format.dumps(builder.diagram).splitlines()
    changed = [a for a, b in zip(before, after) if a != b]
    layout_start = before.index("layout:")
    assert len(before) == len(after) and len(changed) == 1
    assert before.index(changed[0]) > layout_start


def test_unresolved_values_survive_a_round_trip(builder):
    vpc = builder.vpc("vpc")
    builder.set(vpc, cidr_blocks=[Unresolved("!Ref VpcCidr")])
    text = native_format.dumps(builder.diagram)
    assert "unresolved: '!Ref VpcCidr'" in text
    again = native_format.loads(text)
    assert again["vpc"].get("cidr_blocks") == (Unresolved("!Ref VpcCidr"),)


def test_names_in_japanese_are_written_as_text(builder):
    builder.vpc("vpc")
    builder.diagram.apply(edits.rename(builder.diagram, "vpc", "本番VPC"))
    text = native_format.dumps(builder.diagram)
    assert "name: 本番VPC" in text
    assert native_format.loads(text)["vpc"].name == "本番VPC"


def _design(body: str) -> str:
    return "format: kumozu\nversion: 1\n" + textwrap.dedent(body)


BAD_INPUTS = {
    "broken-yaml": (_design("resources:\n  vpc: {kind: Vpc\n"), 5,
                    "(while parsing a flow mapping that starts on line 4)"),
    "cidr-33": (_design("""\
        resources:
          vpc: {kind: Vpc}
          web-a:
            kind: Subnet
            parent: vpc
            properties:
              cidr: 10.0.0.0/33
        """), 9, "subnet 'web-a': 'cidr' 10.0.0.0/33 is not a valid IPv4 network"),
    "cidr-999": (_design("""\
        resources:
          vpc:
            kind: Vpc
            properties: {cidr_blocks: [999.1.1.1/8]}
        """), 6, "999.1.1.1/8 is not a valid IPv4 network"),
    "unknown-kind": (_design("resources:\n  db: {kind: RdsInstanse}\n"), 4,
                     "unknown kind 'RdsInstanse' (did you mean 'RdsInstance'?)"),
    "unknown-property": (_design("resources:\n  vpc:\n    kind: Vpc\n    properties: {cidr: 10.0.0.0/16}\n"),
                         6, "has no property 'cidr'"),
    "wrong-type": (_design("resources:\n  vpc:\n    kind: Vpc\n    properties: {flow_logs: maybe}\n"),
                   6, "flow_logs: expected true or false"),
    "python-tag": (_design("resources: !!python/object/apply:os.system ['echo pwned']\n"), 3,
                   "asks to run Python code"),
    "alias": (_design("title: &t x\ndescription: *t\n"), 4, "aliases"),
    "duplicate-key": (_design("resources:\n  vpc: {kind: Vpc}\n  vpc: {kind: Vpc}\n"), 5,
                      "the key 'vpc' appears twice"),
    "missing-parent": (_design("resources:\n  web-a: {kind: Subnet, parent: vpc}\n"), 4,
                       "parent 'vpc' is not among the resources"),
    "bad-containment": (_design("resources:\n  vpc: {kind: Vpc}\n  r: {kind: Region, parent: vpc}\n"),
                        5, "cannot sit in a VPC"),
    "containment-cycle": (_design("""\
        resources:
          a: {kind: AutoScalingGroup, parent: b}
          b: {kind: AutoScalingGroup, parent: a}
        """), 4, "containment cycle"),
    "not-a-mapping": ("- just\n- a list\n", None, "must be a YAML mapping"),
    "not-kumozu": ("title: hello\n", None, "no 'format: kumozu' line"),
    "bad-layout": (_design("resources:\n  vpc: {kind: Vpc}\nlayout:\n  vpc: [1, 2, 3]\n"), 6,
                   "must be [x, y] or [x, y, width, height]"),
    "layout-of-nothing": (_design("resources: {}\nlayout:\n  ghost: [1, 2]\n"), 5, "'ghost'"),
    "relation-to-nothing": (_design("""\
        resources:
          vpc: {kind: Vpc}
        relations:
          c1: {kind: connection, from: vpc, to: ghost}
        """), 6, "'to' must name a resource"),
    "deep-nesting": (_design("title: " + "[" * 500 + "]" * 500 + "\n"), 3, "nested more than"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_names_the_line_and_says_what_was_expected(tmp_path, name):
    text, line, message = BAD_INPUTS[name]
    path = tmp_path / "bad.kumozu.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        native_format.load(str(path))
    error = caught.value
    assert message in error.message
    assert error.path == str(path)
    if line is not None:
        assert error.line == line, str(error)
    assert str(error).startswith(f"{path}:")


def test_binary_files_are_refused_with_the_line_of_the_problem(tmp_path):
    nul = tmp_path / "nul.yaml"
    nul.write_bytes(b"format: kumozu\nversion: 1\ntitle: a\x00b\n")
    with pytest.raises(LoadError, match="NUL byte") as caught:
        native_format.load(str(nul))
    assert caught.value.line == 3
    latin = tmp_path / "latin1.yaml"
    latin.write_bytes("format: kumozu\nversion: 1\ntitle: caf\u00e9\n".encode("latin-1"))
    with pytest.raises(LoadError, match="not valid UTF-8") as caught:
        native_format.load(str(latin))
    assert (caught.value.line, caught.value.column) == (3, 11)


def test_a_file_from_a_newer_kumozu_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "future.kumozu.yaml"
    original = "format: kumozu\nversion: 7\nresources: {}\nhologram: true\n"
    path.write_text(original, encoding="utf-8")
    with pytest.raises(NewerFormatError, match="newer Kumozu") as caught:
        native_format.load(str(path))
    assert caught.value.line == 2
    assert path.read_text(encoding="utf-8") == original


def test_oversized_files_are_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.kumozu.yaml"
    path.write_bytes(b"format: kumozu\nversion: 1\n" + b"#" * 2048)
    monkeypatch.setattr(native_format, "MAX_FILE_BYTES", 1024)
    with pytest.raises(LoadError, match="MB"):
        native_format.load(str(path))


def test_missing_file_is_a_load_error_not_a_traceback(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        native_format.load(str(tmp_path / "nope.yaml"))


def test_an_unresolved_list_is_read_as_one_unknown_item(tmp_path):
    """Rules iterate list fields; an unknown list must still be a list."""
    path = tmp_path / "u.kumozu.yaml"
    path.write_text(_design("resources:\n  vpc:\n    kind: Vpc\n    properties:\n"
                            "      cidr_blocks: {unresolved: '!Ref Blocks'}\n"), encoding="utf-8")
    vpc = native_format.load(str(path))["vpc"]
    assert vpc.get("cidr_blocks") == (Unresolved("!Ref Blocks"),)
    from validators.engine import validate
    assert isinstance(validate(native_format.load(str(path))), list)
    bad = tmp_path / "r.kumozu.yaml"
    bad.write_text(_design("resources:\n  rt:\n    kind: RouteTable\n    parent: v\n"
                           "    properties: {routes: {unresolved: x}}\n  v: {kind: Vpc}\n"),
                   encoding="utf-8")
    with pytest.raises(LoadError, match="cannot be left unresolved"):
        native_format.load(str(bad))
