"""Every text the validators show has Japanese: rule titles, fixes and lessons, every message template a
rule can emit (constants found in the rule modules, and templates composed at run time recorded while
the rules' own tests run), the words a parameter may carry, every explanation code and every part of
the trace story. Placeholders survive translation."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from model.i18n import PLACEHOLDER
from tests.support.builder import ROOT
from validators import i18n
from validators.finding import Finding, Severity
from validators.locale import trace_story
from validators.reachability import CODES
from validators.registry import all_rules


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    """Templates and parameter values the rules emitted while their own tests ran."""
    log = tmp_path_factory.mktemp("templates") / "templates.json"
    env = dict(os.environ, KUMOZU_TEMPLATE_LOG=str(log), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "tests.i18n.template_recorder",
                           "-p", "no:cacheprovider", "tests/validators/rules"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert log.exists(), done.stdout[-2000:] + done.stderr[-2000:]
    return json.loads(log.read_text(encoding="utf-8"))


def test_every_rule_has_a_japanese_title_fix_and_lesson():
    missing = [m for m in i18n.missing_entries("ja") if m.startswith("rule ")]
    assert missing == []


def test_every_constant_template_of_every_rule_module_has_japanese_with_the_same_fields():
    templates = i18n.static_templates()
    assert len(templates) > 100  # the scan finds the rules' templates (it cannot silently find none)
    assert i18n.missing_entries("ja", templates) == []


def test_every_template_the_rules_emit_in_their_tests_has_japanese(recorded):
    templates = {(entry["rule"], entry["template"]) for entry in recorded}
    assert {r for r, _ in templates} >= {"cidr-overlap", "sg-blocks-traffic", "nacl-blocks-traffic"}
    assert i18n.missing_entries("ja", templates) == []


def test_parameter_words_the_rules_emit_are_translated(recorded):
    """A rule's parameter that carries words ("direction": inbound/outbound; some value of it is in
    the catalogue's words) has Japanese for every value the rules actually pass, so a new word in
    an old place fails here."""
    words = i18n.catalogue("ja")["values"]
    untranslated = []
    carrying = 0
    for entry in recorded:
        for name, values in entry["params"].items():
            table = words.get(name) or {}
            if name == "*" or not any(v in table for v in values):
                continue
            carrying += 1
            untranslated += [(entry["rule"], name, v) for v in values if v not in table]
    assert carrying >= 5 and untranslated == []


def test_every_explanation_code_and_severity_has_japanese():
    assert [m for m in i18n.missing_entries("ja") if not m.startswith("rule ")] == []
    for code in CODES:
        assert i18n.code_meaning(code, "ja") != CODES[code].meaning


def test_every_story_sentence_and_hop_check_has_japanese():
    assert trace_story.missing_entries("ja") == []


def test_placeholders_in_story_and_phrases_are_kept():
    """A story text may drop no field of its English counterpart (the renderer fills them all)."""
    section = i18n.catalogue("ja")["story"]
    for key in trace_story.STORY_KEYS:
        assert set(PLACEHOLDER.findall(section[key])) == set(PLACEHOLDER.findall(trace_story._ENGLISH[key])), key
    for english, japanese in i18n.catalogue("ja")["phrases"].items():
        assert set(PLACEHOLDER.findall(english)) == set(PLACEHOLDER.findall(japanese)), english


def test_a_finding_is_rendered_in_japanese_from_its_template_and_its_own_parameters():
    rule = next(r for r in all_rules() if r.id == "nacl-rule-number")
    finding = rule.finding("Network ACL {acl}: {direction} rule number {number} is used twice.", ["acl"],
                           acl="app-acl", direction="inbound", number=100)
    assert i18n.finding_message(finding, "ja") == "ネットワークACL「app-acl」：インバウンドのルール番号100が2回使われている．"
    assert i18n.finding_message(finding, "en") == finding.message
    assert i18n.finding_fix(finding, "ja") == i18n.rule_fix(rule, "ja")


def test_a_path_rule_message_is_composed_from_its_translated_purpose_and_blocker():
    template = ("{source} cannot reach its target {destination} on {flow}: no inbound rule of security "
                "group {group} on {owner} allows it ({code}).")
    finding = Finding("sg-blocks-traffic", Severity.ERROR, "x", ("a",), "custom fix", template,
                      (("source", "web-alb"), ("destination", "web"), ("flow", "tcp/80"), ("group", "web-sg"),
                       ("owner", "web"), ("code", "ENI_SG_RULES_MISMATCH")))
    text = i18n.finding_message(finding, "ja")
    assert text.startswith("「web-alb」からターゲット「web」にtcp/80で到達できない．")
    assert "ENI_SG_RULES_MISMATCH" in text and "インバウンドルールがない" in text
    # The composed English fix becomes the code's usual fix and the rule's fix, in Japanese.
    assert i18n.finding_fix(finding, "ja").startswith(i18n.code_fix("ENI_SG_RULES_MISMATCH", "ja"))


def test_course_labs_have_every_text_in_japanese():
    from labs import load_course

    for lab in load_course():
        texts = [lab.title, lab.story, *lab.hints, *(g.description for g in lab.goals)]
        for text in texts:
            assert text.ja.strip() and text.ja != text.en, (lab.id, text.en)


def test_the_eight_tls_patterns_read_as_the_notes_write_them_in_japanese():
    """The story's TLS heading and the labs say a pattern with the notes' words (ATS証明書, 外部証明書)."""
    import re

    from tests.validators.reachability.test_tls import PATTERNS
    from validators.reachability.tls import tls_paths

    written = set()
    for param in PATTERNS:
        build, english = param.values[0], param.values[1]
        diagram, entry = build()
        [report] = tls_paths(diagram, entry)
        japanese = trace_story.tls_pattern(report.pattern, "ja")
        assert trace_story.tls_pattern(report.pattern, "en") == report.pattern == english
        assert not re.search(r"\+(ACM|external|Lightsail certificate)\)", japanese), japanese
        written.add(japanese)
    assert {"Route53 → ALB(+ATS証明書) → EC2(+外部証明書)", "Route53 → CloudFront(+ATS証明書) → S3",
            "Lightsail(+ATS証明書)", "Route53 → NLB → EC2(+外部証明書)"} <= written


def test_what_decided_each_hop_is_said_in_japanese():
    """Every rule, listener and policy the tracer names as deciding a hop (on every flow between the
    examples' and the course's resources, and a network ACL's own rules) reads as Japanese: only
    names, addresses, protocols and AWS's own values stay as written."""
    import re
    from pathlib import Path

    from labs import load_course
    from model.documents import open_design
    from validators.locale.matched import matched_text
    from validators.reachability import Flow, trace

    designs = [open_design(str(p)).diagram for p in sorted((ROOT / "examples").glob("*.kumozu.yaml"))]
    designs += [d for lab in load_course() for d in (lab.start_diagram(), lab.solution_diagram())]
    seen = {"rule 100 allow tcp/443 0.0.0.0/0; rule 110 deny all traffic 10.0.0.0/8",
            "rule * deny all traffic (nothing matched before it)",
            "rule * deny all traffic (ports 1024-65535 matched no rule)", "egress rule 2: icmp to nothing"}
    for diagram in designs:
        ends = ["internet", *(r.id for r in diagram if r.kind in ("Instance", "LoadBalancer", "RdsInstance",
                                                                  "EcsService", "AutoScalingGroup"))]
        for source in ends[:8]:
            for destination in ends[:8]:
                if source != destination:
                    result = trace(diagram, Flow(source, destination, "tcp", 443))
                    seen |= {h.matched for p in result.paths for h in p.forward + p.returning if h.matched}
    assert any(m.startswith("ingress rule") for m in seen) and any(m.startswith("listener") for m in seen)
    english = re.compile(r"(?<![\w-])(rule|ingress|egress|from|to|all traffic|allow|deny|group|listener|"
                         r"viewer|matched|nothing|the)(?![\w-])")
    for matched in seen:
        japanese = matched_text(matched, "ja")
        assert matched_text(matched, "en") == matched
        assert not english.search(japanese.replace("forward", "")), (matched, japanese)
