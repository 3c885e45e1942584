"""The lab file loader: good files become frozen labs; every bad one is a LoadError naming the file
and the line (and never runs code or expands aliases)."""

from __future__ import annotations

import dataclasses

import pytest

from labs.format import load_lab
from model.errors import LoadError, NewerFormatError
from tests.labs.conftest import GOOD_LAB


def write(folder, text: str, name: str = "tiny.lab.yaml"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(folder, text: str) -> LoadError:
    path = write(folder, text)
    with pytest.raises(LoadError) as caught:
        load_lab(path)
    assert caught.value.path == str(path)
    return caught.value


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_a_good_lab_loads_with_both_languages_paths_and_goals(lab_folder):
    lab = load_lab(write(lab_folder, GOOD_LAB))
    assert lab.id == "tiny"
    assert lab.title.get("en") == "Tiny" and lab.title.get("ja") == "小さなラボ"
    assert lab.start == (lab_folder / "start.kumozu.yaml").resolve()
    assert lab.solution == (lab_folder / "solution.kumozu.yaml").resolve()
    assert [g.id for g in lab.goals] == ["has-subnet"] and lab.goals[0].check_type == "resource"
    assert lab.hints[0].get("ja") == "サブネットを追加しよう．"
    assert lab.start_diagram().get("a").kind == "Subnet"
    with pytest.raises(dataclasses.FrozenInstanceError):
        lab.id = "other"


def test_an_empty_start_gives_an_empty_canvas_in_the_labs_region(lab_folder):
    text = GOOD_LAB.replace("start: start.kumozu.yaml", "start: empty\nregion: eu-west-1")
    lab = load_lab(write(lab_folder, text))
    assert lab.start is None
    diagram = lab.start_diagram()
    assert len(diagram) == 0 and diagram.region == "eu-west-1"
    assert lab.submission_region() == "eu-west-1"


def test_a_python_tag_is_refused_with_its_line(lab_folder):
    text = GOOD_LAB.replace("id: tiny", "id: !!python/object/apply:os.system [echo hacked]")
    error = refused(lab_folder, text)
    assert error.line == line_of(text, "python/object") and "Python code" in error.message


def test_an_alias_is_refused_with_its_line(lab_folder):
    text = GOOD_LAB.replace("title: {en: Tiny, ja: 小さなラボ}", "title: &t {en: Tiny, ja: 小さなラボ}")
    text = text.replace("story: {en: A tiny lab., ja: 小さなラボである．}", "story: *t")
    error = refused(lab_folder, text)
    assert error.line == line_of(text, "story: *t") and "aliases" in error.message


def test_an_unknown_check_type_is_refused_and_the_known_ones_are_listed(lab_folder):
    text = GOOD_LAB.replace("{type: resource, kind: Subnet}", "{type: resourse, kind: Subnet}")
    error = refused(lab_folder, text)
    assert error.line == line_of(text, "resourse")
    assert "unknown check type 'resourse'" in error.message and "did you mean 'resource'" in error.message
    assert "flow, no_findings, resource, subnet, tls" in error.message


def test_a_missing_solution_file_is_refused_at_the_solution_line(lab_folder):
    text = GOOD_LAB.replace("solution: solution.kumozu.yaml", "solution: missing.kumozu.yaml")
    error = refused(lab_folder, text)
    assert error.line == line_of(text, "solution:") and "missing.kumozu.yaml" in error.message


def test_a_start_name_the_system_refuses_is_a_located_error(lab_folder):
    """Found by fuzzing: a start name folded with the next lines of Japanese (a file name too long
    for the system) is refused at its line, not an OSError."""
    long_name = "start.kumozu.yaml " + "東京の小さなパン屋のWebサイトを担当している．" * 20
    text = GOOD_LAB.replace("start: start.kumozu.yaml", f"start: {long_name}")
    error = refused(lab_folder, text)
    assert error.line == line_of(text, "start:") and "not a usable file name" in error.message
    assert len(error.message) < 300


def test_a_solution_that_is_not_a_native_design_is_refused(lab_folder):
    (lab_folder / "notes.yaml").write_text("just: notes\n", encoding="utf-8")
    text = GOOD_LAB.replace("solution: solution.kumozu.yaml", "solution: notes.yaml")
    assert "not a native Kumozu design" in refused(lab_folder, text).message


def test_an_unknown_goal_field_is_refused_with_a_suggestion(lab_folder):
    text = GOOD_LAB.replace("    check: {type: resource", "    chek: 1\n    check: {type: resource")
    error = refused(lab_folder, text)
    assert error.line == line_of(text, "chek:") and "unknown field 'chek'" in error.message
    assert "did you mean 'check'" in error.message


def test_an_unknown_field_inside_a_check_is_refused(lab_folder):
    text = GOOD_LAB.replace("{type: resource, kind: Subnet}", "{type: resource, kind: Subnet, cuont: 2}")
    error = refused(lab_folder, text)
    assert error.line == line_of(text, "cuont") and "unknown field 'cuont'" in error.message


def test_an_unknown_top_level_section_is_refused(lab_folder):
    text = GOOD_LAB + "timelimit: 30\n"
    error = refused(lab_folder, text)
    assert error.line == line_of(text, "timelimit") and "unknown field 'timelimit'" in error.message


def test_a_text_without_its_japanese_version_is_refused(lab_folder):
    text = GOOD_LAB.replace("title: {en: Tiny, ja: 小さなラボ}", "title: {en: Tiny}")
    error = refused(lab_folder, text)
    assert error.line == line_of(text, "title:") and "'ja' is missing" in error.message


def test_duplicate_goal_ids_are_refused(lab_folder):
    goal = GOOD_LAB[GOOD_LAB.index("  - id: has-subnet"):GOOD_LAB.index("hints:")]
    text = GOOD_LAB.replace("hints:", goal + "hints:")
    error = refused(lab_folder, text)
    assert "used twice" in error.message and error.line == line_of(text, "has-subnet") + 3


def test_an_unknown_rule_id_is_refused_in_checks_and_lessons(lab_folder):
    text = GOOD_LAB.replace("{type: resource, kind: Subnet}", "{type: no_findings, rules: [cidr-overlaps]}")
    error = refused(lab_folder, text)
    assert "unknown rule 'cidr-overlaps'" in error.message and "did you mean 'cidr-overlap'" in error.message
    text = GOOD_LAB + "lesson: [no-such-rule]\n"
    assert "unknown rule 'no-such-rule'" in refused(lab_folder, text).message


def test_selector_mistakes_are_refused_where_they_are_written(lab_folder):
    text = GOOD_LAB.replace("{type: resource, kind: Subnet}",
                            "{type: resource, kind: Subnet, where: {cdir: 10.0.0.0/24}}")
    error = refused(lab_folder, text)
    assert error.line == line_of(text, "cdir") and "has no property 'cdir'" in error.message
    assert "did you mean 'cidr'" in error.message
    text = GOOD_LAB.replace("{type: resource, kind: Subnet}", "{type: resource, kind: Sunbet}")
    assert "did you mean 'Subnet'" in refused(lab_folder, text).message
    text = GOOD_LAB.replace("{type: resource, kind: Subnet}",
                            "{type: flow, from: internet, to: {connectivity: public}, expect: reachable}")
    assert "add 'kind:'" in refused(lab_folder, text).message


def test_a_value_of_the_wrong_type_for_a_property_is_refused(lab_folder):
    text = GOOD_LAB.replace("{type: resource, kind: Subnet}",
                            "{type: resource, kind: NatGateway, where: {connectivity: publik}}")
    error = refused(lab_folder, text)
    assert "one of public, private" in error.message and "did you mean 'public'" in error.message


def test_a_lab_from_a_newer_kumozu_is_refused_as_such(lab_folder):
    path = write(lab_folder, GOOD_LAB.replace("version: 1", "version: 7"))
    with pytest.raises(NewerFormatError) as caught:
        load_lab(path)
    assert caught.value.line == 2 and "newer Kumozu" in caught.value.message


def test_a_native_design_is_not_mistaken_for_a_lab(lab_folder):
    error = refused(lab_folder, (lab_folder / "start.kumozu.yaml").read_text(encoding="utf-8"))
    assert "not a Kumozu lab" in error.message


def test_a_lab_needs_goals(lab_folder):
    text = GOOD_LAB[:GOOD_LAB.index("goals:")] + "goals: []\n"
    assert "at least one goal" in refused(lab_folder, text).message


def test_a_missing_lab_file_is_a_load_error(tmp_path):
    with pytest.raises(LoadError) as caught:
        load_lab(tmp_path / "nowhere.lab.yaml")
    assert "no such file" in caught.value.message
