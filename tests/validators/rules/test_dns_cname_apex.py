"""dns-cname-apex: a CNAME at a hosted zone's apex."""

from __future__ import annotations

import pytest

from tests.support.builder import DesignBuilder
from validators.rules.dns_cname_apex import RULE

from .helpers import findings


def record(name, record_type="CNAME", domain="example.com"):
    b = DesignBuilder()
    b.add("HostedZone", "zone", domain=domain)
    b.add("DnsRecord", "rec", "zone", record_name=name, record_type=record_type,
          values=["target.example.net"])
    return b.diagram


TRIGGERS = [
    pytest.param(record("@"), id="at-sign"),
    pytest.param(record(""), id="empty-name"),
    pytest.param(record("example.com."), id="zone-name-absolute"),
    pytest.param(record("Example.COM"), id="zone-name-other-case"),
    pytest.param(record("@", domain="shop.example.com"), id="apex-of-a-subdomain-zone"),
]

NEAR_MISSES = [
    pytest.param(record("www"), id="cname-below-the-apex"),
    pytest.param(record("@", record_type="A"), id="a-record-at-the-apex"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("rec", "zone")]  # record and its zone


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
