"""docs/tracing.md keeps up with the code: every explanation code with its meaning, every JSON key,
every implied-flow category."""

from __future__ import annotations

import json
import re

from tests.support.builder import ROOT, load_example
from validators.reachability import CODES, Flow, trace
from validators.reachability.cli import as_json
from validators.reachability.implied import implied_flows

DOC = (ROOT / "docs" / "tracing.md").read_text(encoding="utf-8")


def test_every_code_is_documented_with_its_meaning():
    for code in CODES.values():
        row = next((line for line in DOC.splitlines() if line.startswith(f"| `{code.name}`")), None)
        assert row is not None, code.name
        assert code.meaning in row and code.fix in row


def test_every_json_key_is_documented():
    d = load_example("dual-az-web")
    doc = json.loads(as_json("x", d, trace(d, Flow("internet", "db", "tcp", 3306))))
    keys = set(doc) | set(doc["paths"][0]) | set(doc["paths"][0]["forward"][0]) | set(doc["blocked"])
    for key in keys:
        assert re.search(rf"`{key}`", DOC), key


def test_every_implied_category_is_documented():
    categories = {i.category for ex in ("dual-az-web", "ecs-fargate") for i in implied_flows(load_example(ex))}
    categories |= {"health-check", "aws-api", "sg-reference", "alias", "logs"}
    for category in categories:
        assert f"`{category}`" in DOC, category
