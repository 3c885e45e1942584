"""The kind catalogue: every service of the notes is there, and the catalogue is self-consistent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from model import kinds
from model.schema import FieldType, check_value

ROOT = Path(__file__).resolve().parents[2]

#: Every service the domain notes (shared/seed/aws-network-notes.ja.md) name, with the kind that
#: stands for it. The notes are the product's origin: each of these must be in the palette.
NOTES_SERVICES = {
    "Route53 hosted zone": "HostedZone", "Route53 record (A/AAAA/CNAME/alias)": "DnsRecord",
    "CloudFront": "CloudFrontDistribution", "CloudTrail": "CloudTrailTrail", "S3": "S3Bucket",
    "API Gateway": "ApiGateway", "SQS": "SqsQueue", "SNS (event action)": "SnsTopic",
    "Lambda": "LambdaFunction", "CloudWatch Logs": "LogGroup", "CloudWatch Events": "EventRule",
    "ACM / ATS certificate": "AcmCertificate", "ALB / NLB": "LoadBalancer",
    "target group": "TargetGroup", "EC2": "Instance", "Lightsail": "LightsailInstance",
    "Region": "Region", "Availability Zone": "AvailabilityZone", "security group": "SecurityGroup",
    "VPC": "Vpc", "subnet": "Subnet", "VPC endpoint": "VpcEndpoint",
    "internet gateway": "InternetGateway", "NAT gateway": "NatGateway", "route table": "RouteTable",
    "network ACL": "NetworkAcl", "Aurora": "AuroraCluster", "RDS": "RdsInstance",
    "DynamoDB": "DynamoDbTable", "ElastiCache": "ElastiCacheCluster",
    "Auto Scaling": "AutoScalingGroup", "VPC peering": "VpcPeering", "ECS cluster": "EcsCluster",
    "ECS service": "EcsService", "task definition": "TaskDefinition", "ECR": "EcrRepository",
    "CodeDeploy (blue/green)": "CodeDeployApplication", "IAM user": "IamUser",
    "IAM group": "IamGroup", "IAM role": "IamRole", "IAM policy": "IamPolicy",
}


@pytest.mark.parametrize("service,kind_name", sorted(NOTES_SERVICES.items()))
def test_every_service_of_the_notes_has_a_kind(service, kind_name):
    assert kinds.is_kind(kind_name), f"{service} has no kind {kind_name}"


def test_the_issue_lists_db_subnet_groups_and_transit_gateways_too():
    for name in ("DbSubnetGroup", "TransitGateway", "EgressOnlyInternetGateway", "GenericResource"):
        assert kinds.is_kind(name)


@pytest.mark.parametrize("kind", kinds.ALL_KINDS, ids=lambda k: k.name)
def test_kind_is_consistent(kind):
    """Parents exist, references name real kinds, defaults pass the kind's own type checks."""
    names = {k.name for k in kinds.ALL_KINDS}
    assert kind.category in kinds.CATEGORIES
    assert kind.parents, "every kind must be placeable somewhere"
    for parent in kind.parents:
        assert parent is None or parent in names
        assert parent is None or kinds.kind(parent).container, f"{parent} is not a container"
    for field in kind.fields:
        check_value(field, field.default)
        for sub in field.fields:
            check_value(sub, sub.default)
            assert not sub.is_reference or set(sub.ref_kinds) <= names
        if field.is_reference:
            assert set(field.ref_kinds) <= names and field.relation
    assert kind.description.endswith("."), "descriptions are shown as tooltips: whole sentences"


@pytest.mark.parametrize("kind", kinds.ALL_KINDS, ids=lambda k: k.name)
def test_every_kind_has_its_own_icon(kind):
    assert (ROOT / "icons" / f"{kind.icon}.svg").is_file()


def test_containment_follows_aws_nesting():
    assert kinds.may_contain(None, "Region")
    assert kinds.may_contain("Region", "Vpc")
    assert kinds.may_contain("Vpc", "AvailabilityZone")
    assert kinds.may_contain("AvailabilityZone", "Subnet")
    assert kinds.may_contain("Subnet", "Instance")
    assert kinds.may_contain("Subnet", "NatGateway")
    assert not kinds.may_contain("Subnet", "Vpc")
    assert not kinds.may_contain(None, "Subnet"), "a subnet always belongs to a VPC"
    assert not kinds.may_contain("Vpc", "NatGateway"), "a NAT gateway lives in one subnet"


def test_a_subnet_keeps_both_its_vpc_and_its_zone():
    subnet = kinds.kind("Subnet")
    assert "Vpc" in subnet.parents and "AvailabilityZone" in subnet.parents
    assert subnet.field("availability_zone") is not None


def test_relations_of_lists_both_directions():
    relations = kinds.relations_of("RouteTable")
    assert ("in", "associated with", "Subnet") in relations
    assert ("out", "routes to", "NatGateway") in relations
    assert ("out", "routes to", "InternetGateway") in relations


def test_route_targets_cover_the_issue_list():
    route_target = kinds.kind("RouteTable").field("routes").record_field("target")
    for target in ("InternetGateway", "NatGateway", "VpcPeering", "VpcEndpoint", "Instance",
                   "TransitGateway", "EgressOnlyInternetGateway"):
        assert target in route_target.ref_kinds


def test_security_groups_start_with_aws_default_rules():
    sg = kinds.kind("SecurityGroup")
    assert sg.field("ingress").default == ()
    (egress,) = sg.field("egress").default
    assert egress["protocol"] == "all" and egress["cidr"] == "0.0.0.0/0"


def test_icon_stems_are_readable_file_names():
    assert all(re.fullmatch(r"[a-z0-9_]+", k.icon) for k in kinds.ALL_KINDS)
    assert kinds.kind("DynamoDbTable").icon == "dynamodb_table"


def test_unknown_kind_is_a_typed_error():
    from model.errors import UnknownKindError
    with pytest.raises(UnknownKindError):
        kinds.kind("Mainframe")


def test_field_types_are_all_used():
    used = {f.type for k in kinds.ALL_KINDS for f in k.fields} | {
        s.type for k in kinds.ALL_KINDS for f in k.fields for s in f.fields}
    assert used >= set(FieldType) - {FieldType.CIDR}


def test_an_aurora_cluster_holds_at_most_sixteen_instances(builder):
    """A writer and up to 15 replicas, as AWS allows: a larger count is refused by the model (the
    export wrote one DBInstance per instance: a fuzzed 70,000 made a 24 MB template)."""
    import pytest

    from model import edits
    from model.errors import PropertyError

    builder.vpc("vpc", "10.0.0.0/16")
    builder.add("AuroraCluster", "db", "vpc", instance_count=16)
    with pytest.raises(PropertyError, match="outside 0..16"):
        builder.diagram.apply(edits.set_property(builder.diagram, "db", "instance_count", 17))
    assert builder.diagram["db"].get("instance_count") == 16
