"""sg-other-vpc: a resource using a security group of another VPC."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

KINDS = ("Instance", "LoadBalancer", "AutoScalingGroup", "LambdaFunction", "EcsService",
         "VpcEndpoint", "RdsInstance", "AuroraCluster", "ElastiCacheCluster")
#: The properties that place each kind in a VPC, besides the container it is drawn in.
_PLACEMENT = {k: ("subnets",) for k in ("LoadBalancer", "AutoScalingGroup", "LambdaFunction",
                                         "EcsService", "VpcEndpoint", "ElastiCacheCluster")}


def check_one(diagram: Diagram, record):
    here = q.vpc_of(diagram, record.id)
    if here is None:
        return
    for sg_id in record.get("security_groups", ()):
        sg = diagram.get(sg_id) if isinstance(sg_id, str) else None
        if sg is None or sg.kind != "SecurityGroup":
            continue
        there = q.vpc_of(diagram, sg.id)
        if there is not None and there.id != here.id:
            yield RULE.finding("{resource} is in VPC {vpc} but uses security group {sg} of VPC {other}.",
                               [record.id, sg.id], resource=record.label, vpc=here.label, sg=sg.label,
                               other=there.label)


RULE = Rule(
    id="sg-other-vpc",
    severity=Severity.ERROR,
    title="Security group from another VPC",
    fix="Use a security group created in the resource's own VPC.",
    lesson=("A security group belongs to the VPC it was created in and can only be attached to "
            "network interfaces in that VPC. Another VPC's group can at most be referenced in rules "
            "across a same-Region peering, never attached."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/security-groups.html",
    watches=KINDS + ("SecurityGroup", "Subnet", "AvailabilityZone", "Vpc", "DbSubnetGroup"),
    watches_properties={**{k: ("security_groups",) + _PLACEMENT.get(k, ()) for k in KINDS},
                        "SecurityGroup": (), "Subnet": (), "AvailabilityZone": (), "Vpc": (),
                        "DbSubnetGroup": ("subnets",)},
    watches_relations=False,
    scope=per_record(KINDS, check_one, reach=5),
)
