"""dns-cname-apex: a CNAME record at a hosted zone's apex."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import fqdn, record_fqdn
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, record):
    zone = diagram.get(record.parent)
    if record.get("record_type") != "CNAME" or zone is None or zone.kind != "HostedZone":
        return
    if record_fqdn(record, zone) == fqdn(zone.get("domain")):
        yield RULE.finding("DNS record {record} is a CNAME at the apex of zone {zone} ({domain}).",
                           [record.id, zone.id], record=record.label, zone=zone.label,
                           domain=fqdn(zone.get("domain")))


RULE = Rule(
    id="dns-cname-apex",
    severity=Severity.ERROR,
    title="CNAME record at the zone apex",
    fix="Use an alias A (and AAAA) record at the apex instead; aliases can point at CloudFront, a "
        "load balancer, API Gateway or an S3 website.",
    lesson=("The apex of a zone (example.com itself) must carry the zone's SOA and NS records, and "
            "DNS forbids a CNAME from sharing its name with any other record. So no CNAME can sit at "
            "the apex, in Route 53 or anywhere. Route 53's alias records solve this: they answer "
            "like an A record but follow an AWS resource's addresses."),
    docs="https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html",
    watches=("DnsRecord", "HostedZone"),
    watches_properties={"DnsRecord": ("record_type", "record_name"), "HostedZone": ("domain",)},
    watches_relations=False,
    scope=per_record("DnsRecord", check_one, reach=1),
)
