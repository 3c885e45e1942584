"""Findings in another language: resource names and CIDRs pass through untranslated, whatever they
spell; only parameters that carry kind words are translated as such."""

from __future__ import annotations

from model import edits
from tests.validators.rules.helpers import network
from validators import i18n
from validators.engine import validate


def _overlap_in_japanese(names: dict[str, str]) -> str:
    b = network()
    b.subnet("s", "az-a", "10.0.0.0/25")
    d = b.diagram
    for rid, name in names.items():
        d.apply(edits.rename(d, rid, name))
    [finding] = [f for f in validate(d) if f.rule == "cidr-overlap"]
    return i18n.finding_message(finding, "ja")


def test_a_resource_named_like_a_kind_keeps_its_name():
    """A subnet called "Subnet" and one called "Route table 1" are names, not kind words: the
    Japanese message quotes them as written (it used to print サブネット and ルートテーブル「1」)."""
    text = _overlap_in_japanese({"s": "Subnet", "pub-a": "Route table 1", "vpc": "Load balancer"})
    assert "「Subnet」" in text and "「Route table 1」" in text and "「Load balancer」" in text
    assert "サブネット「" in text  # the sentence itself is Japanese


def test_kind_words_are_still_translated_where_a_rule_writes_them():
    assert i18n.translate_value("kind", "Auto Scaling group", "ja") != "Auto Scaling group"
    assert "rt-a" in i18n.translate_value("blocker", "route table rt-a", "ja")
    assert i18n.translate_value("blocker", "route table rt-a", "ja") != "route table rt-a"
    assert i18n.translate_value("subnet", "Auto Scaling group", "ja") == "Auto Scaling group"
    assert i18n.translate_value("what", "Subnet", "ja") == "サブネット"  # the values table
