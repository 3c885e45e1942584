"""EC2 instances and launch templates, Auto Scaling, Lambda, Lightsail, ECS and ECR."""

from __future__ import annotations

from ...resources import Resource
from ..writer import Writer
from . import writes
from .security import trust_policy

#: Where an exported template finds an AMI when the design names none: the public SSM parameter
#: of the latest Amazon Linux 2023 image.
LATEST_AMI = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"

_INLINE_CODE = {
    "python": ("index.handler", 'def handler(event, context):\n'
                                '    return {"statusCode": 200, "body": "ok"}\n'),
    "nodejs": ("index.handler", "exports.handler = async () => ({ statusCode: 200, body: 'ok' });\n"),
}


def _ami(w: Writer, value):
    if value:
        return w.value(value, "AWS::EC2::Image::Id")
    return w.parameter("LatestAmiId", "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
                       "The AMI of instances the design names none for", default=LATEST_AMI)

__all__ = ["LATEST_AMI", "instance_profile", "instance", "auto_scaling_group", "lambda_function",
           "invoke_permission", "lightsail_instance", "ecs_cluster", "ecs_service",
           "task_definition", "ecr_repository"]


def instance_profile(w: Writer, role_id) -> dict | None:
    """The instance profile of a role (one per role, shared by its instances)."""
    role = w.d.get(role_id) if isinstance(role_id, str) else None
    if role is None or role.id not in w.logical:
        return None
    logical = w.profiles.get(role.id)
    if logical is None:
        logical = w.profiles[role.id] = w.helper_id(role, "InstanceProfile")
        w.add(logical, "AWS::IAM::InstanceProfile", {"Roles": [{"Ref": w.logical[role.id]}]}, role)
    return {"Ref": logical}


@writes("Instance")
def instance(w: Writer, r: Resource) -> None:
    parent = w.d.get(r.parent)
    if parent is not None and parent.kind == "AutoScalingGroup":
        first = next(c for c in w.d.children(parent.id) if c.kind == "Instance")
        # the group launches from its first instance's template; another instance drawn in it
        # keeps its place through metadata, as no group names its template
        _launch_template(w, r, w.main(r), r, None if first.id == r.id else {"parent": parent.id})
        return
    subnet = w.subnet_of(r)
    subnet_ref = w.ref(subnet.id) if subnet is not None else None
    groups = w.refs(r.get("security_groups"), "GroupId") or None
    public = r.get("public_ip")
    props = {"InstanceType": w.value(r.get("instance_type")), "ImageId": _ami(w, r.get("ami")),
             "KeyName": w.value(r.get("key_name")) or None,
             "SourceDestCheck": False if r.get("source_dest_check") is False else None,
             "IamInstanceProfile": instance_profile(w, r.get("iam_role")),
             "Tags": w.tags(r)}
    if public in ("assign", "none"):
        props["NetworkInterfaces"] = [{"DeviceIndex": "0", "SubnetId": subnet_ref,
                                       "AssociatePublicIpAddress": public == "assign",
                                       "GroupSet": groups,
                                       "Ipv6AddressCount": 1 if r.get("ipv6") is True else None}]
        props["NetworkInterfaces"][0] = {k: v for k, v in props["NetworkInterfaces"][0].items()
                                         if v is not None}
    else:
        props.update({"SubnetId": subnet_ref, "SecurityGroupIds": groups,
                      "Ipv6AddressCount": 1 if r.get("ipv6") is True else None})
    logical = w.add(w.main(r), "AWS::EC2::Instance", props, r)
    if public == "elastic":
        w.add(w.helper_id(r, "Eip"), "AWS::EC2::EIP", {"Domain": "vpc", "InstanceId": {"Ref": logical}},
              r)


def _launch_template(w: Writer, source: Resource, logical: str, owner: Resource,
                     metadata: dict | None = None) -> str:
    """A launch template from an instance drawn in an Auto Scaling group (or from the group's own
    settings when it has no instance drawn). Security groups, role and public IP the instance
    does not set come from the group, as they do in the model."""
    group = w.d.get(source.parent) if source.kind == "Instance" else source
    groups = w.refs(source.get("security_groups") or group.get("security_groups"), "GroupId") or None
    public = source.get("public_ip")
    if public == "subnet-default" and group is not None:
        public = group.get("public_ip")
    data = {"InstanceType": w.value(source.get("instance_type")),
            "ImageId": _ami(w, source.get("ami") if source.kind == "Instance" else ""),
            "KeyName": (w.value(source.get("key_name")) or None) if source.kind == "Instance" else None,
            "IamInstanceProfile": None}
    role = source.get("iam_role") or (group.get("iam_role") if group is not None else "")
    profile = instance_profile(w, role)
    if profile is not None:
        data["IamInstanceProfile"] = {"Arn": {"Fn::GetAtt": [profile["Ref"], "Arn"]}}
    if public in ("assign", "none"):
        data["NetworkInterfaces"] = [{"DeviceIndex": 0, "AssociatePublicIpAddress": public == "assign",
                                      **({"Groups": groups} if groups else {})}]
    else:
        data["SecurityGroupIds"] = groups
    data = {k: v for k, v in data.items() if v is not None}
    return w.add(logical, "AWS::EC2::LaunchTemplate", {"LaunchTemplateData": data}, owner,
                 metadata=metadata)


@writes("AutoScalingGroup")
def auto_scaling_group(w: Writer, r: Resource) -> None:
    instances = [c for c in w.d.children(r.id) if c.kind == "Instance"]
    if instances:
        template = w.logical[instances[0].id]
    else:
        template = _launch_template(w, r, w.helper_id(r, "LaunchTemplate"), r, w.implied())
    w.add(w.main(r), "AWS::AutoScaling::AutoScalingGroup", {
        "MinSize": _text(w.value(r.get("min_size"))),
        "MaxSize": _text(w.value(r.get("max_size"))),
        "DesiredCapacity": _text(w.value(r.get("desired_capacity"))),
        "VPCZoneIdentifier": w.refs(r.get("subnets")) or None,
        "TargetGroupARNs": w.refs(r.get("target_groups")) or None,
        "HealthCheckType": w.value(r.get("health_check_type")),
        "LaunchTemplate": {"LaunchTemplateId": {"Ref": template},
                           "Version": {"Fn::GetAtt": [template, "LatestVersionNumber"]}}}, r)


def _text(value):
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _code(w: Writer, r: Resource, runtime) -> tuple[dict, dict]:
    """Code for a function: a minimal inline handler for Python and Node.js (the design holds no
    code), otherwise an S3 object named by parameters."""
    family = next((f for f in _INLINE_CODE if isinstance(runtime, str) and runtime.startswith(f)), None)
    if family is not None:
        handler, code = _INLINE_CODE[family]
        return {"ZipFile": code}, {"Handler": handler, "Runtime": runtime}
    logical = w.main(r)
    if not runtime:
        return ({"ImageUri": w.parameter(f"{logical}ImageUri", "String",
                                         f"The container image of {r.label}")},
                {"PackageType": "Image"})
    return ({"S3Bucket": w.parameter(f"{logical}CodeBucket", "String", f"The bucket of {r.label}'s code"),
             "S3Key": w.parameter(f"{logical}CodeKey", "String", f"The key of {r.label}'s code")},
            {"Handler": "index.handler", "Runtime": w.value(runtime)})


def _execution_role(w: Writer, r: Resource) -> dict:
    """The function's role, or one written for it with the managed policies it needs."""
    role = w.ref(r.get("role"), "Arn") if r.get("role") else None
    if role is not None:
        return role
    policies = ["arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]
    if r.get("subnets"):
        policies.append("arn:${AWS::Partition}:iam::aws:policy/service-role/"
                        "AWSLambdaVPCAccessExecutionRole")
    kinds = {w.d[s].kind for s in r.get("event_sources", ()) if isinstance(s, str) and s in w.d}
    if "SqsQueue" in kinds:
        policies.append("arn:${AWS::Partition}:iam::aws:policy/service-role/"
                        "AWSLambdaSQSQueueExecutionRole")
    if "DynamoDbTable" in kinds:
        policies.append("arn:${AWS::Partition}:iam::aws:policy/service-role/"
                        "AWSLambdaDynamoDBExecutionRole")
    logical = w.add(w.helper_id(r, "Role"), "AWS::IAM::Role", {
        "AssumeRolePolicyDocument": trust_policy("lambda.amazonaws.com"),
        "ManagedPolicyArns": [{"Fn::Sub": p} for p in policies]}, r, metadata=w.implied())
    return {"Fn::GetAtt": [logical, "Arn"]}


@writes("LambdaFunction")
def lambda_function(w: Writer, r: Resource) -> None:
    code, settings = _code(w, r, w.value(r.get("runtime")))
    subnets = w.refs(r.get("subnets"))
    queue = w.ref(r.get("dead_letter_queue"), "Arn") if r.get("dead_letter_queue") else None
    logical = w.add(w.main(r), "AWS::Lambda::Function", {
        **settings, "Code": code, "Role": _execution_role(w, r),
        "MemorySize": w.value(r.get("memory")), "Timeout": w.value(r.get("timeout")),
        "VpcConfig": {"SubnetIds": subnets,
                      "SecurityGroupIds": w.refs(r.get("security_groups"), "GroupId")}
        if subnets else None,
        "DeadLetterConfig": {"TargetArn": queue} if queue is not None else None}, r)
    for i, source in enumerate(r.get("event_sources", ()), start=1):
        record = w.d.get(source) if isinstance(source, str) else None
        if record is None or record.id not in w.logical:
            continue
        attribute = "StreamArn" if record.kind == "DynamoDbTable" else "Arn"
        w.add(w.helper_id(r, f"Source{i}"), "AWS::Lambda::EventSourceMapping", {
            "FunctionName": {"Ref": logical}, "EventSourceArn": w.ref(record.id, attribute),
            "StartingPosition": "LATEST" if record.kind == "DynamoDbTable" else None}, r)


def invoke_permission(w: Writer, function_id, principal: str, owner: Resource, source_arn=None):
    """Permission for a service to invoke a function the design connects it to."""
    record = w.d.get(function_id) if isinstance(function_id, str) else None
    if record is None or record.kind != "LambdaFunction" or record.id not in w.logical:
        return None
    key = (record.id, principal, w.logical.get(owner.id))
    if key in w.permissions:
        return w.permissions[key]
    logical = w.permissions[key] = w.helper_id(owner, "InvokePermission")
    w.add(logical, "AWS::Lambda::Permission", {
        "Action": "lambda:InvokeFunction", "FunctionName": {"Fn::GetAtt": [w.logical[record.id], "Arn"]},
        "Principal": principal, "SourceArn": source_arn}, owner)
    return logical


@writes("LightsailInstance")
def lightsail_instance(w: Writer, r: Resource) -> None:
    w.add(w.main(r), "AWS::Lightsail::Instance", {
        "InstanceName": r.label, "BundleId": w.value(r.get("bundle")),
        "BlueprintId": w.value(r.get("blueprint"))}, r)


@writes("EcsCluster")
def ecs_cluster(w: Writer, r: Resource) -> None:
    providers = r.get("capacity_providers")
    w.add(w.main(r), "AWS::ECS::Cluster", {
        "CapacityProviders": w.value(providers) if providers else None,
        "ClusterSettings": [{"Name": "containerInsights", "Value": "enabled"}]
        if r.get("container_insights") is True else None}, r)


@writes("EcsService")
def ecs_service(w: Writer, r: Resource) -> None:
    cluster = w.d.get(r.parent)
    groups = w.refs(r.get("security_groups"), "GroupId")
    subnets = w.refs(r.get("subnets"))
    balancers, listeners = [], []
    for item in r.get("load_balancers", ()):
        group = w.ref(item.get("target_group"))
        if group is None:
            continue
        balancers.append({"TargetGroupArn": group, "ContainerName": w.value(item.get("container_name")),
                          "ContainerPort": w.value(item.get("container_port"))})
        listeners.extend(w.listeners_forwarding_to.get(item.get("target_group"), ()))
    task = w.d.get(r.get("task_definition")) if isinstance(r.get("task_definition"), str) else None
    awsvpc = task is None or task.get("network_mode") == "awsvpc"
    w.add(w.main(r), "AWS::ECS::Service", {
        "Cluster": w.ref(cluster.id) if cluster is not None and cluster.kind == "EcsCluster" else None,
        "LaunchType": w.value(r.get("launch_type")),
        "DesiredCount": w.value(r.get("desired_count")),
        "TaskDefinition": w.ref(r.get("task_definition")),
        "NetworkConfiguration": {"AwsvpcConfiguration": {
            "Subnets": subnets, "SecurityGroups": groups or None,
            "AssignPublicIp": "ENABLED" if r.get("assign_public_ip") is True else "DISABLED"}}
        if awsvpc and subnets else None,
        "LoadBalancers": balancers or None,
        "DeploymentController": {"Type": "CODE_DEPLOY"} if r.get("deployment") == "blue-green" else None},
        r, depends_on=listeners)


def _image(w: Writer, container) -> object:
    image = container.get("image")
    repository = container.get("repository")
    if repository and isinstance(image, str) and repository in w.logical:
        tag = image.rsplit(":", 1)[1] if ":" in image.rsplit("/", 1)[-1] else "latest"
        return {"Fn::Sub": f"${{{w.logical[repository]}.RepositoryUri}}:{tag}"}
    return w.value(image)


@writes("TaskDefinition")
def task_definition(w: Writer, r: Resource) -> None:
    awsvpc = r.get("network_mode") == "awsvpc"
    containers = []
    for item in r.get("containers", ()):
        port = item.get("container_port")
        mapping = None
        if port:
            host = item.get("host_port") or None
            mapping = [{"ContainerPort": w.value(port),
                        **({"HostPort": w.value(host if not awsvpc else port)} if host else {})}]
        group = w.ref(item.get("log_group")) if item.get("log_group") else None
        containers.append({k: v for k, v in {
            "Name": w.value(item.get("name")), "Image": _image(w, item),
            "Essential": item.get("essential"), "PortMappings": mapping,
            "LogConfiguration": {"LogDriver": "awslogs", "Options": {
                "awslogs-group": group, "awslogs-region": {"Ref": "AWS::Region"},
                "awslogs-stream-prefix": w.value(item.get("name"))}} if group is not None else None,
        }.items() if v is not None})
    w.add(w.main(r), "AWS::ECS::TaskDefinition", {
        "Family": w.value(r.get("family")) or None,
        "RequiresCompatibilities": [w.value(r.get("compatibility"))],
        "NetworkMode": w.value(r.get("network_mode")),
        "Cpu": _text(w.value(r.get("cpu"))) if r.get("cpu") else None,
        "Memory": _text(w.value(r.get("memory"))) if r.get("memory") else None,
        "ExecutionRoleArn": w.ref(r.get("execution_role"), "Arn") if r.get("execution_role") else None,
        "TaskRoleArn": w.ref(r.get("task_role"), "Arn") if r.get("task_role") else None,
        "ContainerDefinitions": containers or None}, r)


@writes("EcrRepository")
def ecr_repository(w: Writer, r: Resource) -> None:
    w.add(w.main(r), "AWS::ECR::Repository", {
        "ImageTagMutability": w.value(r.get("image_tag_mutability")),
        "ImageScanningConfiguration": {"ScanOnPush": w.value(r.get("scan_on_push"))}}, r)
