"""The rule catalogue: well-formed unique ids, complete metadata, one module and one test file per
rule, the public ids with their agreed meaning, and docs/rules.md in step with the code."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from model import kinds
from validators import docs
from validators.finding import Severity
from validators.registry import all_rules, rule_by_id
from validators.rule import RULE_ID_PATTERN

ROOT = Path(__file__).resolve().parents[2]
RULES = all_rules()
RULE_IDS = [r.id for r in RULES]

#: The public ids of issue 4 and their severities: a contract with users' CI filters.
PUBLIC = {
    "cidr-invalid": "error", "cidr-overlap": "error", "subnet-outside-vpc": "error",
    "peering-overlap": "error", "route-blackhole": "error", "route-duplicate": "error",
    "nat-in-private-subnet": "error", "nat-cross-az": "warning", "alb-single-az": "error",
    "alb-internet-facing-private": "error", "db-subnet-group-single-az": "error",
    "fargate-task-size": "error", "cloudfront-cert-region": "error", "dns-cname-apex": "error",
}
#: The public ids of issue 5, built on the path tracer (validators/reachability): same contract.
TRACER_RULES = {"sg-blocks-traffic": "error", "nacl-blocks-traffic": "error",
                "nat-path-missing": "error"}
#: The sourced AWS facts the rules are chosen from; a rule cites one of its pages where one fits.
FACTS = ROOT.parent / "shared" / "design" / "aws-facts.md"
#: Rules no page of the facts catalogue fits, and why.
CITES_OUTSIDE_FACTS = {
    # A reference to a resource that is not there is a property of the design file (CloudFormation's
    # Ref), not a fact about the VPC; the catalogue has no page for it.
    "reference-dangling",
}
AWS_DOMAINS = ("docs.aws.amazon.com", "aws.amazon.com", "aws.github.io")


def test_rule_ids_are_unique_and_well_formed():
    assert len(RULE_IDS) == len(set(RULE_IDS))
    for rule_id in RULE_IDS:
        assert RULE_ID_PATTERN.match(rule_id), rule_id


def test_the_catalogue_has_the_public_rules_and_forty_more():
    assert {rid: rule_by_id(rid).severity.value for rid in PUBLIC if rule_by_id(rid)} == PUBLIC
    assert len(set(RULE_IDS) - set(PUBLIC) - set(TRACER_RULES)) >= 40


def test_the_rules_built_on_tracing_keep_their_public_ids_and_severities():
    assert {rid: rule_by_id(rid).severity.value for rid in TRACER_RULES if rule_by_id(rid)} \
        == TRACER_RULES


@pytest.mark.skipif(not FACTS.exists(), reason="the shared AWS facts catalogue is not beside the repo")
def test_each_rule_cites_a_page_of_the_aws_facts_catalogue():
    """The page a rule rests on is one the facts catalogue sourced (anchors and trailing slashes
    aside), except for the few rules listed with the reason no page fits."""
    def bare(url: str) -> str:
        return url.split("#")[0].rstrip("/.,")

    sourced = {bare(u) for u in re.findall(r"https://[^\s)>\]`'\"|]+", FACTS.read_text(encoding="utf-8"))}
    outside = {r.id for r in RULES if bare(r.docs) not in sourced}
    assert outside == CITES_OUTSIDE_FACTS


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_each_rule_lives_in_the_module_named_after_it(rule):
    module = importlib.import_module(f"validators.rules.{rule.module_name}")
    assert module.RULE is rule


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_each_rule_is_documented(rule):
    assert isinstance(rule.severity, Severity)
    assert rule.title.strip() and rule.title[0].isupper() and not rule.title.endswith(".")
    assert rule.fix.strip().endswith(".") and len(rule.fix) > 20
    sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9])", rule.lesson.strip()) if s]
    assert 2 <= len(sentences) <= 4, f"{rule.id}: the lesson has {len(sentences)} sentences"
    url = urlparse(rule.docs)
    assert url.scheme == "https" and url.netloc.endswith(AWS_DOMAINS), rule.docs


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_each_rule_declares_real_kinds_and_properties(rule):
    assert rule.watches, f"{rule.id} watches nothing"
    for name in rule.watches:
        assert kinds.is_kind(name), f"{rule.id} watches unknown kind {name}"
    for name, props in rule.watches_properties.items():
        fields = {f.name for f in kinds.kind(name).fields}
        assert set(props) <= fields, f"{rule.id}: {name} has no {set(props) - fields}"


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_each_rule_has_a_test_module_with_triggers_and_near_misses(rule):
    path = ROOT / "tests" / "validators" / "rules" / f"test_{rule.module_name}.py"
    assert path.exists(), f"missing {path.relative_to(ROOT)}"
    module = importlib.import_module(f"tests.validators.rules.test_{rule.module_name}")
    assert module.RULE is rule
    assert getattr(module, "TRIGGERS", None), f"{path.name} has no TRIGGERS cases"
    assert getattr(module, "NEAR_MISSES", None), f"{path.name} has no NEAR_MISSES cases"


def test_docs_rules_md_is_generated_from_the_metadata():
    current = docs.DOC_PATH.read_text(encoding="utf-8") if docs.DOC_PATH.exists() else ""
    assert current == docs.render(), "docs/rules.md is stale: run python -m validators.docs --write"


def test_the_docs_name_every_rule_with_its_lesson_and_link():
    text = docs.render()
    for rule in RULES:
        assert f"\n## {rule.id}\n" in text and rule.lesson in text and rule.docs in text


def test_docs_check_mode_reports_a_stale_file(tmp_path, monkeypatch):
    stale = tmp_path / "rules.md"
    stale.write_text("# old\n", encoding="utf-8")
    monkeypatch.setattr(docs, "DOC_PATH", stale)
    assert docs.main(["--check"]) == 1
    assert docs.main(["--write"]) == 0
    assert docs.main(["--check"]) == 0
    assert stale.read_text(encoding="utf-8") == docs.render()
