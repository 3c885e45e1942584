"""Compute and containers: EC2, Auto Scaling, Lambda, Lightsail, ECS and ECR."""

from __future__ import annotations

from ..schema import ROOT, Kind
from ._fields import choice, flag, number, port, records, ref, refs, text, texts

COMPUTE = "Compute"
CONTAINERS = "Containers"

#: Fargate task sizes AWS accepts: CPU units -> allowed memory in MiB (the validators use this).
FARGATE_SIZES = {
    256: (512, 1024, 2048),
    512: tuple(range(1024, 4096 + 1, 1024)),
    1024: tuple(range(2048, 8192 + 1, 1024)),
    2048: tuple(range(4096, 16384 + 1, 1024)),
    4096: tuple(range(8192, 30720 + 1, 1024)),
    8192: tuple(range(16384, 61440 + 1, 4096)),
    16384: tuple(range(32768, 122880 + 1, 8192)),
}

KINDS = (
    Kind("Instance", "EC2 instance", COMPUTE, ("Subnet", "AutoScalingGroup"),
         cfn_type="AWS::EC2::Instance", description=(
             "A virtual server in one subnet. It needs a public IP address to be reached from the "
             "internet through an internet gateway."), fields=(
        text("instance_type", "t3.micro", suggestions=("t3.micro", "t3.small", "m7g.large", "c7i.large")),
        text("ami", "", label="AMI"),
        choice("public_ip", ("subnet-default", "assign", "none", "elastic"), "subnet-default",
               label="Public IPv4", help="subnet-default follows the subnet's auto-assign setting."),
        flag("ipv6", False, label="IPv6 address"),
        refs("security_groups", ("SecurityGroup",), "protected by", drawn=False),
        flag("source_dest_check", True, label="Source/destination check",
             help="Turn off for a NAT instance or another middlebox."),
        ref("iam_role", ("IamRole",), "assumes role", label="IAM role"),
        text("key_name", ""),
        choice("tls_certificate", ("none", "external"), "none", label="TLS certificate",
               help="external: the instance serves HTTPS itself with a certificate installed on it. "
                    "An EC2 instance cannot hold an ACM certificate."),
    )),
    Kind("AutoScalingGroup", "Auto Scaling group", COMPUTE, ("Vpc", "Subnet"), container=True,
         cfn_type="AWS::AutoScaling::AutoScalingGroup", description=(
             "Keeps a number of identical EC2 instances running across its subnets, adding and "
             "replacing them as needed."), fields=(
        number("min_size", 2, minimum=0),
        number("max_size", 4, minimum=0),
        number("desired_capacity", 2, minimum=0),
        text("instance_type", "t3.micro"),
        refs("subnets", ("Subnet",), "placed in"),
        refs("target_groups", ("TargetGroup",), "registered in"),
        refs("security_groups", ("SecurityGroup",), "protected by", drawn=False),
        choice("health_check_type", ("EC2", "ELB"), "EC2"),
        ref("iam_role", ("IamRole",), "assumes role", label="IAM role"),
        choice("public_ip", ("subnet-default", "assign", "none"), "subnet-default", label="Public IPv4"),
    )),
    Kind("LambdaFunction", "Lambda function", COMPUTE, ("Region", "Vpc", ROOT),
         cfn_type="AWS::Lambda::Function", description=(
             "Runs code on demand. Connected to a VPC it gets no public IP, even in a public subnet."),
         fields=(
        text("runtime", "python3.12"),
        number("memory", 128, minimum=0, label="Memory (MB)"),
        number("timeout", 3, minimum=0, label="Timeout (s)"),
        refs("subnets", ("Subnet",), "placed in", help="Empty: the function runs outside any VPC."),
        refs("security_groups", ("SecurityGroup",), "protected by", drawn=False),
        ref("role", ("IamRole",), "assumes role", label="Execution role"),
        refs("event_sources", ("SqsQueue", "DynamoDbTable"), "consumes from"),
        ref("dead_letter_queue", ("SqsQueue",), "sends failures to"),
        flag("needs_aws_apis", True, label="Calls AWS services",
             help="Whether the function calls AWS APIs (and so needs a way out of its VPC)."),
    )),
    Kind("LightsailInstance", "Lightsail instance", COMPUTE, ("Region", ROOT),
         cfn_type="AWS::Lightsail::Instance", description=(
             "A simple virtual private server with a fixed monthly plan, outside your VPCs."), fields=(
        text("bundle", "small_3_0"),
        text("blueprint", "amazon_linux_2023"),
        flag("managed_certificate", False, label="Lightsail certificate",
             help="Terminates TLS with a certificate Lightsail issues."),
    )),
    Kind("EcsCluster", "ECS cluster", CONTAINERS, ("Vpc", "Region", ROOT), container=True,
         cfn_type="AWS::ECS::Cluster", description="A logical group of ECS services and tasks.", fields=(
        texts("capacity_providers", ("FARGATE",)),
        flag("container_insights", False),
    )),
    Kind("EcsService", "ECS service", CONTAINERS, ("EcsCluster", "Vpc", "Subnet"),
         cfn_type="AWS::ECS::Service", description=(
             "Keeps a number of tasks of one task definition running, and registers them with load "
             "balancer target groups."), fields=(
        choice("launch_type", ("FARGATE", "EC2"), "FARGATE"),
        number("desired_count", 2, minimum=0),
        ref("task_definition", ("TaskDefinition",), "runs"),
        refs("subnets", ("Subnet",), "placed in"),
        refs("security_groups", ("SecurityGroup",), "protected by", drawn=False),
        flag("assign_public_ip", False, label="Assign public IP"),
        records("load_balancers",
                ref("target_group", ("TargetGroup",), "registered in"),
                text("container_name", "app"),
                port("container_port", 80),
                label="Load balancers"),
        choice("deployment", ("rolling", "blue-green"), "rolling"),
    )),
    Kind("TaskDefinition", "Task definition", CONTAINERS, ("EcsCluster", "Region", ROOT),
         cfn_type="AWS::ECS::TaskDefinition", description=(
             "The blueprint of a task: its containers, network mode and size."), fields=(
        text("family", "app"),
        choice("compatibility", ("FARGATE", "EC2"), "FARGATE", label="Launch type"),
        choice("network_mode", ("awsvpc", "bridge", "host", "none"), "awsvpc"),
        number("cpu", 256, minimum=0, label="CPU units"),
        number("memory", 512, minimum=0, label="Memory (MiB)"),
        ref("execution_role", ("IamRole",), "assumes role", drawn=False),
        ref("task_role", ("IamRole",), "assumes role", drawn=False),
        records("containers",
                text("name", "app"),
                text("image", "app:latest"),
                ref("repository", ("EcrRepository",), "pulls image from"),
                flag("essential", True),
                port("container_port", 80),
                port("host_port", 0),
                ref("log_group", ("LogGroup",), "logs to"),
                label="Containers"),
    )),
    Kind("EcrRepository", "ECR repository", CONTAINERS, ("Region", ROOT),
         cfn_type="AWS::ECR::Repository", description="A private registry for container images.", fields=(
        choice("image_tag_mutability", ("MUTABLE", "IMMUTABLE"), "MUTABLE", label="Tag mutability"),
        flag("scan_on_push", True),
    )),
)
