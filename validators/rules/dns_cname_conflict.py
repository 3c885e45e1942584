"""dns-cname-conflict: a CNAME record sharing its name with another record, or holding several values."""

from __future__ import annotations

from collections import defaultdict

from model.diagram import Diagram

from ..facts import record_fqdn
from ..finding import Severity
from ..rule import Rule
from ..scope import per_container


def check_zone(diagram: Diagram, zone):
    by_name = defaultdict(list)
    for record in diagram.children(zone.id):
        if record.kind == "DnsRecord":
            by_name[record_fqdn(record, zone)].append(record)
    for name, records in sorted(by_name.items()):
        cnames = [r for r in records if r.get("record_type") == "CNAME"]
        for cname in cnames:
            others = [r for r in records if r.id != cname.id]
            if others:
                yield RULE.finding("CNAME record {record} ({name}) shares its name with {others}.",
                                   [cname.id, *(r.id for r in others)], record=cname.label, name=name,
                                   others=", ".join(r.label for r in others))
            if len(cname.get("values", ())) > 1:
                yield RULE.finding("CNAME record {record} ({name}) has {count} values; a CNAME holds "
                                   "exactly one.", [cname.id], record=cname.label, name=name,
                                   count=len(cname.get("values", ())))


RULE = Rule(
    id="dns-cname-conflict",
    severity=Severity.ERROR,
    title="CNAME sharing its name, or with several values",
    fix="Give the CNAME a name of its own and one target; for a name that needs other records, use "
        "an alias record instead.",
    lesson=("A CNAME says 'this name is really that other name', so DNS forbids any other record "
            "with the same name: resolvers would not know which to believe. For the same reason a "
            "CNAME has exactly one value. Route 53 alias records do not have this limit."),
    docs="https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html",
    watches=("DnsRecord", "HostedZone"),
    watches_properties={"DnsRecord": ("record_name", "record_type", "values"), "HostedZone": ("domain",)},
    watches_relations=False,
    scope=per_container("HostedZone", check_zone),
)
