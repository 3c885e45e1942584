"""sg-rule-quota: 60 rules per direction and family."""

from __future__ import annotations

import pytest

from validators.rules.sg_rule_quota import RULE

from .helpers import findings, network


def sg(count):
    b = network()
    b.add("SecurityGroup", "sg", "vpc", ingress=[{"protocol": "tcp", "from_port": 443, "to_port": 443,
                                                   "cidr": f"10.{i // 256}.{i % 256}.0/24"}
                                                  for i in range(count)])
    return b.diagram


TRIGGERS = [pytest.param(sg(61), id="61-inbound-rules")]
NEAR_MISSES = [pytest.param(sg(60), id="60-inbound-rules")]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("sg",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
