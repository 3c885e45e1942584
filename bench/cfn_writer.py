"""A plan as CloudFormation templates: one template per stack, written in the style of AWS's public
samples (``!Ref``/``!GetAtt``, ``!Select [n, !GetAZs '']`` zones, an SSM parameter for the AMI,
gateway attachments, EIPs, explicit routes and route-table associations).

Logical ids equal the native design's ids wherever a resource exists in both; what only templates
have (attachments, associations, routes, EIPs, listeners, launch templates) gets ids of its own.
"""

from __future__ import annotations

from .cfn_yaml import get_att, ref, select_az, sub, to_yaml
from .native_writer import TASK_IMAGE, app_port, db_port, subnet_cidrs
from .plan import DesignPlan, StackPlan, VpcPlan

__all__ = ["stack_resources", "count_cfn", "template_text", "templates"]

_ANY = "0.0.0.0/0"
_AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
#: CloudFront's fixed hosted zone id for alias records:
#: https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html
_CLOUDFRONT_ZONE = "Z2FDTNDATAQYW2"
#: The managed "CachingDisabled" cache policy: dynamic content behind a load balancer.
_CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
_FUNCTION_CODE = ("import json\n\n\ndef handler(event, context):\n"
                  "    return {\"statusCode\": 200, \"body\": json.dumps(\"ok\")}\n")


def _res(kind: str, props: dict, depends_on: str | None = None, **extra) -> dict:
    body: dict = {"Type": kind}
    if depends_on:
        body["DependsOn"] = depends_on
    body.update(extra)
    body["Properties"] = props
    return body


def _name_tag(name: str) -> list[dict]:
    return [{"Key": "Name", "Value": name}]


def stack_resources(stack: StackPlan, seed: int = 7) -> dict[str, dict]:
    """Logical id -> resource, for one stack's template."""
    s = stack.prefix
    out: dict[str, dict] = {
        f"{s}Cert": _res("AWS::CertificateManager::Certificate", {
            "DomainName": stack.domain, "SubjectAlternativeNames": [f"*.{stack.domain}"],
            "ValidationMethod": "DNS"}),
        f"{s}Assets": _res("AWS::S3::Bucket", {
            "BucketName": f"kumozu-bench-{seed}-{stack.index}-assets",
            "VersioningConfiguration": {"Status": "Enabled"},
            "PublicAccessBlockConfiguration": {"BlockPublicAcls": True, "BlockPublicPolicy": True,
                                               "IgnorePublicAcls": True, "RestrictPublicBuckets": True}}),
    }
    if stack.has_lambda:
        out[f"{s}FunctionRole"] = _res("AWS::IAM::Role", {
            "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                "Action": "sts:AssumeRole"}]},
            "ManagedPolicyArns": [sub("arn:${AWS::Partition}:iam::aws:policy/service-role/"
                                      "AWSLambdaVPCAccessExecutionRole")]})
    for vpc in stack.vpcs:
        out.update(_vpc_resources(stack, vpc))
    for pcx, requester, accepter in stack.peerings:
        out[pcx] = _res("AWS::EC2::VPCPeeringConnection", {
            "VpcId": ref(f"{requester}Vpc"), "PeerVpcId": ref(f"{accepter}Vpc"), "Tags": _name_tag(pcx)})
    out[f"{s}Cdn"] = _res("AWS::CloudFront::Distribution", {"DistributionConfig": _distribution(stack)})
    out[f"{s}Zone"] = _res("AWS::Route53::HostedZone", {"Name": stack.domain})
    out[f"{s}WwwRecord"] = _res("AWS::Route53::RecordSet", {
        "HostedZoneId": ref(f"{s}Zone"), "Name": f"www.{stack.domain}", "Type": "A",
        "AliasTarget": {"DNSName": get_att(f"{s}Cdn", "DomainName"), "HostedZoneId": _CLOUDFRONT_ZONE}})
    for vpc in stack.vpcs:
        p = vpc.prefix
        out[f"{p}AlbRecord"] = _res("AWS::Route53::RecordSet", {
            "HostedZoneId": ref(f"{s}Zone"), "Name": f"{p.lower()}.{stack.domain}", "Type": "A",
            "AliasTarget": {"DNSName": get_att(f"{p}Alb", "DNSName"),
                            "HostedZoneId": get_att(f"{p}Alb", "CanonicalHostedZoneID")}})
    return out


def _distribution(stack: StackPlan) -> dict:
    first = stack.vpcs[0].prefix
    config: dict = {
        "Enabled": True, "Comment": f"Front door of {stack.domain}", "HttpVersion": "http2",
        "Aliases": [f"www.{stack.domain}"],
        "ViewerCertificate": {"AcmCertificateArn": ref(f"{stack.prefix}Cert"), "SslSupportMethod": "sni-only",
                              "MinimumProtocolVersion": "TLSv1.2_2021"},
        "Origins": [{"Id": v.prefix, "DomainName": get_att(f"{v.prefix}Alb", "DNSName"),
                     "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}} for v in stack.vpcs],
        "DefaultCacheBehavior": {"TargetOriginId": first, "ViewerProtocolPolicy": "redirect-to-https",
                                 "CachePolicyId": _CACHING_DISABLED},
    }
    others = [{"PathPattern": f"/{v.prefix.lower()}/*", "TargetOriginId": v.prefix,
               "ViewerProtocolPolicy": "redirect-to-https", "CachePolicyId": _CACHING_DISABLED}
              for v in stack.vpcs[1:]]
    if others:
        config["CacheBehaviors"] = others
    return config


def _vpc_resources(stack: StackPlan, vpc: VpcPlan) -> dict[str, dict]:
    p = vpc.prefix
    v = ref(f"{p}Vpc")
    attachment = f"{p}IgwAttachment"
    letters = [z.upper() for z in vpc.zones]
    app_subnets = [ref(f"{p}App{z}") for z in letters]
    out: dict[str, dict] = {
        f"{p}Vpc": _res("AWS::EC2::VPC", {"CidrBlock": vpc.cidr, "EnableDnsSupport": True,
                                          "EnableDnsHostnames": True, "Tags": _name_tag(p)}),
        f"{p}Igw": _res("AWS::EC2::InternetGateway", {"Tags": _name_tag(f"{p}-igw")}),
        attachment: _res("AWS::EC2::VPCGatewayAttachment", {"VpcId": v, "InternetGatewayId": ref(f"{p}Igw")}),
    }
    for k, z in enumerate(letters):
        for tier, cidr in subnet_cidrs(vpc, k).items():
            props = {"VpcId": v, "CidrBlock": cidr, "AvailabilityZone": select_az(k)}
            if tier == "Public":
                props["MapPublicIpOnLaunch"] = True
            props["Tags"] = _name_tag(f"{p}-{tier.lower()}-{z.lower()}")
            out[f"{p}{tier}{z}"] = _res("AWS::EC2::Subnet", props)
        out[f"{p}NatEip{z}"] = _res("AWS::EC2::EIP", {"Domain": "vpc"}, depends_on=attachment)
        out[f"{p}Nat{z}"] = _res("AWS::EC2::NatGateway", {
            "AllocationId": get_att(f"{p}NatEip{z}", "AllocationId"), "SubnetId": ref(f"{p}Public{z}")})
    out.update(_routing(stack, vpc, attachment))
    out.update(_security_groups(stack, vpc))
    out[f"{p}AppTg"] = _res("AWS::ElasticLoadBalancingV2::TargetGroup", {
        "VpcId": v, "Protocol": "HTTP", "Port": app_port(), "TargetType": "instance",
        "HealthCheckPath": "/health"})
    out[f"{p}Alb"] = _res("AWS::ElasticLoadBalancingV2::LoadBalancer", {
        "Type": "application", "Scheme": "internet-facing",
        "Subnets": [ref(f"{p}Public{z}") for z in letters], "SecurityGroups": [ref(f"{p}AlbSg")]},
        depends_on=attachment)
    out[f"{p}HttpsListener"] = _res("AWS::ElasticLoadBalancingV2::Listener", {
        "LoadBalancerArn": ref(f"{p}Alb"), "Protocol": "HTTPS", "Port": 443,
        "Certificates": [{"CertificateArn": ref(f"{stack.prefix}Cert")}],
        "DefaultActions": [{"Type": "forward", "TargetGroupArn": ref(f"{p}AppTg")}]})
    out[f"{p}HttpListener"] = _res("AWS::ElasticLoadBalancingV2::Listener", {
        "LoadBalancerArn": ref(f"{p}Alb"), "Protocol": "HTTP", "Port": 80,
        "DefaultActions": [{"Type": "redirect", "RedirectConfig": {
            "Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}]})
    out[f"{p}LaunchTemplate"] = _res("AWS::EC2::LaunchTemplate", {"LaunchTemplateData": {
        "ImageId": ref("ImageId"), "InstanceType": vpc.instance_type,
        "SecurityGroupIds": [ref(f"{p}AppSg")]}})
    out[f"{p}Asg"] = _res("AWS::AutoScaling::AutoScalingGroup", {
        "MinSize": "2", "MaxSize": "6", "DesiredCapacity": "2", "VPCZoneIdentifier": app_subnets,
        "LaunchTemplate": {"LaunchTemplateId": ref(f"{p}LaunchTemplate"),
                           "Version": get_att(f"{p}LaunchTemplate", "LatestVersionNumber")},
        "TargetGroupARNs": [ref(f"{p}AppTg")], "HealthCheckType": "ELB", "HealthCheckGracePeriod": 120})
    out[f"{p}DbSubnets"] = _res("AWS::RDS::DBSubnetGroup", {
        "DBSubnetGroupDescription": f"Data tier of {p}", "SubnetIds": [ref(f"{p}Data{z}") for z in letters]})
    out[f"{p}Db"] = _res("AWS::RDS::DBInstance", {
        "Engine": vpc.db_engine, "DBInstanceClass": "db.t3.medium", "AllocatedStorage": "20",
        "MultiAZ": True, "DBSubnetGroupName": ref(f"{p}DbSubnets"), "VPCSecurityGroups": [ref(f"{p}DbSg")],
        "MasterUsername": "app", "ManageMasterUserPassword": True, "StorageEncrypted": True,
        "BackupRetentionPeriod": 7}, DeletionPolicy="Snapshot", UpdateReplacePolicy="Snapshot")
    out[f"{p}S3Endpoint"] = _res("AWS::EC2::VPCEndpoint", {
        "VpcEndpointType": "Gateway", "ServiceName": sub("com.amazonaws.${AWS::Region}.s3"), "VpcId": v,
        "RouteTableIds": [ref(f"{p}AppRoutes{z}") for z in letters] + [ref(f"{p}DataRoutes")]})
    if vpc.has_lambda:
        out[f"{p}Function"] = _res("AWS::Lambda::Function", {
            "Runtime": "python3.12", "Handler": "index.handler",
            "Role": get_att(f"{stack.prefix}FunctionRole", "Arn"), "MemorySize": 256, "Timeout": 10,
            "VpcConfig": {"SubnetIds": app_subnets, "SecurityGroupIds": [ref(f"{p}LambdaSg")]},
            "Code": {"ZipFile": _FUNCTION_CODE}})
    if vpc.has_ecs:
        out.update(_ecs(vpc, app_subnets))
    for j in range(vpc.workers):
        out[f"{p}Worker{j:03d}"] = _res("AWS::EC2::Instance", {
            "ImageId": ref("ImageId"), "InstanceType": vpc.instance_type,
            "SubnetId": ref(f"{p}App{letters[j % len(letters)]}"), "SecurityGroupIds": [ref(f"{p}AppSg")],
            "Tags": _name_tag(f"{p.lower()}-worker-{j:03d}")})
    return out


def _routing(stack: StackPlan, vpc: VpcPlan, attachment: str) -> dict[str, dict]:
    p = vpc.prefix
    v = ref(f"{p}Vpc")
    letters = [z.upper() for z in vpc.zones]
    out: dict[str, dict] = {
        f"{p}PublicRoutes": _res("AWS::EC2::RouteTable", {"VpcId": v}),
        f"{p}PublicDefaultRoute": _res("AWS::EC2::Route", {
            "RouteTableId": ref(f"{p}PublicRoutes"), "DestinationCidrBlock": _ANY,
            "GatewayId": ref(f"{p}Igw")}, depends_on=attachment),
        f"{p}DataRoutes": _res("AWS::EC2::RouteTable", {"VpcId": v}),
    }
    for z in letters:
        table = f"{p}AppRoutes{z}"
        out[table] = _res("AWS::EC2::RouteTable", {"VpcId": v})
        out[f"{p}AppDefaultRoute{z}"] = _res("AWS::EC2::Route", {
            "RouteTableId": ref(table), "DestinationCidrBlock": _ANY, "NatGatewayId": ref(f"{p}Nat{z}")})
        for pcx, other in stack.peers_of(p):
            out[f"{p}AppPeerRoute{z}{other.prefix}"] = _res("AWS::EC2::Route", {
                "RouteTableId": ref(table), "DestinationCidrBlock": other.cidr,
                "VpcPeeringConnectionId": ref(pcx)})
        for tier, table_id in (("Public", f"{p}PublicRoutes"), ("App", table), ("Data", f"{p}DataRoutes")):
            out[f"{p}{tier}{z}Association"] = _res("AWS::EC2::SubnetRouteTableAssociation", {
                "SubnetId": ref(f"{p}{tier}{z}"), "RouteTableId": ref(table_id)})
    return out


def _rule(port: int, description: str, cidr: str = "", group: str = "") -> dict:
    rule: dict = {"IpProtocol": "tcp", "FromPort": port, "ToPort": port}
    if cidr:
        rule["CidrIp"] = cidr
    else:
        rule["SourceSecurityGroupId"] = ref(group)
    rule["Description"] = description
    return rule


def _group(vpc: VpcPlan, description: str, ingress: list[dict]) -> dict:
    props: dict = {"GroupDescription": description, "VpcId": ref(f"{vpc.prefix}Vpc")}
    if ingress:
        props["SecurityGroupIngress"] = ingress
    return _res("AWS::EC2::SecurityGroup", props)


def _security_groups(stack: StackPlan, vpc: VpcPlan) -> dict[str, dict]:
    p = vpc.prefix
    app_in = [_rule(app_port(), "from the load balancer", group=f"{p}AlbSg")]
    app_in += [_rule(app_port(), f"from peer {other.prefix}", cidr=other.cidr)
               for _, other in stack.peers_of(p)]
    db_in = [_rule(db_port(vpc), "from the application tier", group=f"{p}AppSg")]
    if vpc.has_lambda:
        db_in.append(_rule(db_port(vpc), "from the function", group=f"{p}LambdaSg"))
    out = {
        f"{p}AlbSg": _group(vpc, "HTTPS and HTTP from the internet",
                            [_rule(443, "HTTPS", cidr=_ANY), _rule(80, "HTTP, redirected", cidr=_ANY)]),
        f"{p}AppSg": _group(vpc, "Application servers", app_in),
        f"{p}DbSg": _group(vpc, "Database", db_in),
    }
    if vpc.has_lambda:
        out[f"{p}LambdaSg"] = _group(vpc, "Function", [])
    if vpc.has_ecs:
        out[f"{p}TaskSg"] = _group(vpc, "Fargate tasks", [])
        out[f"{p}EndpointSg"] = _group(vpc, "Interface endpoints", [_rule(443, "HTTPS from the VPC", cidr=vpc.cidr)])
    return out


def _ecs(vpc: VpcPlan, app_subnets: list) -> dict[str, dict]:
    p = vpc.prefix
    out = {
        f"{p}Cluster": _res("AWS::ECS::Cluster", {"ClusterName": f"{p.lower()}-cluster"}),
        f"{p}TaskDef": _res("AWS::ECS::TaskDefinition", {
            "Family": p.lower(), "Cpu": "256", "Memory": "512", "NetworkMode": "awsvpc",
            "RequiresCompatibilities": ["FARGATE"],
            "ContainerDefinitions": [{"Name": "app", "Image": TASK_IMAGE, "Essential": True,
                                      "PortMappings": [{"ContainerPort": app_port()}]}]}),
        f"{p}Service": _res("AWS::ECS::Service", {
            "Cluster": ref(f"{p}Cluster"), "TaskDefinition": ref(f"{p}TaskDef"), "LaunchType": "FARGATE",
            "DesiredCount": 2, "NetworkConfiguration": {"AwsvpcConfiguration": {
                "AssignPublicIp": "DISABLED", "Subnets": app_subnets,
                "SecurityGroups": [ref(f"{p}TaskSg")]}}}),
    }
    for name, service in (("EcrApi", "ecr.api"), ("EcrDkr", "ecr.dkr"), ("Logs", "logs")):
        out[f"{p}{name}Endpoint"] = _res("AWS::EC2::VPCEndpoint", {
            "VpcEndpointType": "Interface", "ServiceName": sub(f"com.amazonaws.${{AWS::Region}}.{service}"),
            "VpcId": ref(f"{p}Vpc"), "SubnetIds": app_subnets, "SecurityGroupIds": [ref(f"{p}EndpointSg")],
            "PrivateDnsEnabled": True})
    return out


def count_cfn(stack: StackPlan) -> int:
    return len(stack_resources(stack))


def template_text(stack: StackPlan, seed: int = 7) -> str:
    """One stack's template as YAML text."""
    names = ", ".join(v.prefix for v in stack.vpcs)
    document = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": f"Kumozu benchmark stack {stack.prefix} ({stack.domain}): VPCs {names}",
        "Parameters": {"ImageId": {
            "Type": "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", "Default": _AMI_PARAMETER,
            "Description": "The AMI of application servers and workers"}},
        "Resources": stack_resources(stack, seed),
    }
    return to_yaml(document)


def templates(plan: DesignPlan) -> list[tuple[str, str]]:
    """``(file name, template text)`` for every stack of the plan."""
    return [(f"stack-{stack.index:02d}.cfn.yaml", template_text(stack, plan.seed)) for stack in plan.stacks]
