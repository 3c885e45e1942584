"""subnet-az-mismatch: a subnet drawn in one Availability Zone box but set to another zone."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, subnet):
    box = diagram.get(subnet.parent)
    own = subnet.get("availability_zone")
    if box is None or box.kind != "AvailabilityZone" or not isinstance(own, str) or not own:
        return
    zone = box.get("zone")
    if isinstance(zone, str) and zone and zone != own:
        yield RULE.finding("Subnet {subnet} is drawn in Availability Zone {box} ({zone}) but is set "
                           "to {own}.", [subnet.id, box.id], subnet=subnet.label, box=box.label,
                           zone=zone, own=own)


RULE = Rule(
    id="subnet-az-mismatch",
    severity=Severity.ERROR,
    title="Subnet in one zone box but set to another zone",
    fix="Move the subnet into the box of its zone, or change its Availability Zone to match the box.",
    lesson=("A subnet lives entirely in one Availability Zone and cannot span or change zones. "
            "Everything placed in it inherits that zone, so the zone a subnet is drawn in and the "
            "zone it is created in must be the same."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html",
    watches=("Subnet", "AvailabilityZone"),
    watches_properties={"Subnet": ("availability_zone",), "AvailabilityZone": ("zone",)},
    watches_relations=False,
    scope=per_record("Subnet", check_one, reach=1),
)
