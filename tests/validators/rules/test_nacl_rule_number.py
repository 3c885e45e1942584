"""nacl-rule-number: rule numbers 1–32766, once per direction."""

from __future__ import annotations

import pytest

from validators.rules.nacl_rule_number import RULE

from .helpers import findings, network


def acl(*numbers, outbound=()):
    b = network()
    b.add("NetworkAcl", "acl", "vpc", inbound=[{"rule_number": n} for n in numbers],
          outbound=[{"rule_number": n} for n in outbound])
    return b.diagram


TRIGGERS = [
    pytest.param(acl(100, 100), id="100-twice"),
    pytest.param(acl(32767), id="above-32766"),
    pytest.param(acl(0), id="zero"),
]
NEAR_MISSES = [
    pytest.param(acl(100, 200, 32766), id="distinct-valid-numbers"),
    pytest.param(acl(100, outbound=(100,)), id="same-number-in-each-direction"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("acl",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
