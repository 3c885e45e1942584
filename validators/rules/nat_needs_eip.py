"""nat-needs-eip: a public NAT gateway without an Elastic IP."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, nat):
    if nat.get("connectivity") == "public" and nat.get("elastic_ip") == "":
        yield RULE.finding("Public NAT gateway {nat} has no Elastic IP.", [nat.id], nat=nat.label)


RULE = Rule(
    id="nat-needs-eip",
    severity=Severity.ERROR,
    title="Public NAT gateway without an Elastic IP",
    fix="Allocate an Elastic IP for the NAT gateway (or set it to 'auto').",
    lesson=("A public NAT gateway shows the internet one public address for every private instance "
            "behind it, and that address is an Elastic IP associated when the gateway is created. "
            "Without one the gateway cannot be created at all."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html",
    watches=("NatGateway",),
    watches_properties={"NatGateway": ("connectivity", "elastic_ip")},
    watches_relations=False,
    scope=per_record("NatGateway", check_one),
)
