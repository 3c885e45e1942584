"""dns-record-outside-zone: a record whose full name is not in its hosted zone's domain."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import fqdn, record_fqdn
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, record):
    zone = diagram.get(record.parent)
    if zone is None or zone.kind != "HostedZone":
        return
    domain, name = fqdn(zone.get("domain")), record_fqdn(record, zone)
    if domain and name and name != domain and not name.endswith("." + domain):
        yield RULE.finding("DNS record {record} ({name}) is not inside zone {zone} ({domain}).",
                           [record.id, zone.id], record=record.label, name=name, zone=zone.label,
                           domain=domain)


RULE = Rule(
    id="dns-record-outside-zone",
    severity=Severity.ERROR,
    title="DNS record outside its hosted zone",
    fix="Name the record inside the zone (www rather than www.other.org.), or move it to the zone of "
        "its domain.",
    lesson=("A hosted zone answers for one domain and everything below it. A record for a name "
            "outside that domain would never be asked for, so Route 53 refuses it: the record name "
            "must be the zone name or end with it."),
    docs="https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html",
    watches=("DnsRecord", "HostedZone"),
    watches_properties={"DnsRecord": ("record_name",), "HostedZone": ("domain",)},
    watches_relations=False,
    scope=per_record("DnsRecord", check_one, reach=1),
)
