"""dns-alias-target: alias records Route 53 can resolve."""

from __future__ import annotations

import pytest

from validators.rules.dns_alias_target import RULE

from .helpers import findings, network


def alias(target, record_type="A", name="www", **bucket):
    b = network()
    b.add("LoadBalancer", "alb", "vpc", subnets=["pub-a", "pub-b"])
    b.add("VpcEndpoint", "gw-s3", "vpc", endpoint_type="gateway", service="s3")
    b.add("S3Bucket", "site", "region", **{"website": True, "bucket_name": "www.example.com", **bucket})
    b.add("HostedZone", "zone", domain="example.com")
    b.add("HostedZone", "zone2", domain="example.org")
    b.add("DnsRecord", "other", "zone2", record_name="www", record_type="A")
    b.add("DnsRecord", "rec", "zone", record_name=name, record_type=record_type, alias_target=target)
    return b.diagram


TRIGGERS = [
    pytest.param(alias("alb", record_type="TXT"), id="txt-alias-to-load-balancer"),
    pytest.param(alias("gw-s3"), id="gateway-endpoint"),
    pytest.param(alias("site", website=False), id="bucket-without-website"),
    pytest.param(alias("site", bucket_name="assets.example.com"), id="bucket-name-differs"),
    pytest.param(alias("other"), id="record-in-another-zone"),
]
NEAR_MISSES = [
    pytest.param(alias("alb"), id="a-alias-to-load-balancer"),
    pytest.param(alias("alb", record_type="AAAA"), id="aaaa-alias"),
    pytest.param(alias("site"), id="website-bucket-named-like-the-record"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    [f] = findings(RULE, diagram)
    assert f.resources[0] == "rec"


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
