"""nat-private-with-eip: a private NAT gateway given an Elastic IP."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, nat):
    eip = nat.get("elastic_ip")
    if nat.get("connectivity") == "private" and isinstance(eip, str) and eip not in ("", "auto"):
        yield RULE.finding("Private NAT gateway {nat} is given Elastic IP {eip}.", [nat.id],
                           nat=nat.label, eip=eip)


RULE = Rule(
    id="nat-private-with-eip",
    severity=Severity.ERROR,
    title="Private NAT gateway with an Elastic IP",
    fix="Remove the Elastic IP, or make the NAT gateway public if it should reach the internet.",
    lesson=("A private NAT gateway translates to a private address, for traffic to other VPCs or "
            "on-premises networks through a transit gateway or virtual private gateway. It cannot "
            "have an Elastic IP, and an internet gateway drops whatever it sends there."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html",
    watches=("NatGateway",),
    watches_properties={"NatGateway": ("connectivity", "elastic_ip")},
    watches_relations=False,
    scope=per_record("NatGateway", check_one),
)
