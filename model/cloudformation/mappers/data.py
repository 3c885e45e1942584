"""RDS, Aurora, ElastiCache, DynamoDB and S3."""

from __future__ import annotations

from typing import Any

from ..context import ImportContext
from ..values import as_list, is_unknown, text
from . import maps
from .common import choice, fold_target, get_flag, get_number, get_text, is_ref_to

__all__ = ["db_instance", "db_cluster", "db_subnet_group", "replication_group", "cache_cluster",
           "cache_subnet_group", "dynamodb_table", "s3_bucket"]

_ENGINES = ("mysql", "postgres", "mariadb", "oracle-se2", "sqlserver-ex")


def _plan_db_instance(ctx: ImportContext, logical: str):
    if is_ref_to(ctx, ctx.props(logical).get("DBClusterIdentifier"), "AWS::RDS::DBCluster"):
        return None
    return "RdsInstance"


@maps("AWS::RDS::DBInstance", kind="RdsInstance", plan=_plan_db_instance)
def db_instance(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    if logical not in ctx.model_ids or ctx.kinds.get(ctx.model_ids[logical]) != "RdsInstance":
        cluster = fold_target(ctx, p.get("DBClusterIdentifier"), "AuroraCluster")
        ctx.fold(logical, cluster.id)
        if cluster.props["instance_count"] == 0:
            cluster.props["instance_class"] = get_text(ctx, logical, p, "DBInstanceClass",
                                                       cluster.props["instance_class"])
        cluster.props["instance_count"] += 1
        return
    if p.get("Engine") is None:
        ctx.note(logical, "the instance names no engine (a restore from a snapshot); it is drawn "
                          "as mysql")
    ctx.new(logical, engine=choice(ctx, logical, "Engine", p.get("Engine"), _ENGINES, "mysql"),
            instance_class=get_text(ctx, logical, p, "DBInstanceClass"),
            multi_az=get_flag(ctx, logical, p, "MultiAZ"),
            publicly_accessible=get_flag(ctx, logical, p, "PubliclyAccessible"),
            db_subnet_group=ctx.ref(logical, "DBSubnetGroupName", p.get("DBSubnetGroupName"),
                                    ("DbSubnetGroup",)),
            security_groups=ctx.refs(logical, "VPCSecurityGroups", p.get("VPCSecurityGroups"),
                                     ("SecurityGroup",)),
            port=get_number(ctx, logical, p, "Port", 0),
            storage_encrypted=get_flag(ctx, logical, p, "StorageEncrypted"),
            backup_retention=get_number(ctx, logical, p, "BackupRetentionPeriod", 1),
            deletion_protection=get_flag(ctx, logical, p, "DeletionProtection"))


@maps("AWS::RDS::DBCluster", kind="AuroraCluster")
def db_cluster(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    ctx.new(logical, engine=choice(ctx, logical, "Engine", p.get("Engine"),
                                   ("aurora-mysql", "aurora-postgresql"), "aurora-mysql"),
            instance_count=0,
            db_subnet_group=ctx.ref(logical, "DBSubnetGroupName", p.get("DBSubnetGroupName"),
                                    ("DbSubnetGroup",)),
            security_groups=ctx.refs(logical, "VpcSecurityGroupIds", p.get("VpcSecurityGroupIds"),
                                     ("SecurityGroup",)),
            port=get_number(ctx, logical, p, "Port", 0),
            storage_encrypted=get_flag(ctx, logical, p, "StorageEncrypted"),
            deletion_protection=get_flag(ctx, logical, p, "DeletionProtection"))


@maps("AWS::RDS::DBSubnetGroup", kind="DbSubnetGroup")
def db_subnet_group(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    ctx.new(logical, description=get_text(ctx, logical, p, "DBSubnetGroupDescription"),
            subnets=ctx.refs(logical, "SubnetIds", p.get("SubnetIds"), ("Subnet",)))


def _cache_subnets(ctx: ImportContext, logical: str, value: Any) -> Any:
    if is_ref_to(ctx, value, "AWS::ElastiCache::SubnetGroup"):
        group = ctx.props(ctx.logical_of(value.id))
        return ctx.refs(logical, "SubnetIds", group.get("SubnetIds"), ("Subnet",))
    if value is not None:
        ctx.note(logical, "its cache subnet group is not in the template; its subnets are unknown")
    return []


@maps("AWS::ElastiCache::ReplicationGroup", kind="ElastiCacheCluster")
def replication_group(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    engine = choice(ctx, logical, "Engine", p.get("Engine"), ("redis", "valkey", "memcached"), "redis")
    replicas = p.get("ReplicasPerNodeGroup")
    if replicas is None and p.get("NumCacheClusters") is not None:
        clusters = get_number(ctx, logical, p, "NumCacheClusters", 1)
        replicas = clusters - 1 if isinstance(clusters, int) else clusters
    ctx.new(logical, engine=engine, node_type=get_text(ctx, logical, p, "CacheNodeType"),
            replicas=get_number(ctx, logical, {"r": replicas}, "r", 0),
            automatic_failover=get_flag(ctx, logical, p, "AutomaticFailoverEnabled"),
            multi_az=get_flag(ctx, logical, p, "MultiAZEnabled"),
            subnets=_cache_subnets(ctx, logical, p.get("CacheSubnetGroupName")),
            security_groups=ctx.refs(logical, "SecurityGroupIds", p.get("SecurityGroupIds"),
                                     ("SecurityGroup",)),
            port=get_number(ctx, logical, p, "Port", 6379),
            transit_encryption=get_flag(ctx, logical, p, "TransitEncryptionEnabled"),
            at_rest_encryption=get_flag(ctx, logical, p, "AtRestEncryptionEnabled"))


@maps("AWS::ElastiCache::CacheCluster", kind="ElastiCacheCluster")
def cache_cluster(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    engine = choice(ctx, logical, "Engine", p.get("Engine"), ("redis", "valkey", "memcached"), "redis")
    ctx.new(logical, engine=engine, node_type=get_text(ctx, logical, p, "CacheNodeType"),
            replicas=0, automatic_failover=False,
            multi_az=p.get("AZMode") == "cross-az",
            subnets=_cache_subnets(ctx, logical, p.get("CacheSubnetGroupName")),
            security_groups=ctx.refs(logical, "VpcSecurityGroupIds", p.get("VpcSecurityGroupIds"),
                                     ("SecurityGroup",)),
            port=get_number(ctx, logical, p, "Port", 11211 if engine == "memcached" else 6379),
            transit_encryption=get_flag(ctx, logical, p, "TransitEncryptionEnabled"),
            at_rest_encryption=False)


def _plan_cache_subnet_group(ctx: ImportContext, logical: str):
    for user in ctx.of_type("AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster"):
        value = ctx.props(user).get("CacheSubnetGroupName")
        if is_ref_to(ctx, value, "AWS::ElastiCache::SubnetGroup") and \
                ctx.logical_of(value.id) == logical:
            return None
    return "GenericResource"


@maps("AWS::ElastiCache::SubnetGroup", plan=_plan_cache_subnet_group)
def cache_subnet_group(ctx: ImportContext, logical: str) -> None:
    """Folded into the caches that use it: the model keeps a cache's subnets on the cache."""
    for user in ctx.of_type("AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster"):
        value = ctx.props(user).get("CacheSubnetGroupName")
        if is_ref_to(ctx, value, "AWS::ElastiCache::SubnetGroup") and \
                ctx.logical_of(value.id) == logical:
            ctx.fold(logical, ctx.model_ids[user])
            return


@maps("AWS::DynamoDB::Table", kind="DynamoDbTable")
def dynamodb_table(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    keys = {}
    for item in as_list(p.get("KeySchema")) if not is_unknown(p.get("KeySchema")) else []:
        if isinstance(item, dict):
            keys[item.get("KeyType")] = item.get("AttributeName")
    recovery = p.get("PointInTimeRecoverySpecification")
    ctx.new(logical, billing_mode=choice(ctx, logical, "BillingMode", p.get("BillingMode"),
                                         ("PAY_PER_REQUEST", "PROVISIONED"), "PROVISIONED"),
            partition_key=ctx.attempt(logical, "KeySchema", text, keys.get("HASH"), ""),
            sort_key=ctx.attempt(logical, "KeySchema", text, keys.get("RANGE"), ""),
            point_in_time_recovery=get_flag(ctx, logical, recovery, "PointInTimeRecoveryEnabled")
            if isinstance(recovery, dict) else False,
            stream=isinstance(p.get("StreamSpecification"), dict))


_KMS = ("aws:kms", "aws:kms:dsse")


@maps("AWS::S3::Bucket", kind="S3Bucket")
def s3_bucket(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    versioning = p.get("VersioningConfiguration")
    block = p.get("PublicAccessBlockConfiguration")
    blocked = True  # AWS blocks public access on new buckets unless told otherwise (April 2023 on)
    if isinstance(block, dict):
        blocked = all(get_flag(ctx, logical, block, key) is True for key in (
            "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"))
    algorithm = ""
    encryption = p.get("BucketEncryption")
    if isinstance(encryption, dict):
        for rule in as_list(encryption.get("ServerSideEncryptionConfiguration")):
            default = rule.get("ServerSideEncryptionByDefault") if isinstance(rule, dict) else None
            if isinstance(default, dict):
                algorithm = default.get("SSEAlgorithm", "")
    ctx.new(logical, bucket_name=get_text(ctx, logical, p, "BucketName"),
            website=isinstance(p.get("WebsiteConfiguration"), dict),
            versioning=isinstance(versioning, dict) and versioning.get("Status") == "Enabled",
            block_public_access=blocked,
            encryption="SSE-KMS" if algorithm in _KMS else "SSE-S3")
