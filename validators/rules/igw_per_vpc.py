"""igw-per-vpc: more than one internet gateway (or egress-only internet gateway) attached to a VPC."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import in_vpc, names
from ..finding import Severity
from ..rule import Rule
from ..scope import per_vpc


def check_vpc(diagram: Diagram, vpc):
    for kind, label in (("InternetGateway", "internet gateways"),
                        ("EgressOnlyInternetGateway", "egress-only internet gateways")):
        attached = [g for g in in_vpc(diagram, vpc.id, kind) if g.get("vpc") == vpc.id]
        if len(attached) > 1:
            yield RULE.finding("VPC {vpc} has {count} " + label + " attached: {gateways}.",
                               [vpc.id, *(g.id for g in attached)], vpc=vpc.label,
                               count=len(attached), gateways=names(attached))


RULE = Rule(
    id="igw-per-vpc",
    severity=Severity.ERROR,
    title="More than one internet gateway on a VPC",
    fix="Keep one internet gateway per VPC and route every public subnet to it.",
    lesson=("A VPC can have only one internet gateway attached at a time, and one egress-only "
            "internet gateway. The gateway is horizontally scaled and redundant by itself, so a "
            "second one would add nothing; every public subnet's route table points at the one."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html",
    watches=("InternetGateway", "EgressOnlyInternetGateway", "Vpc"),
    watches_properties={"InternetGateway": ("vpc",), "EgressOnlyInternetGateway": ("vpc",), "Vpc": ()},
    watches_relations=False,
    scope=per_vpc(check_vpc),
)
