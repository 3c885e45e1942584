"""cidr-docker-range: a VPC or subnet block overlapping 172.17.0.0/16, which some AWS services use."""

from __future__ import annotations

import ipaddress

from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

DOCKER = ipaddress.ip_network("172.17.0.0/16")


def check_one(diagram: Diagram, record):
    texts = list(record.get("cidr_blocks", ())) if record.kind == "Vpc" else [record.get("cidr")]
    for text in texts:
        n = net(text)
        if n is not None and n.version == 4 and n.overlaps(DOCKER):
            yield RULE.finding("{what} {name}: {cidr} overlaps 172.17.0.0/16, a range some AWS "
                               "services use internally.", [record.id],
                               what="VPC" if record.kind == "Vpc" else "Subnet", name=record.label,
                               cidr=text)


RULE = Rule(
    id="cidr-docker-range",
    severity=Severity.WARNING,
    title="Block overlapping 172.17.0.0/16",
    fix="Pick another private range, e.g. 172.16.0.0/16 or 10.0.0.0/16.",
    lesson=("Some AWS services, among them Cloud9 and SageMaker, and Docker's default bridge network "
            "use 172.17.0.0/16 on the instances they run. A VPC using the same range can then "
            "not tell its own addresses from those, and traffic goes astray. AWS advises avoiding "
            "the range altogether."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html",
    watches=("Vpc", "Subnet"),
    watches_properties={"Vpc": ("cidr_blocks",), "Subnet": ("cidr",)},
    watches_relations=False,
    scope=per_record(("Vpc", "Subnet"), check_one),
)
