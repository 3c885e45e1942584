"""dns-cname-conflict: a CNAME owns its name alone and has one value."""

from __future__ import annotations

import pytest

from tests.support.builder import DesignBuilder
from validators.rules.dns_cname_conflict import RULE

from .helpers import findings


def zone(*records):
    b = DesignBuilder()
    b.add("HostedZone", "zone", domain="example.com")
    for i, (name, record_type, values) in enumerate(records):
        b.add("DnsRecord", f"r{i}", "zone", record_name=name, record_type=record_type, values=list(values))
    return b.diagram


TRIGGERS = [
    pytest.param(zone(("www", "CNAME", ["a.example.net"]), ("www", "TXT", ["hello"])), ("r0", "r1"),
                 id="cname-and-txt-share-www"),
    pytest.param(zone(("www", "CNAME", ["a.example.net"]), ("www.example.com.", "A", ["192.0.2.1"])),
                 ("r0", "r1"), id="same-name-written-absolute"),
    pytest.param(zone(("www", "CNAME", ["a.example.net", "b.example.net"])), ("r0",),
                 id="two-values"),
]
NEAR_MISSES = [
    pytest.param(zone(("www", "CNAME", ["a.example.net"]), ("api", "TXT", ["hello"])), id="other-names"),
    pytest.param(zone(("www", "A", ["192.0.2.1"]), ("www", "TXT", ["hello"])), id="a-and-txt-may-share"),
]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    assert [f.resources for f in findings(RULE, diagram)] == [involved]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
