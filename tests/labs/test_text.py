"""Texts in two languages: the locale decides the default language, every kind and every tracer
explanation code has Japanese words, and reports line up Japanese text."""

from __future__ import annotations

from labs.explain import JA_CODES, code_meaning
from labs.report import width
from labs.text import LocalText, default_language, kind_label, kind_labels_ja
from model import kinds as _kinds
from validators.reachability import CODES


def test_the_default_language_follows_the_posix_locale_variables_in_order():
    assert default_language({"LANG": "ja_JP.UTF-8"}) == "ja"
    assert default_language({"LANG": "en_US.UTF-8"}) == "en"
    assert default_language({"LC_ALL": "en_GB.UTF-8", "LANG": "ja_JP.UTF-8"}) == "en"
    assert default_language({"LC_MESSAGES": "ja_JP", "LANG": "C"}) == "ja"
    assert default_language({}) == "en"


def test_every_kind_has_a_japanese_name():
    labels = kind_labels_ja()
    assert sorted(labels) == sorted(k.name for k in _kinds.ALL_KINDS)
    assert kind_label("NatGateway") == LocalText("NAT gateway", "NAT Gateway")
    assert kind_label("Subnet").get("ja") == "サブネット"


def test_every_explanation_code_the_tracer_emits_has_a_japanese_meaning_and_fix():
    assert set(CODES) <= set(JA_CODES)
    for code in CODES:
        meaning, fix = JA_CODES[code]
        assert meaning.endswith("．") and fix.endswith("．")
    assert code_meaning("NO_ROUTE_TO_DESTINATION").get("en") == CODES["NO_ROUTE_TO_DESTINATION"].meaning


def test_local_text_formats_each_language_with_its_own_parameters():
    text = LocalText("{n} goals for {who}", "{who}のゴール{n}個")
    who = LocalText("alice", "アリス")
    assert text.format(n=3, who=who) == LocalText("3 goals for alice", "アリスのゴール3個")
    assert (LocalText("a", "あ") + LocalText("b", "い")).get("ja") == "あい"
    assert LocalText("a", "あ").get("fr") == "a"


def test_wide_characters_take_two_columns():
    assert width("web") == 3 and width("提出物") == 6 and width("ＡＢ") == 4
