"""The built-in course: every lab loads, its start design fails at least one goal, its reference
solution passes them all and is itself free of findings, and every text exists in both languages."""

from __future__ import annotations

import re

import pytest

from labs import course_lab, find_lab, grade, load_course
from labs.course import course_files
from model.errors import LoadError
from validators.engine import validate
from validators.registry import all_rules

LABS = load_course()
JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")


def test_the_course_has_the_labs_of_the_notes_in_teaching_order():
    assert [lab.id for lab in LABS] == [
        "public-private-subnets", "internet-and-nat-gateway", "route-tables", "alb-target-group",
        "route53-alias", "tls-termination", "vpc-peering", "ecs-fargate-private", "s3-gateway-endpoint",
        "tls-patterns"]
    assert [p.name[:2] for p in course_files()] == [f"{i:02d}" for i in range(1, len(LABS) + 1)]


@pytest.mark.parametrize("lab", LABS, ids=lambda lab: lab.id)
def test_the_start_design_fails_at_least_one_goal(lab):
    result = grade(lab, lab.start_diagram())
    assert not result.complete, f"{lab.id}: the start already meets every goal"
    assert result.failed()


@pytest.mark.parametrize("lab", LABS, ids=lambda lab: lab.id)
def test_the_reference_solution_passes_every_goal(lab):
    result = grade(lab, lab.solution_diagram())
    failures = [(g.goal.id, g.reason.get("en")) for g in result.failed()]
    assert result.complete, failures
    assert result.score == 1.0


@pytest.mark.parametrize("lab", LABS, ids=lambda lab: lab.id)
def test_the_reference_solution_has_no_errors_or_warnings(lab):
    findings = [f for f in validate(lab.solution_diagram()) if f.severity.value in ("error", "warning")]
    assert findings == [], [f.message for f in findings]


@pytest.mark.parametrize("lab", LABS, ids=lambda lab: lab.id)
def test_every_text_is_written_in_english_and_in_japanese(lab):
    texts = [lab.title, lab.story, *lab.hints, *(g.description for g in lab.goals)]
    for text in texts:
        assert text.get("en") and not JAPANESE.search(text.get("en")), text.get("en")
        assert JAPANESE.search(text.get("ja")), text.get("ja")
    assert lab.hints, "every built-in lab offers hints"
    assert lab.lesson, "every built-in lab links to what to read"
    for design in (lab.start_diagram(), lab.solution_diagram()):  # what the design settings show
        for text in (design.title, design.metadata("description")):
            english, _, japanese = text.partition("ラボ" if text == design.title else "\n\n")
            assert re.search("[a-z]{3,}", english) and not JAPANESE.search(english), text
            assert JAPANESE.search(japanese), text


#: Two or more English words in a row: a sentence left untranslated.
ENGLISH_RUN = re.compile(r"(?<![\w.-])[A-Za-z][a-z]{2,}(?:[ -][A-Za-z][a-z]{2,})+(?![\w.-])")
#: AWS product names, written in the Latin alphabet in Japanese too.
PRODUCTS = ("Application Load Balancer", "Network Load Balancer", "Amazon Trust Services", "Auto Scaling",
            "Internet Gateway", "NAT Gateway", "Transit Gateway", "Elastic IP", "CloudWatch Logs",
            "Route 53", "Lambda")


def english_left(text: str, diagram) -> list[str]:
    rule_ids = {rule.id for rule in all_rules()}
    for name in sorted({r.label for r in diagram} | {r.id for r in diagram} | set(PRODUCTS) | rule_ids,
                       key=len, reverse=True):
        text = text.replace(name, " ")
    return ENGLISH_RUN.findall(text)


@pytest.mark.parametrize("lab", LABS, ids=lambda lab: lab.id)
def test_each_goal_says_why_in_both_languages_on_the_start_design(lab):
    """On the start and on the solution, every reason is in Japanese through and through (the
    design's names and AWS product names aside)."""
    for diagram in (lab.start_diagram(), lab.solution_diagram()):
        for result in grade(lab, diagram).goals:
            japanese = result.reason.get("ja")
            assert result.reason.get("en") and JAPANESE.search(japanese)
            assert english_left(japanese, diagram) == [], japanese


def test_built_in_labs_are_found_by_id_and_unknown_names_are_load_errors():
    assert course_lab("vpc-peering").title.get("ja") == "VPCピアリング接続と接続の可否の条件"
    assert find_lab("route-tables").id == "route-tables"
    assert find_lab(str(course_files()[0])).id == "public-private-subnets"
    with pytest.raises(LoadError, match="built-in labs: public-private-subnets"):
        find_lab("no-such-lab")
