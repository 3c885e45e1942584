"""The command line speaks the chosen language: validate and trace with --language ja (or a Japanese
locale) print Japanese; JSON and SARIF keep the English message and add a localized one."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.support.builder import ROOT

LAB_START = ROOT / "labs" / "course" / "02-internet-and-nat-gateway.start.kumozu.yaml"
EXAMPLE = ROOT / "examples" / "dual-az-web.kumozu.yaml"
pytestmark = pytest.mark.slow


def kumozu(*args: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    env["LANG"] = lang
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_validate_in_japanese_prints_japanese_messages_fixes_and_summary():
    done = kumozu("validate", str(LAB_START), "--language", "ja")
    assert done.returncode == 1, done.stderr
    assert "エラー nat-in-private-subnet: パブリックNATゲートウェイ「nat-gateway」があるサブネット「private-a」" in done.stdout
    assert "    対処：NATゲートウェイをパブリックサブネット" in done.stdout
    assert "エラー1件，警告0件，情報0件（リソース12個）" in done.stdout


def test_validate_follows_a_japanese_locale_and_english_stays_the_default():
    assert "パブリックNATゲートウェイ" in kumozu("validate", str(LAB_START), lang="ja_JP.UTF-8").stdout
    english = kumozu("validate", str(LAB_START)).stdout
    assert "Public NAT gateway nat-gateway is in subnet private-a" in english
    chosen = kumozu("validate", str(LAB_START), "--language", "en", lang="ja_JP.UTF-8").stdout
    assert "Public NAT gateway" in chosen and "パブリック" not in chosen


def test_json_and_sarif_keep_english_and_add_the_localized_texts():
    doc = json.loads(kumozu("validate", str(LAB_START), "--format", "json", "--language", "ja").stdout)
    finding = doc["findings"][0]
    assert finding["message"].startswith("Public NAT gateway")
    assert finding["localized"]["language"] == "ja"
    assert finding["localized"]["message"].startswith("パブリックNATゲートウェイ")
    assert finding["localized"]["title"] == "プライベートサブネットにあるパブリックNATゲートウェイ"
    sarif = json.loads(kumozu("validate", str(LAB_START), "--format", "sarif", "--language", "ja").stdout)
    result = sarif["runs"][0]["results"][0]
    assert result["message"]["text"].startswith("Public NAT gateway")
    assert result["properties"]["localized"]["message"].startswith("パブリックNATゲートウェイ")
    english = json.loads(kumozu("validate", str(LAB_START), "--format", "json").stdout)
    assert "localized" not in english["findings"][0]


def test_trace_in_japanese_tells_the_story_in_japanese():
    done = kumozu("trace", str(EXAMPLE), "--from", "internet", "--to", "db", "--port", "5432",
                  "--language", "ja")
    assert done.returncode == 1, done.stderr
    story = done.stdout
    assert story.startswith("トレース：インターネット → web-db（db）（tcp/5432）")
    assert "行き：" in story and "判定：到達不可" in story
    assert "コード：IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS — インターネットから入ってくる通信" in story
    assert "対処：" in story
    reachable = kumozu("trace", str(EXAMPLE), "--from", "internet", "--to", "web", "--language", "ja").stdout
    assert "判定：到達可能" in reachable and "戻り（応答）：" in reachable and "TLSはweb-alb" in reachable


def test_trace_json_adds_the_localized_story():
    doc = json.loads(kumozu("trace", str(EXAMPLE), "--from", "internet", "--to", "web", "--format", "json",
                            "--language", "ja").stdout)
    assert doc["reachable"] is True
    assert doc["localized"]["verdict"] == "判定：到達可能"
    assert doc["localized"]["story"].startswith("トレース：")
