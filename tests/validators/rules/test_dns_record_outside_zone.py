"""dns-record-outside-zone: record names must lie in the zone's domain."""

from __future__ import annotations

import pytest

from tests.support.builder import DesignBuilder
from validators.rules.dns_record_outside_zone import RULE

from .helpers import findings


def record(name):
    b = DesignBuilder()
    b.add("HostedZone", "zone", domain="example.com")
    b.add("DnsRecord", "rec", "zone", record_name=name)
    return b.diagram


TRIGGERS = [
    pytest.param(record("www.other.org."), id="absolute-name-elsewhere"),
    pytest.param(record("badexample.com."), id="suffix-without-a-dot-boundary"),
]
NEAR_MISSES = [
    pytest.param(record("www"), id="relative-name"),
    pytest.param(record("www.example.com."), id="absolute-name-inside"),
    pytest.param(record("@"), id="apex"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    # the record and the zone it is not inside
    assert [f.resources for f in findings(RULE, diagram)] == [("rec", "zone")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
