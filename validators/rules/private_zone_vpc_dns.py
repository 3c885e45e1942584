"""private-zone-vpc-dns: a private hosted zone for a VPC whose DNS support or hostnames are off, or
for no VPC at all."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, zone):
    if not zone.get("private"):
        return
    vpcs = [v for v in (diagram.get(i) for i in zone.get("vpcs", ()) if isinstance(i, str))
            if v is not None and v.kind == "Vpc"]
    if not vpcs:
        yield RULE.finding("Private hosted zone {zone} is associated with no VPC, so nothing can "
                           "resolve it.", [zone.id], zone=zone.label)
    for vpc in vpcs:
        if not (vpc.get("enable_dns_support") and vpc.get("enable_dns_hostnames")):
            yield RULE.finding("Private hosted zone {zone} serves VPC {vpc}, whose DNS resolution or DNS "
                               "hostnames are off.", [zone.id, vpc.id], zone=zone.label, vpc=vpc.label)


RULE = Rule(
    id="private-zone-vpc-dns",
    severity=Severity.ERROR,
    title="Private hosted zone its VPCs cannot resolve",
    fix="Associate the zone with its VPCs and turn on DNS resolution and DNS hostnames on each.",
    lesson=("A private hosted zone is answered only inside the VPCs associated with it, by the "
            "VPC's Amazon DNS server. AWS requires both DNS resolution and DNS hostnames on those "
            "VPCs; a private zone with no VPC is answered nowhere."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html",
    watches=("HostedZone", "Vpc"),
    watches_properties={"HostedZone": ("private", "vpcs"),
                        "Vpc": ("enable_dns_support", "enable_dns_hostnames")},
    watches_relations=False,
    scope=per_record("HostedZone", check_one, reach=1),
)
