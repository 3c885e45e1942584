"""A large template in the style of AWS's samples, for layout pictures and speed measurements.

Each VPC has three Availability Zones with a public, an application and a data subnet, a NAT
gateway per zone, route tables, security groups with cross-references, a network ACL, an
Application Load Balancer with an Auto Scaling group behind it, an RDS database and an S3 gateway
endpoint. Eight VPCs give about 500 resources, CloudFormation's limit for one template.
"""

from __future__ import annotations

__all__ = ["large_template"]

_HEADER = """\
AWSTemplateFormatVersion: '2010-09-09'
Description: {vpcs} VPCs across three Availability Zones (generated for tests)
Parameters:
  Environment:
    Type: String
    Default: production
    AllowedValues: [production, staging]
  InstanceType:
    Type: String
    Default: t3.small
  LatestAmiId:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
Mappings:
  NetworkPlan:
{plan}
Conditions:
  IsProduction: !Equals [!Ref Environment, production]
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {{Service: ec2.amazonaws.com}}
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub arn:${{AWS::Partition}}:iam::aws:policy/AmazonSSMManagedInstanceCore
  AppProfile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [!Ref AppRole]
  AssetsBucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: {{Status: Enabled}}
  Zone:
    Type: AWS::Route53::HostedZone
    Properties:
      Name: example.com
"""

_VPC = """\
  Vpc{n}:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: !FindInMap [NetworkPlan, Vpc{n}, Cidr]
      EnableDnsHostnames: true
      Tags: [{{Key: Name, Value: !Sub '${{Environment}}-vpc-{n}'}}]
  Igw{n}:
    Type: AWS::EC2::InternetGateway
  Igw{n}Attachment:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {{VpcId: !Ref Vpc{n}, InternetGatewayId: !Ref Igw{n}}}
  PublicRt{n}:
    Type: AWS::EC2::RouteTable
    Properties: {{VpcId: !Ref Vpc{n}}}
  PublicRoute{n}:
    Type: AWS::EC2::Route
    DependsOn: Igw{n}Attachment
    Properties: {{RouteTableId: !Ref PublicRt{n}, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw{n}}}
  DataRt{n}:
    Type: AWS::EC2::RouteTable
    Properties: {{VpcId: !Ref Vpc{n}}}
  AlbSg{n}:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: HTTP from the internet
      VpcId: !Ref Vpc{n}
      SecurityGroupIngress:
        - {{IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0}}
  AppSg{n}:
    Type: AWS::EC2::SecurityGroup
    Properties: {{GroupDescription: Application servers, VpcId: !Ref Vpc{n}}}
  AppSg{n}FromAlb:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {{GroupId: !Ref AppSg{n}, IpProtocol: tcp, FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: !Ref AlbSg{n}}}
  DbSg{n}:
    Type: AWS::EC2::SecurityGroup
    Properties: {{GroupDescription: Database, VpcId: !Ref Vpc{n}}}
  DbSg{n}FromApp:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {{GroupId: !Ref DbSg{n}, IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref AppSg{n}}}
  DataAcl{n}:
    Type: AWS::EC2::NetworkAcl
    Properties: {{VpcId: !Ref Vpc{n}}}
  DataAcl{n}In:
    Type: AWS::EC2::NetworkAclEntry
    Properties: {{NetworkAclId: !Ref DataAcl{n}, RuleNumber: 100, Protocol: 6, RuleAction: allow, Egress: false, CidrBlock: !FindInMap [NetworkPlan, Vpc{n}, Cidr], PortRange: {{From: 5432, To: 5432}}}}
  DataAcl{n}Out:
    Type: AWS::EC2::NetworkAclEntry
    Properties: {{NetworkAclId: !Ref DataAcl{n}, RuleNumber: 100, Protocol: 6, RuleAction: allow, Egress: true, CidrBlock: !FindInMap [NetworkPlan, Vpc{n}, Cidr], PortRange: {{From: 1024, To: 65535}}}}
  Alb{n}:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [!Ref Public{n}A, !Ref Public{n}B, !Ref Public{n}C]
      SecurityGroups: [!Ref AlbSg{n}]
  Tg{n}:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {{VpcId: !Ref Vpc{n}, Port: 8080, Protocol: HTTP, HealthCheckPath: /health}}
  Listener{n}:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb{n}
      Port: 80
      Protocol: HTTP
      DefaultActions: [{{Type: forward, TargetGroupArn: !Ref Tg{n}}}]
  AppTemplate{n}:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: !Ref LatestAmiId
        InstanceType: !Ref InstanceType
        SecurityGroupIds: [!Ref AppSg{n}]
        IamInstanceProfile: {{Arn: !GetAtt AppProfile.Arn}}
  AppGroup{n}:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '3'
      MaxSize: '9'
      VPCZoneIdentifier: [!Ref App{n}A, !Ref App{n}B, !Ref App{n}C]
      TargetGroupARNs: [!Ref Tg{n}]
      HealthCheckType: ELB
      LaunchTemplate: {{LaunchTemplateId: !Ref AppTemplate{n}, Version: !GetAtt AppTemplate{n}.LatestVersionNumber}}
  DbSubnets{n}:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: Data subnets
      SubnetIds: [!Ref Data{n}A, !Ref Data{n}B, !Ref Data{n}C]
  Db{n}:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.medium
      AllocatedStorage: '20'
      MasterUsername: dbadmin
      ManageMasterUserPassword: true
      MultiAZ: !If [IsProduction, true, false]
      DBSubnetGroupName: !Ref DbSubnets{n}
      VPCSecurityGroups: [!Ref DbSg{n}]
  S3Endpoint{n}:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      VpcId: !Ref Vpc{n}
      ServiceName: !Sub com.amazonaws.${{AWS::Region}}.s3
      RouteTableIds: [!Ref App{n}ARt, !Ref App{n}BRt, !Ref App{n}CRt]
  Logs{n}:
    Type: AWS::Logs::LogGroup
    Properties: {{RetentionInDays: 30}}
  Record{n}:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneId: !Ref Zone
      Name: app{n}.example.com.
      Type: A
      AliasTarget: {{DNSName: !GetAtt Alb{n}.DNSName, HostedZoneId: !GetAtt Alb{n}.CanonicalHostedZoneID}}
"""

_ZONE = """\
  Public{n}{z}:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc{n}
      AvailabilityZone: !Select [{i}, !GetAZs '']
      CidrBlock: !Select [{i}, !Cidr [!GetAtt Vpc{n}.CidrBlock, 9, 8]]
      MapPublicIpOnLaunch: true
  Public{n}{z}Assoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {{SubnetId: !Ref Public{n}{z}, RouteTableId: !Ref PublicRt{n}}}
  App{n}{z}:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc{n}
      AvailabilityZone: !Select [{i}, !GetAZs '']
      CidrBlock: !Select [{app}, !Cidr [!GetAtt Vpc{n}.CidrBlock, 9, 8]]
  App{n}{z}Rt:
    Type: AWS::EC2::RouteTable
    Properties: {{VpcId: !Ref Vpc{n}}}
  App{n}{z}Assoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {{SubnetId: !Ref App{n}{z}, RouteTableId: !Ref App{n}{z}Rt}}
  Data{n}{z}:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc{n}
      AvailabilityZone: !Select [{i}, !GetAZs '']
      CidrBlock: !Select [{data}, !Cidr [!GetAtt Vpc{n}.CidrBlock, 9, 8]]
  Data{n}{z}Assoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {{SubnetId: !Ref Data{n}{z}, RouteTableId: !Ref DataRt{n}}}
  Data{n}{z}AclAssoc:
    Type: AWS::EC2::SubnetNetworkAclAssociation
    Properties: {{SubnetId: !Ref Data{n}{z}, NetworkAclId: !Ref DataAcl{n}}}
  Nat{n}{z}Eip:
    Type: AWS::EC2::EIP
    Properties: {{Domain: vpc}}
  Nat{n}{z}:
    Type: AWS::EC2::NatGateway
    Properties: {{SubnetId: !Ref Public{n}{z}, AllocationId: !GetAtt Nat{n}{z}Eip.AllocationId}}
  App{n}{z}Route:
    Type: AWS::EC2::Route
    Properties: {{RouteTableId: !Ref App{n}{z}Rt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat{n}{z}}}
  Bastion{n}{z}:
    Type: AWS::EC2::Instance
    Condition: IsProduction
    Properties:
      ImageId: !Ref LatestAmiId
      InstanceType: t3.micro
      SubnetId: !Ref App{n}{z}
      SecurityGroupIds: [!Ref AppSg{n}]
"""


def large_template(vpcs: int = 8) -> str:
    """A template with ``vpcs`` VPCs (about 62 resources each, plus a few shared ones)."""
    plan = "\n".join(f"    Vpc{n}:\n      Cidr: 10.{n}.0.0/16" for n in range(vpcs))
    parts = [_HEADER.format(vpcs=vpcs, plan=plan)]
    for n in range(vpcs):
        parts.append(_VPC.format(n=n))
        for i, z in enumerate("ABC"):
            parts.append(_ZONE.format(n=n, z=z, i=i, app=3 + i, data=6 + i))
    return "".join(parts)


if __name__ == "__main__":
    print(large_template(), end="")
