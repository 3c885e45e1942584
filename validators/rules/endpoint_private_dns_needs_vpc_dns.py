"""endpoint-private-dns-needs-vpc-dns: an interface endpoint with private DNS in a VPC whose DNS
support or DNS hostnames are off."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, endpoint):
    if endpoint.get("endpoint_type") != "interface" or not endpoint.get("private_dns"):
        return
    vpc = q.vpc_of(diagram, endpoint.id)
    if vpc is None:
        return
    if not (vpc.get("enable_dns_support") and vpc.get("enable_dns_hostnames")):
        yield RULE.finding("Interface endpoint {endpoint} uses private DNS, but VPC {vpc} has DNS "
                           "resolution or DNS hostnames turned off.", [endpoint.id, vpc.id],
                           endpoint=endpoint.label, vpc=vpc.label)


RULE = Rule(
    id="endpoint-private-dns-needs-vpc-dns",
    severity=Severity.ERROR,
    title="Endpoint private DNS in a VPC without DNS support",
    fix="Turn on both DNS resolution and DNS hostnames on the VPC, or turn off private DNS on the "
        "endpoint.",
    lesson=("With private DNS, the service's usual name (such as logs.us-east-1.amazonaws.com) "
            "resolves to the endpoint's private addresses inside the VPC. That relies on the VPC's "
            "Amazon DNS server, so AWS requires both DNS resolution and DNS hostnames to be enabled "
            "on the VPC."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html",
    watches=("VpcEndpoint", "Vpc"),
    watches_properties={"VpcEndpoint": ("endpoint_type", "private_dns", "subnets"),
                        "Vpc": ("enable_dns_support", "enable_dns_hostnames")},
    watches_relations=False,
    scope=per_record("VpcEndpoint", check_one, reach=3),
)
