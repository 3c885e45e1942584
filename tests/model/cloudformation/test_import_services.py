"""Compute, data, edge, integration and IAM types map onto their kinds; unknown types are kept."""

from __future__ import annotations

from model.schema import Unresolved

from .support import load

NETWORK = """\
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  A:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a}
  B:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: us-east-1b}
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: app, VpcId: !Ref Vpc}
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: [ec2.amazonaws.com]}, Action: sts:AssumeRole}]
"""


def test_instance_with_profile_public_ip_and_elastic_ip():
    d = load(NETWORK + """\
  Profile:
    Type: AWS::IAM::InstanceProfile
    Properties: {Roles: [!Ref Role]}
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-123
      InstanceType: t3.large
      IamInstanceProfile: !Ref Profile
      SourceDestCheck: false
      NetworkInterfaces:
        - {DeviceIndex: '0', SubnetId: !Ref A, AssociatePublicIpAddress: true, GroupSet: [!Ref Sg]}
  Nat:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-123, SubnetId: !Ref B}
  NatIp:
    Type: AWS::EC2::EIP
    Properties: {Domain: vpc, InstanceId: !Ref Nat}
""").diagram
    web = d["Web"]
    assert (web.parent, web.get("instance_type"), web.get("public_ip"), web.get("iam_role")) == \
        ("A", "t3.large", "assign", "Role")
    assert web.get("security_groups") == ("Sg",) and web.get("source_dest_check") is False
    assert d["Nat"].get("public_ip") == "elastic" and d["Nat"].get("instance_type") == "m1.small"
    assert "Profile" not in d and "NatIp" not in d


def test_launch_template_becomes_the_instance_drawn_in_its_auto_scaling_group():
    d = load(NETWORK + """\
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: {ImageId: ami-1, InstanceType: c7i.large, SecurityGroupIds: [!Ref Sg]}
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '2'
      MaxSize: '6'
      VPCZoneIdentifier: [!Ref A, !Ref B]
      LaunchTemplate: {LaunchTemplateId: !Ref Template, Version: !GetAtt Template.LatestVersionNumber}
""").diagram
    group = d["Group"]
    assert (group.parent, group.get("min_size"), group.get("max_size"), group.get("desired_capacity")) == \
        ("Vpc", 2, 6, 2)
    assert group.get("subnets") == ("A", "B") and group.get("instance_type") == "c7i.large"
    assert d["Template"].kind == "Instance" and d["Template"].parent == "Group"
    assert d["Template"].get("security_groups") == ("Sg",)


def test_databases_caches_and_storage():
    d = load(NETWORK + """\
  DbSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties: {DBSubnetGroupDescription: data, SubnetIds: [!Ref A, !Ref B]}
  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.m7g.large, MultiAZ: 'true', DBSubnetGroupName: !Ref DbSubnets, VPCSecurityGroups: [!Ref Sg], AllocatedStorage: '20'}
  Oracle:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: oracle-ee, DBInstanceClass: db.m5.large, DBSubnetGroupName: !Ref DbSubnets}
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties: {Engine: aurora-postgresql, DBSubnetGroupName: !Ref DbSubnets}
  Writer:
    Type: AWS::RDS::DBInstance
    Properties: {DBClusterIdentifier: !Ref Cluster, Engine: aurora-postgresql, DBInstanceClass: db.r7g.large}
  Reader:
    Type: AWS::RDS::DBInstance
    Properties: {DBClusterIdentifier: !Ref Cluster, Engine: aurora-postgresql, DBInstanceClass: db.r7g.large}
  CacheSubnets:
    Type: AWS::ElastiCache::SubnetGroup
    Properties: {Description: cache, SubnetIds: [!Ref A, !Ref B]}
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties: {ReplicationGroupDescription: c, Engine: valkey, CacheNodeType: cache.t4g.small, NumCacheClusters: 3, AutomaticFailoverEnabled: true, CacheSubnetGroupName: !Ref CacheSubnets, SecurityGroupIds: [!Ref Sg]}
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: assets
      WebsiteConfiguration: {IndexDocument: index.html}
      BucketEncryption:
        ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: {SSEAlgorithm: 'aws:kms'}}]
""")
    d = d.diagram
    db = d["Db"]
    assert (db.parent, db.get("engine"), db.get("multi_az"), db.get("db_subnet_group")) == \
        ("Vpc", "postgres", True, "DbSubnets")
    assert d["Oracle"].get("engine") == Unresolved("oracle-ee")  # kept as written, noted
    cluster = d["Cluster"]
    assert (cluster.get("instance_count"), cluster.get("instance_class")) == (2, "db.r7g.large")
    assert "Writer" not in d and "Reader" not in d
    cache = d["Cache"]
    assert (cache.get("engine"), cache.get("replicas"), cache.get("subnets")) == ("valkey", 2, ("A", "B"))
    assert "CacheSubnets" not in d
    assert (d["Table"].get("billing_mode"), d["Table"].get("partition_key")) == ("PROVISIONED", "id")
    assert (d["Bucket"].get("website"), d["Bucket"].get("encryption"), d["Bucket"].parent) == \
        (True, "SSE-KMS", "us-east-1")


def test_functions_containers_and_their_event_sources():
    d = load(NETWORK + """\
  Queue:
    Type: AWS::SQS::Queue
    Properties: {FifoQueue: true, RedrivePolicy: '{"deadLetterTargetArn": "arn:aws:sqs:x", "maxReceiveCount": 4}'}
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code: {ZipFile: 'def handler(e, c): pass'}
      VpcConfig: {SubnetIds: [!Ref A, !Ref B], SecurityGroupIds: [!Ref Sg]}
  Source:
    Type: AWS::Lambda::EventSourceMapping
    Properties: {FunctionName: !Ref Fn, EventSourceArn: !GetAtt Queue.Arn}
  Cluster:
    Type: AWS::ECS::Cluster
  Repo:
    Type: AWS::ECR::Repository
  Logs:
    Type: AWS::Logs::LogGroup
    Properties: {RetentionInDays: 14}
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: 1 vCPU
      Memory: '2048'
      ContainerDefinitions:
        - Name: web
          Image: !GetAtt Repo.RepositoryUri
          PortMappings: [{ContainerPort: 80}]
          LogConfiguration: {LogDriver: awslogs, Options: {awslogs-group: !Ref Logs}}
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      TaskDefinition: !Ref Task
      CapacityProviderStrategy: [{CapacityProvider: FARGATE_SPOT, Weight: 1}]
      NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [!Ref A], SecurityGroups: [!Ref Sg]}}
""").diagram
    fn = d["Fn"]
    assert (fn.parent, fn.get("subnets"), fn.get("role"), fn.get("event_sources")) == \
        ("Vpc", ("A", "B"), "Role", ("Queue",))
    assert d["Queue"].get("queue_type") == "fifo" and d["Queue"].get("max_receive_count") == 4
    assert d["Queue"].get("dead_letter_queue") == Unresolved("arn:aws:sqs:x")
    task = d["Task"]
    assert (task.get("cpu"), task.get("memory"), task.parent) == (1024, 2048, "us-east-1")
    container = task.get("containers")[0]
    assert (container["repository"], container["log_group"], container["container_port"]) == \
        ("Repo", "Logs", 80)
    service = d["Service"]
    assert (service.parent, service.get("launch_type"), service.get("desired_count")) == \
        ("Cluster", "FARGATE", 1)
    assert d["Cluster"].parent == "Vpc"  # all its services are in one VPC


def test_load_balancer_listeners_rules_and_target_groups():
    d = load(NETWORK + """\
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties: {DomainName: app.example.com, ValidationMethod: DNS}
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Subnets: [!Ref A, !Ref B], SecurityGroups: [!Ref Sg]}
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {VpcId: !Ref Vpc, Port: 8080, Protocol: HTTP, TargetType: ip, Matcher: {HttpCode: 200-299}}
  Api:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {VpcId: !Ref Vpc, Port: 9090, Protocol: HTTP}
  Https:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Lb
      Port: 443
      Protocol: HTTPS
      Certificates: [{CertificateArn: !Ref Cert}]
      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Tg}]
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Lb
      Port: 80
      Protocol: HTTP
      DefaultActions: [{Type: redirect, RedirectConfig: {Protocol: HTTPS, Port: '443', StatusCode: HTTP_301}}]
  ApiRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Https
      Priority: 5
      Conditions: [{Field: host-header, Values: [api.example.com]}]
      Actions: [{Type: forward, TargetGroupArn: !Ref Api}]
""").diagram
    listeners = d["Lb"].get("listeners")
    assert [(l["protocol"], l["port"], l["action"], l["target_group"], l["certificate"])
            for l in listeners] == [("HTTPS", 443, "forward", "Tg", "Cert"),
                                    ("HTTP", 80, "redirect", "", "")]
    assert listeners[0]["rules"][0] == {"priority": 5, "condition": "host:api.example.com",
                                        "target_group": "Api"}
    assert (d["Tg"].get("target_type"), d["Tg"].get("matcher"), d["Tg"].parent) == \
        ("ip", "200-299", "Vpc")


def test_apis_edge_services_and_dns():
    d = load(NETWORK + """\
  Fn:
    Type: AWS::Lambda::Function
    Properties: {Runtime: python3.12, Handler: i.h, Role: !GetAtt Role.Arn, Code: {ZipFile: x}}
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties: {Name: quick, ProtocolType: HTTP, Target: !GetAtt Fn.Arn}
  Rest:
    Type: AWS::ApiGateway::RestApi
    Properties: {Name: rest}
  Root:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Rest, ResourceId: !GetAtt Rest.RootResourceId, HttpMethod: ANY, AuthorizationType: NONE, Integration: {Type: MOCK}}
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: {Name: example.com., VPCs: [{VPCId: !Ref Vpc, VPCRegion: us-east-1}]}
  Group:
    Type: AWS::Route53::RecordSetGroup
    Properties:
      HostedZoneName: example.com.
      RecordSets:
        - {Name: db.example.com., Type: CNAME, TTL: '60', ResourceRecords: [db.internal]}
        - {Name: example.com., Type: TXT, TTL: '300', ResourceRecords: ['"v=spf1 -all"']}
  Elsewhere:
    Type: AWS::Route53::RecordSet
    Properties: {HostedZoneName: other.org., Name: x.other.org., Type: A, TTL: '60', ResourceRecords: [192.0.2.1]}
""")
    d = result_diagram = d.diagram
    assert d["Http"].get("integrations")[0]["route"] == "$default"
    assert d["Http"].get("integrations")[0]["target"] == "Fn"
    assert d["Rest"].get("integrations")[0]["route"] == "ANY /"
    assert d["Rest"].get("endpoint_type") == "EDGE"
    zone = d["Zone"]
    assert (zone.get("domain"), zone.get("private"), zone.get("vpcs"), zone.parent) == \
        ("example.com", True, ("Vpc",), None)
    records = {r.id: r for r in result_diagram.children("Zone")}
    assert set(records) == {"GroupRecord1", "GroupRecord2"}
    assert (records["GroupRecord1"].get("record_name"), records["GroupRecord1"].get("ttl")) == ("db", 60)
    assert records["GroupRecord2"].get("record_name") == "@"
    assert d["Elsewhere"].kind == "GenericResource"  # its zone is not in the template


def test_iam_users_groups_and_policies():
    d = load(NETWORK + """\
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: [{Effect: Allow, Action: 's3:*', Resource: '*'}]
      Roles: [!Ref Role]
  Inline:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: deny
      PolicyDocument:
        Statement: [{Effect: Deny, Action: [iam:*], Resource: '*', Condition: {Bool: {aws:MultiFactorAuthPresent: 'false'}}}]
      Groups: [!Ref Admins]
  Admins:
    Type: AWS::IAM::Group
  Alice:
    Type: AWS::IAM::User
    Properties: {Groups: [!Ref Admins], LoginProfile: {Password: not-a-real-one}}
  Key:
    Type: AWS::IAM::AccessKey
    Properties: {UserName: !Ref Alice}
""").diagram
    assert d["Role"].get("policies") == ("Policy",) and d["Role"].parent is None
    assert d["Policy"].get("statements")[0]["actions"] == ("s3:*",)
    assert d["Inline"].get("statements") == () and '"Condition"' in d["Inline"].get("document")
    assert d["Admins"].get("policies") == ("Inline",)
    alice = d["Alice"]
    assert (alice.get("groups"), alice.get("console_access"), alice.get("access_keys")) == \
        (("Admins",), True, True)


def test_unknown_types_are_kept_verbatim_and_noted():
    result = load(NETWORK + """\
  Broker:
    Type: AWS::AmazonMQ::Broker
    Properties: {BrokerName: !Sub '${AWS::StackName}-mq', SubnetIds: [!Ref A], Users: [{Username: u}]}
  Custom:
    Type: Custom::Thing
    Properties: {ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:x, Vpc: !Ref Vpc}
""")
    d = result.diagram
    broker = d["Broker"]
    assert broker.kind == "GenericResource" and broker.get("resource_type") == "AWS::AmazonMQ::Broker"
    assert broker.get("cfn_properties")["BrokerName"] == {"Fn::Sub": "${AWS::StackName}-mq"}
    assert broker.get("cfn_properties")["SubnetIds"] == ({"Ref": "A"},)
    assert d["Custom"].parent == "Vpc"  # drawn in the VPC it names
    assert any("AWS::AmazonMQ::Broker is not a type Kumozu models" in n for n in result.notes)


def test_a_template_kumozu_wrote_gives_ids_names_and_parents_back():
    d = load("""\
Metadata:
  Kumozu:
    title: Tiny
    resources:
      tokyo: {kind: Region, name: Tokyo, properties: {region: ap-northeast-1}}
      az-a: {kind: AvailabilityZone, parent: web-vpc, properties: {zone: ap-northeast-1a}}
Resources:
  WebVpc:
    Type: AWS::EC2::VPC
    Metadata: {Kumozu: {id: web-vpc, parent: tokyo, implicit: false}}
    Properties: {CidrBlock: 10.0.0.0/16}
  WebA:
    Type: AWS::EC2::Subnet
    Metadata: {Kumozu: {id: web-a, name: web (a), parent: az-a, properties: {map_public_ip_on_launch: true}}}
    Properties: {VpcId: !Ref WebVpc, CidrBlock: 10.0.1.0/24}
""", region="ap-northeast-1").diagram
    assert d.title == "Tiny" and d["tokyo"].get("region") == "ap-northeast-1"
    assert d["web-vpc"].parent == "tokyo"
    assert (d["web-a"].parent, d["web-a"].name, d["web-a"].get("map_public_ip_on_launch")) == \
        ("az-a", "web (a)", True)
    assert sorted(r.id for r in d) == ["az-a", "tokyo", "web-a", "web-vpc"]


def test_a_memcached_cache_cluster_and_a_cloudtrail_trail():
    """The two mapped types no other test imports from a hand-written template."""
    d = load(NETWORK + """\
  CacheSubnets:
    Type: AWS::ElastiCache::SubnetGroup
    Properties: {Description: cache, SubnetIds: [!Ref A, !Ref B]}
  Memcached:
    Type: AWS::ElastiCache::CacheCluster
    Properties: {Engine: memcached, CacheNodeType: cache.t4g.micro, NumCacheNodes: 2, AZMode: cross-az, CacheSubnetGroupName: !Ref CacheSubnets, VpcSecurityGroupIds: [!Ref Sg]}
  TrailBucket:
    Type: AWS::S3::Bucket
  TrailLogs:
    Type: AWS::Logs::LogGroup
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties: {S3BucketName: !Ref TrailBucket, CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn, IsLogging: true, IsMultiRegionTrail: true, EnableLogFileValidation: true}
""").diagram
    cache = d["Memcached"]
    assert cache.kind == "ElastiCacheCluster"
    assert (cache.get("engine"), cache.get("node_type"), cache.get("port"), cache.get("multi_az")) == \
        ("memcached", "cache.t4g.micro", 11211, True)
    assert cache.get("subnets") == ("A", "B") and cache.get("security_groups") == ("Sg",)
    assert "CacheSubnets" not in d  # folded into the cache
    trail = d["Trail"]
    assert trail.kind == "CloudTrailTrail"
    assert (trail.get("s3_bucket"), trail.get("log_group")) == ("TrailBucket", "TrailLogs")
    assert trail.get("multi_region") and trail.get("log_file_validation") and trail.get("is_logging")
