"""RDS and Aurora, DB subnet groups, DynamoDB, ElastiCache and S3."""

from __future__ import annotations

from ...resources import Resource
from ..writer import Writer
from . import writes
from .compute import _text

__all__ = ["rds_instance", "aurora_cluster", "db_subnet_group", "dynamodb_table", "elasticache",
           "s3_bucket"]

#: Databases keep a final snapshot when the stack deletes or replaces them.
_KEEP = {"DeletionPolicy": "Snapshot", "UpdateReplacePolicy": "Snapshot"}


def _port(w: Writer, r: Resource):
    return _text(w.value(r.get("port"))) if r.get("port") else None


@writes("RdsInstance")
def rds_instance(w: Writer, r: Resource) -> None:
    w.add(w.main(r), "AWS::RDS::DBInstance", {
        "Engine": w.value(r.get("engine")), "DBInstanceClass": w.value(r.get("instance_class")),
        "AllocatedStorage": "20", "MasterUsername": "dbadmin", "ManageMasterUserPassword": True,
        "MultiAZ": w.value(r.get("multi_az")), "PubliclyAccessible": w.value(r.get("publicly_accessible")),
        "DBSubnetGroupName": w.ref(r.get("db_subnet_group")) if r.get("db_subnet_group") else None,
        "VPCSecurityGroups": w.refs(r.get("security_groups"), "GroupId") or None,
        "Port": _port(w, r), "StorageEncrypted": w.value(r.get("storage_encrypted")),
        "BackupRetentionPeriod": w.value(r.get("backup_retention")),
        "DeletionProtection": w.value(r.get("deletion_protection"))}, r, **_KEEP)


@writes("AuroraCluster")
def aurora_cluster(w: Writer, r: Resource) -> None:
    group = w.ref(r.get("db_subnet_group")) if r.get("db_subnet_group") else None
    logical = w.add(w.main(r), "AWS::RDS::DBCluster", {
        "Engine": w.value(r.get("engine")), "MasterUsername": "dbadmin",
        "ManageMasterUserPassword": True, "DBSubnetGroupName": group,
        "VpcSecurityGroupIds": w.refs(r.get("security_groups"), "GroupId") or None,
        "Port": w.value(r.get("port")) or None, "StorageEncrypted": w.value(r.get("storage_encrypted")),
        "DeletionProtection": w.value(r.get("deletion_protection"))}, r, **_KEEP)
    count = r.get("instance_count")
    for i in range(1, count + 1 if isinstance(count, int) else 1):
        w.add(w.helper_id(r, f"Instance{i}"), "AWS::RDS::DBInstance", {
            "DBClusterIdentifier": {"Ref": logical}, "Engine": w.value(r.get("engine")),
            "DBInstanceClass": w.value(r.get("instance_class")), "DBSubnetGroupName": group}, r, **_KEEP)


@writes("DbSubnetGroup")
def db_subnet_group(w: Writer, r: Resource) -> None:
    w.add(w.main(r), "AWS::RDS::DBSubnetGroup", {
        "DBSubnetGroupDescription": w.value(r.get("description")) or r.label,
        "SubnetIds": w.refs(r.get("subnets"))}, r)


@writes("DynamoDbTable")
def dynamodb_table(w: Writer, r: Resource) -> None:
    keys = [{"AttributeName": w.value(r.get("partition_key")) or "id", "KeyType": "HASH"}]
    if r.get("sort_key"):
        keys.append({"AttributeName": w.value(r.get("sort_key")), "KeyType": "RANGE"})
    provisioned = r.get("billing_mode") == "PROVISIONED"
    w.add(w.main(r), "AWS::DynamoDB::Table", {
        "BillingMode": w.value(r.get("billing_mode")), "KeySchema": keys,
        "AttributeDefinitions": [{"AttributeName": k["AttributeName"], "AttributeType": "S"}
                                 for k in keys],
        "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
        if provisioned else None,
        "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True}
        if r.get("point_in_time_recovery") is True else None,
        "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"}
        if r.get("stream") is True else None}, r, DeletionPolicy="Retain", UpdateReplacePolicy="Retain")


@writes("ElastiCacheCluster")
def elasticache(w: Writer, r: Resource) -> None:
    subnets = w.refs(r.get("subnets"))
    group = None
    if subnets:
        group = {"Ref": w.add(w.helper_id(r, "SubnetGroup"), "AWS::ElastiCache::SubnetGroup", {
            "Description": f"Subnets of {r.label}", "SubnetIds": subnets}, r)}
    groups = w.refs(r.get("security_groups"), "GroupId") or None
    if r.get("engine") == "memcached":
        w.add(w.main(r), "AWS::ElastiCache::CacheCluster", {
            "Engine": "memcached", "CacheNodeType": w.value(r.get("node_type")), "NumCacheNodes": 1,
            "CacheSubnetGroupName": group, "VpcSecurityGroupIds": groups,
            "Port": w.value(r.get("port")),
            "TransitEncryptionEnabled": w.value(r.get("transit_encryption"))}, r)
        return
    replicas = r.get("replicas")
    w.add(w.main(r), "AWS::ElastiCache::ReplicationGroup", {
        "ReplicationGroupDescription": r.label, "Engine": w.value(r.get("engine")),
        "CacheNodeType": w.value(r.get("node_type")),
        "NumCacheClusters": replicas + 1 if isinstance(replicas, int) else w.value(replicas),
        "AutomaticFailoverEnabled": w.value(r.get("automatic_failover")),
        "MultiAZEnabled": w.value(r.get("multi_az")), "CacheSubnetGroupName": group,
        "SecurityGroupIds": groups, "Port": w.value(r.get("port")),
        "TransitEncryptionEnabled": w.value(r.get("transit_encryption")),
        "AtRestEncryptionEnabled": w.value(r.get("at_rest_encryption"))}, r)


@writes("S3Bucket")
def s3_bucket(w: Writer, r: Resource) -> None:
    blocked = r.get("block_public_access")
    w.add(w.main(r), "AWS::S3::Bucket", {
        "BucketName": w.value(r.get("bucket_name")) or None,
        "WebsiteConfiguration": {"IndexDocument": "index.html"} if r.get("website") is True else None,
        "VersioningConfiguration": {"Status": "Enabled"} if r.get("versioning") is True else None,
        "PublicAccessBlockConfiguration": {key: w.value(blocked) for key in (
            "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")},
        "BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {
            "SSEAlgorithm": "aws:kms" if r.get("encryption") == "SSE-KMS" else "AES256"}}]}}, r,
        DeletionPolicy="Retain", UpdateReplacePolicy="Retain")
