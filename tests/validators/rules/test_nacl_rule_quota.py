"""nacl-rule-quota: 20 rules per direction and family."""

from __future__ import annotations

import pytest

from validators.rules.nacl_rule_quota import RULE

from .helpers import findings, network


def acl(count):
    b = network()
    b.add("NetworkAcl", "acl", "vpc", outbound=[{"rule_number": 100 + i, "cidr": f"10.{i}.0.0/16"}
                                                 for i in range(count)])
    return b.diagram


TRIGGERS = [pytest.param(acl(21), id="21-outbound-rules")]
NEAR_MISSES = [pytest.param(acl(20), id="20-outbound-rules")]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("acl",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
