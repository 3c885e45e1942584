"""endpoint-private-dns-duplicate: two interface endpoints for one service with private DNS in one VPC."""

from __future__ import annotations

from collections import defaultdict

from model.diagram import Diagram

from ..facts import in_vpc, names
from ..finding import Severity
from ..rule import Rule
from ..scope import per_vpc


def check_vpc(diagram: Diagram, vpc):
    by_service = defaultdict(list)
    for endpoint in in_vpc(diagram, vpc.id, "VpcEndpoint"):
        if endpoint.get("endpoint_type") == "interface" and endpoint.get("private_dns") \
                and isinstance(endpoint.get("service"), str):
            by_service[endpoint.get("service")].append(endpoint)
    for service, endpoints in sorted(by_service.items()):
        if len(endpoints) > 1:
            yield RULE.finding("VPC {vpc} has {count} interface endpoints for {service} with private "
                               "DNS: {endpoints}.", [e.id for e in endpoints], vpc=vpc.label,
                               count=len(endpoints), service=service, endpoints=names(endpoints))


RULE = Rule(
    id="endpoint-private-dns-duplicate",
    severity=Severity.ERROR,
    title="Two endpoints for one service with private DNS",
    fix="Keep one interface endpoint per service in the VPC (give it a subnet in every zone), or turn "
        "private DNS off on the others.",
    lesson=("Private DNS makes the service's public name resolve to the endpoint inside the VPC. "
            "Only one endpoint per service and VPC can own that name, so AWS refuses a second one "
            "with private DNS enabled. One endpoint with a subnet in each zone serves the whole VPC."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html",
    watches=("VpcEndpoint", "Vpc"),
    watches_properties={"VpcEndpoint": ("endpoint_type", "private_dns", "service", "subnets"),
                        "Vpc": ()},
    watches_relations=False,
    scope=per_vpc(check_vpc),
)
