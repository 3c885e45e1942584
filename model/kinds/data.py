"""Databases and storage: RDS, Aurora, DB subnet groups, DynamoDB, ElastiCache, S3."""

from __future__ import annotations

from ..schema import ROOT, Kind
from ._fields import choice, flag, number, port, ref, refs, text

DATABASES = "Databases"
STORAGE = "Storage"

_DB_ENGINES = ("mysql", "postgres", "mariadb", "oracle-se2", "sqlserver-ex")

KINDS = (
    Kind("RdsInstance", "RDS instance", DATABASES, ("Vpc", "Subnet"), cfn_type="AWS::RDS::DBInstance",
         description=(
             "A managed relational database. Multi-AZ keeps a synchronous standby in another "
             "Availability Zone."), fields=(
        choice("engine", _DB_ENGINES, "mysql"),
        text("instance_class", "db.t3.micro"),
        flag("multi_az", False, label="Multi-AZ"),
        flag("publicly_accessible", False),
        ref("db_subnet_group", ("DbSubnetGroup",), "placed in", label="DB subnet group"),
        refs("security_groups", ("SecurityGroup",), "protected by", drawn=False),
        port("port", 0, help="0: the engine's default port."),
        flag("storage_encrypted", True),
        number("backup_retention", 7, minimum=0, label="Backup retention (days)"),
        flag("deletion_protection", False),
    )),
    Kind("AuroraCluster", "Aurora cluster", DATABASES, ("Vpc",), cfn_type="AWS::RDS::DBCluster",
         description=(
             "A MySQL- or PostgreSQL-compatible cluster whose storage is replicated across three "
             "Availability Zones; readers can take over from the writer."), fields=(
        choice("engine", ("aurora-mysql", "aurora-postgresql"), "aurora-mysql"),
        # AWS: a writer and up to 15 Aurora Replicas (aws-facts DB-006); a larger count could not
        # be deployed, and the template export writes one DBInstance per instance.
        number("instance_count", 2, minimum=0, maximum=16, help="The writer and its readers."),
        text("instance_class", "db.r6g.large", help="The class of the writer and its readers."),
        ref("db_subnet_group", ("DbSubnetGroup",), "placed in", label="DB subnet group"),
        refs("security_groups", ("SecurityGroup",), "protected by", drawn=False),
        port("port", 0, help="0: the engine's default port."),
        flag("storage_encrypted", True),
        flag("deletion_protection", False),
    )),
    Kind("DbSubnetGroup", "DB subnet group", DATABASES, ("Vpc",), cfn_type="AWS::RDS::DBSubnetGroup",
         description="The subnets, in at least two Availability Zones, a database may be placed in.",
         fields=(
        text("description", "Database subnets"),
        refs("subnets", ("Subnet",), "contains"),
    )),
    Kind("DynamoDbTable", "DynamoDB table", DATABASES, ("Region", ROOT), cfn_type="AWS::DynamoDB::Table",
         description=(
             "A serverless key-value and document table, reached through the DynamoDB endpoint, "
             "never from inside a subnet."), fields=(
        choice("billing_mode", ("PAY_PER_REQUEST", "PROVISIONED"), "PAY_PER_REQUEST"),
        text("partition_key", "id"),
        text("sort_key", ""),
        flag("point_in_time_recovery", False),
        flag("stream", False),
    )),
    Kind("ElastiCacheCluster", "ElastiCache cluster", DATABASES, ("Vpc", "Subnet"),
         cfn_type="AWS::ElastiCache::ReplicationGroup", description=(
             "An in-memory cache (Redis OSS, Valkey or Memcached) in your VPC."), fields=(
        choice("engine", ("redis", "valkey", "memcached"), "redis"),
        text("node_type", "cache.t3.micro"),
        number("replicas", 1, minimum=0, help="Read replicas per shard."),
        flag("automatic_failover", True),
        flag("multi_az", True, label="Multi-AZ"),
        refs("subnets", ("Subnet",), "placed in", help="The cache subnet group."),
        refs("security_groups", ("SecurityGroup",), "protected by", drawn=False),
        port("port", 6379),
        flag("transit_encryption", True),
        flag("at_rest_encryption", True),
    )),
    Kind("S3Bucket", "S3 bucket", STORAGE, ("Region", ROOT), cfn_type="AWS::S3::Bucket", description=(
        "Object storage for files such as images and style sheets. A regional service outside every "
        "VPC: a private subnet reaches it through a gateway endpoint or NAT."), fields=(
        text("bucket_name", ""),
        flag("website", False, label="Static website hosting"),
        flag("versioning", False),
        flag("block_public_access", True),
        choice("encryption", ("SSE-S3", "SSE-KMS"), "SSE-S3"),
    )),
)
