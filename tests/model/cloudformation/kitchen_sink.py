"""A design holding every kind Kumozu has, with settings away from their defaults and references
between them, to test that each kind survives the trip through CloudFormation."""

from __future__ import annotations

from model import kinds
from model.schema import Unresolved
from tests.support.builder import DesignBuilder


def every_kind_design():
    b = DesignBuilder("eu-west-1")
    region = b.region_id
    vpc = b.vpc("app-vpc", "10.0.0.0/16", "100.64.0.0/20", ipv6_cidr="2600:1f18:1234:5600::/56",
                flow_logs=True, enable_dns_hostnames=False)
    az_a, az_b = b.az("az-a", vpc, "eu-west-1a"), b.az("az-b", vpc, "eu-west-1b")
    b.add("InternetGateway", "igw", vpc, vpc=vpc)
    b.add("EgressOnlyInternetGateway", "eigw", vpc, vpc=vpc)
    b.route_table("rt-public", vpc, routes=[("0.0.0.0/0", "igw"), ("::/0", "eigw")])
    b.subnet("pub-a", az_a, "10.0.0.0/24", availability_zone="eu-west-1a", route_table="rt-public",
             map_public_ip_on_launch=True, ipv6_cidr="2600:1f18:1234:5600::/64")
    b.subnet("pub-b", az_b, "10.0.1.0/24", availability_zone="eu-west-1b", route_table="rt-public")
    b.add("NatGateway", "nat-a", "pub-a")
    b.add("NatGateway", "nat-private", "pub-b", connectivity="private", elastic_ip="")
    b.add("NetworkAcl", "acl-data", vpc, inbound=[
        {"rule_number": 100, "protocol": "tcp", "from_port": 5432, "to_port": 5432,
         "cidr": "10.0.0.0/16", "action": "allow"},
        {"rule_number": 200, "protocol": "icmp", "from_port": 0, "to_port": 65535,
         "cidr": "0.0.0.0/0", "action": "deny"}],
          outbound=[{"rule_number": 100, "protocol": "all", "cidr": "10.0.0.0/16"}])
    b.add("NetworkAcl", "acl-default", vpc, name="default", default=True, inbound=[
        {"rule_number": 100, "protocol": "all", "cidr": "0.0.0.0/0"},
        {"rule_number": 90, "protocol": "udp", "from_port": 53, "to_port": 53, "cidr": "0.0.0.0/0",
         "action": "deny"}], outbound=[{"rule_number": 100, "protocol": "all", "cidr": "0.0.0.0/0"}])
    b.add("RouteTable", "rt-main", vpc, main=True)
    b.route_table("rt-app", vpc, routes=[("0.0.0.0/0", "nat-a"), ("172.16.0.0/12", "tgw"),
                                         ("10.9.0.0/16", "gone-nat")])
    b.subnet("app-a", az_a, "10.0.10.0/24", availability_zone="eu-west-1a", route_table="rt-app")
    b.subnet("app-b", az_b, "10.0.11.0/24", availability_zone="eu-west-1b", route_table="rt-app")
    b.subnet("data-a", az_a, "100.64.0.0/24", availability_zone="eu-west-1a", network_acl="acl-data")
    b.subnet("data-b", az_b, "100.64.1.0/24", availability_zone="eu-west-1b", network_acl="acl-data")
    b.add("SecurityGroup", "sg-lb", vpc, description="from the internet", ingress=[
        {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": "0.0.0.0/0", "description": "https"},
        {"protocol": "icmpv6", "from_port": 0, "to_port": 65535, "cidr": "::/0"}])
    b.add("SecurityGroup", "sg-app", vpc, description="app", ingress=[
        {"protocol": "tcp", "from_port": 8080, "to_port": 8080, "source_group": "sg-lb"},
        {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr": "10.0.0.0/8"}],
          egress=[{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": "0.0.0.0/0"},
                  {"protocol": "tcp", "from_port": 5432, "to_port": 5432, "destination_group": "sg-db"}])
    b.add("SecurityGroup", "sg-db", vpc, description="db", egress=[], ingress=[
        {"protocol": "tcp", "from_port": 5432, "to_port": 5432, "source_group": "sg-app"}])
    b.add("VpcEndpoint", "ep-s3", vpc, endpoint_type="gateway", route_tables=["rt-app"])
    b.add("VpcEndpoint", "ep-logs", vpc, service="logs", subnets=["app-a", "app-b"],
          security_groups=["sg-app"], private_dns=False)
    b.add("AcmCertificate", "cert", region, domain_name="app.example.com",
          subject_alternative_names=["www.app.example.com"])
    b.add("AcmCertificate", "cert-cdn", None, domain_name="cdn.example.com", validation="EMAIL",
          region="us-east-1")
    b.add("LoadBalancer", "alb", vpc, subnets=["pub-a", "pub-b"], security_groups=["sg-lb"],
          ip_address_type="dualstack", listeners=[
              {"protocol": "HTTPS", "port": 443, "certificate": "cert", "target_group": "tg-app",
               "rules": [{"priority": 10, "condition": "path:/api/*", "target_group": "tg-api"},
                         {"priority": 20, "condition": "host:admin.example.com", "target_group": "tg-app"}]},
              {"protocol": "HTTP", "port": 80, "action": "redirect", "redirect_port": 8443},
              {"protocol": "HTTP", "port": 8081, "action": "fixed-response"}])
    b.add("LoadBalancer", "nlb", vpc, lb_type="network", scheme="internal", subnets=["app-a", "app-b"],
          cross_zone=True, listeners=[{"protocol": "TCP", "port": 5432, "target_group": "tg-tcp"}])
    b.add("TargetGroup", "tg-app", vpc, port=8080, target_type="instance", targets=["bastion"],
          health_check_path="/healthz", matcher="200-399", health_check_interval=10)
    b.add("TargetGroup", "tg-api", vpc, port=9000, target_type="ip", health_check_timeout=6)
    b.add("TargetGroup", "tg-tcp", vpc, protocol="TCP", port=5432, target_type="ip",
          health_check_protocol="TCP", health_check_timeout=10)
    b.add("TargetGroup", "tg-fn", vpc, target_type="lambda", targets=["fn-api"])
    b.add("Instance", "bastion", "pub-a", instance_type="t4g.nano", ami="ami-0123456789abcdef0",
          public_ip="elastic", security_groups=["sg-app"], key_name="ops", iam_role="role-ec2",
          source_dest_check=False, ipv6=True, tls_certificate="external")
    b.add("Instance", "worker", "app-b", public_ip="none", security_groups=["sg-app"])
    b.add("AutoScalingGroup", "asg", vpc, min_size=1, max_size=3, desired_capacity=2,
          subnets=["app-a", "app-b"], target_groups=["tg-app"], security_groups=["sg-app"],
          health_check_type="ELB", iam_role="role-ec2", instance_type="m7g.medium")
    b.add("Instance", "asg-instance", "asg", instance_type="m7g.medium", ami="ami-0fedcba9876543210")
    b.add("AutoScalingGroup", "asg-bare", vpc, subnets=["app-a"], instance_type="c7g.large",
          public_ip="assign")
    b.add("TransitGateway", "tgw", region, amazon_side_asn=64700, default_route_table_propagation=False)
    b.add("TransitGatewayAttachment", "tgw-app", vpc, transit_gateway="tgw", subnets=["app-a", "app-b"])
    other = b.vpc("partner-vpc", "10.50.0.0/16")
    b.add("VpcPeering", "peer", region, requester=vpc, accepter=other)
    existing = b.add("Vpc", "shared-vpc", region, cidr_blocks=Unresolved("unknown"),
                     existing=Unresolved("!ImportValue network-VpcId"))
    b.add("SecurityGroup", "sg-shared", existing, description="in a VPC another stack made")
    b.add("DbSubnetGroup", "db-subnets", vpc, subnets=["data-a", "data-b"], description="data tier")
    b.add("RdsInstance", "db", vpc, engine="postgres", instance_class="db.m7g.large", multi_az=True,
          db_subnet_group="db-subnets", security_groups=["sg-db"], port=5433, backup_retention=14,
          deletion_protection=True, storage_encrypted=False)
    b.add("AuroraCluster", "aurora", vpc, engine="aurora-postgresql", instance_count=3,
          instance_class="db.r7g.xlarge", db_subnet_group="db-subnets", security_groups=["sg-db"])
    b.add("ElastiCacheCluster", "cache", vpc, engine="valkey", replicas=2, subnets=["data-a", "data-b"],
          security_groups=["sg-db"], transit_encryption=False)
    b.add("ElastiCacheCluster", "memcached", vpc, engine="memcached", replicas=0,
          automatic_failover=False, multi_az=False, subnets=["data-a"], port=11211,
          transit_encryption=False, at_rest_encryption=False)
    b.add("DynamoDbTable", "table", region, partition_key="pk", sort_key="sk", stream=True,
          point_in_time_recovery=True)
    b.add("DynamoDbTable", "counters", region, billing_mode="PROVISIONED")
    b.add("S3Bucket", "site", region, bucket_name="site-bucket-example", website=True, versioning=True,
          block_public_access=False, encryption="SSE-KMS")
    b.add("S3Bucket", "trail-bucket", region)
    b.add("SqsQueue", "dlq", region, message_retention=1209600)
    b.add("SqsQueue", "jobs", region, visibility_timeout=120, dead_letter_queue="dlq",
          max_receive_count=3)
    b.add("SqsQueue", "orders-dlq", region, queue_type="fifo")
    b.add("SqsQueue", "orders", region, queue_type="fifo", dead_letter_queue="orders-dlq")
    b.add("SnsTopic", "alerts", region, subscriptions=[
        {"protocol": "email", "endpoint": "ops@example.com"},
        {"protocol": "sqs", "target": "dlq"}, {"protocol": "lambda", "target": "fn-worker"}])
    b.add("LogGroup", "logs", region, log_group_name="/app/web", retention_days=30)
    b.add("LogGroup", "odd-retention", region, retention_days=10)
    b.add("IamPolicy", "policy-read", None, statements=[
        {"effect": "Allow", "actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::site-bucket-example/*"]}])
    b.add("IamPolicy", "policy-doc", None, document='{"Version": "2012-10-17", "Statement": '
                                                   '[{"Effect": "Deny", "NotAction": "s3:*", "Resource": "*"}]}')
    b.add("IamRole", "role-ec2", None, policies=["policy-read"],
          managed_policy_arns=["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"])
    b.add("IamRole", "role-fn", None, trusted_service="lambda.amazonaws.com")
    b.add("IamRole", "role-task", None, trusted_service="ecs-tasks.amazonaws.com")
    b.add("IamGroup", "admins", None, policies=["policy-doc"])
    b.add("IamUser", "alice", None, groups=["admins"], policies=["policy-read"], access_keys=True,
          mfa=False)
    b.add("IamUser", "robot", None, console_access=False)
    b.add("LambdaFunction", "fn-api", region, runtime="python3.12", memory=512, timeout=20,
          role="role-fn", needs_aws_apis=False)
    b.add("LambdaFunction", "fn-worker", vpc, runtime="nodejs22.x", subnets=["app-a", "app-b"],
          security_groups=["sg-app"], event_sources=["jobs", "table"], dead_letter_queue="dlq")
    b.add("LambdaFunction", "fn-java", region, runtime="java21")
    b.add("LightsailInstance", "blog", region, bundle="micro_3_0", blueprint="wordpress",
          managed_certificate=True)
    b.add("EcrRepository", "repo", region, image_tag_mutability="IMMUTABLE", scan_on_push=False)
    b.add("EcsCluster", "cluster", vpc, capacity_providers=["FARGATE", "FARGATE_SPOT"],
          container_insights=True)
    b.add("TaskDefinition", "task", region, family="web", cpu=512, memory=1024,
          execution_role="role-task", task_role="role-task", containers=[
              {"name": "web", "image": "web:2.1", "repository": "repo", "container_port": 8080,
               "log_group": "logs"},
              {"name": "sidecar", "image": "public.ecr.aws/aws-observability/aws-otel-collector:latest",
               "essential": False}])
    b.add("EcsService", "service", "cluster", desired_count=3, task_definition="task",
          subnets=["app-a", "app-b"], security_groups=["sg-app"], deployment="blue-green",
          load_balancers=[{"target_group": "tg-api", "container_name": "web", "container_port": 8080}])
    b.add("CodeDeployApplication", "deploy", region, ecs_service="service",
          target_groups=["tg-api", "tg-app"])
    b.add("ApiGateway", "api", region, endpoint_type="REGIONAL", stages=["prod", "beta"],
          custom_domain="api.example.com", certificate="cert", integrations=[
              {"route": "GET /items/{id}", "integration_type": "lambda", "target": "fn-api",
               "timeout_ms": 10000},
              {"route": "POST /orders", "integration_type": "http", "target": "alb"},
              {"route": "ANY /", "integration_type": "mock"},
              {"route": "POST /jobs", "integration_type": "aws-service", "target": "jobs"}])
    b.add("ApiGateway", "http-api", region, api_type="HTTP", stages=["$default"], integrations=[
        {"route": "POST /hooks", "integration_type": "lambda", "target": "fn-api", "timeout_ms": 5000},
        {"route": "GET /status", "integration_type": "http", "target": "nlb"}])
    b.add("ApiGateway", "ws-api", region, api_type="WEBSOCKET", stages=["live"], integrations=[
        {"route": "$connect", "integration_type": "mock"}])
    b.add("EventRule", "nightly", region, schedule_expression="cron(0 3 * * ? *)",
          targets=["fn-api", "jobs", "alerts"], state="DISABLED")
    b.add("EventRule", "on-upload", region, event_pattern='{"source": ["aws.s3"]}', targets=["fn-worker"])
    b.add("CloudTrailTrail", "trail", region, s3_bucket="trail-bucket", log_group="logs",
          multi_region=False, log_file_validation=False)
    b.add("CloudFrontDistribution", "cdn", None, aliases=["cdn.example.com"], certificate="cert-cdn",
          viewer_protocol_policy="https-only", origins=[
              {"origin_id": "site", "target": "site", "access_control": "oac"},
              {"origin_id": "legacy", "target": "site", "access_control": "oai"},
              {"origin_id": "app", "target": "alb", "protocol_policy": "match-viewer"},
              {"origin_id": "api", "target": "api"},
              {"origin_id": "vm", "target": "bastion", "protocol_policy": "http-only"}])
    b.add("HostedZone", "zone", None, domain="example.com")
    b.add("HostedZone", "private-zone", None, domain="corp.internal", private=True, vpcs=[vpc])
    b.add("DnsRecord", "apex", "zone", record_name="@", alias_target="cdn")
    b.add("DnsRecord", "www", "zone", record_name="www", record_type="CNAME", values=["example.com"],
          ttl=3600)
    b.add("DnsRecord", "app", "zone", record_name="app", alias_target="alb")
    b.add("DnsRecord", "app6", "zone", record_name="app", record_type="AAAA", alias_target="alb")
    b.add("DnsRecord", "api-record", "zone", record_name="api", alias_target="api")
    b.add("DnsRecord", "mail", "zone", record_name="@", record_type="MX", values=["10 mx.example.com."])
    b.add("DnsRecord", "db-record", "private-zone", record_name="db", record_type="CNAME",
          values=["db.internal"], ttl=60)
    b.add("GenericResource", "broker", vpc, resource_type="AWS::AmazonMQ::Broker", cfn_properties={
        "BrokerName": "events", "EngineType": "RABBITMQ", "EngineVersion": "3.13",
        "HostInstanceType": "mq.m7g.medium", "DeploymentMode": "SINGLE_INSTANCE",
        "PubliclyAccessible": False, "AutoMinorVersionUpgrade": True,
        "SubnetIds": [{"Ref": "app-a"}], "SecurityGroups": [{"Fn::GetAtt": ["sg-app", "GroupId"]}],
        "Users": [{"Username": "app", "Password": {"Ref": "BrokerPassword"}}]})
    diagram = b.diagram
    missing = {k.name for k in kinds.ALL_KINDS} - {r.kind for r in diagram}
    assert not missing, f"the kitchen sink lacks {missing}"
    return diagram
