"""EC2 instances, launch templates, Auto Scaling, Lambda, ECS, ECR and Lightsail."""

from __future__ import annotations

import re
from typing import Any

from ..context import ImportContext
from ..intrinsics import ResourceRef
from ..values import as_list, first, is_unknown, number, text, unresolved
from . import maps
from .common import choice, fold_target, get_flag, get_number, get_text, is_ref_to

__all__ = ["launch_data", "instance", "launch_template", "auto_scaling_group", "lambda_function",
           "event_source_mapping", "lambda_permission", "ecs_cluster", "capacity_providers",
           "ecs_service", "task_definition", "ecr_repository", "lightsail_instance"]

_INTERFACE_KEYS = ("AssociatePublicIpAddress", "Ipv6AddressCount", "Ipv6Addresses")


def _primary_interface(props: dict) -> dict:
    interfaces = props.get("NetworkInterfaces")
    if isinstance(interfaces, list):
        for interface in interfaces:
            if isinstance(interface, dict) and str(interface.get("DeviceIndex", "0")) == "0":
                return interface
    return {}


def _public_ip(ctx: ImportContext, logical: str, interface: dict) -> Any:
    value = interface.get("AssociatePublicIpAddress")
    if value is None:
        return "subnet-default"
    if is_unknown(value):
        return unresolved(value)
    return "assign" if get_flag(ctx, logical, interface, "AssociatePublicIpAddress") else "none"


def _has_ipv6(props: dict, interface: dict) -> bool:
    for source in (props, interface):
        count = source.get("Ipv6AddressCount")
        if (isinstance(count, (int, str)) and str(count).isdigit() and int(count) > 0) \
                or source.get("Ipv6Addresses"):
            return True
    return False


def launch_data(ctx: ImportContext, logical: str, data: dict) -> dict:
    """The instance settings a launch template's data (or a launch configuration) holds."""
    interface = _primary_interface(data)
    groups = data.get("SecurityGroupIds", data.get("SecurityGroups", interface.get("Groups")))
    profile = data.get("IamInstanceProfile")
    if isinstance(profile, dict):
        profile = profile.get("Arn", profile.get("Name"))
    public = _public_ip(ctx, logical, interface if interface else
                        {k: v for k, v in data.items() if k == "AssociatePublicIpAddress"})
    return {"instance_type": get_text(ctx, logical, data, "InstanceType", "m1.small"),
            "ami": get_text(ctx, logical, data, "ImageId"),
            "key_name": get_text(ctx, logical, data, "KeyName"),
            "security_groups": ctx.refs(logical, "SecurityGroupIds", groups, ("SecurityGroup",)),
            "iam_role": ctx.ref(logical, "IamInstanceProfile", profile, ("IamRole",)),
            "public_ip": public, "ipv6": _has_ipv6(data, interface)}


@maps("AWS::EC2::Instance", kind="Instance")
def instance(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    interface = _primary_interface(p)
    values = launch_data(ctx, logical, p)
    groups = p.get("SecurityGroupIds", p.get("SecurityGroups", interface.get("GroupSet")))
    values["security_groups"] = ctx.refs(logical, "SecurityGroupIds", groups, ("SecurityGroup",))
    values["source_dest_check"] = get_flag(ctx, logical, p, "SourceDestCheck", True)
    subnet_value = p.get("SubnetId", interface.get("SubnetId"))
    draft = ctx.new(logical, **values)
    draft.parent_hint = ctx.subnet(logical, subnet_value, _vpc_of_groups(ctx, values)) \
        if subnet_value is not None else ctx.default_subnet(logical)


def _vpc_of_groups(ctx: ImportContext, values: dict) -> str | None:
    """The VPC of an instance's security groups: where a subnet the template does not create
    must be."""
    groups = values.get("security_groups")
    for group in groups if isinstance(groups, list) else []:
        draft = ctx.drafts.get(group) if isinstance(group, str) else None
        if draft is not None and draft.parent_hint:
            return draft.parent_hint
    return None


def _launch_template_of(ctx: ImportContext, props: dict) -> tuple[str | None, dict]:
    """The launch template (or launch configuration) an Auto Scaling group uses: its logical id
    and its instance data."""
    spec = props.get("LaunchTemplate")
    mixed = props.get("MixedInstancesPolicy")
    if spec is None and isinstance(mixed, dict):
        spec = (mixed.get("LaunchTemplate") or {}).get("LaunchTemplateSpecification")
    if isinstance(spec, dict):
        ref = spec.get("LaunchTemplateId", spec.get("LaunchTemplateName"))
        if is_ref_to(ctx, ref, "AWS::EC2::LaunchTemplate"):
            logical = ctx.logical_of(ref.id)
            data = ctx.props(logical).get("LaunchTemplateData")
            return logical, data if isinstance(data, dict) else {}
    configuration = props.get("LaunchConfigurationName")
    if is_ref_to(ctx, configuration, "AWS::AutoScaling::LaunchConfiguration"):
        logical = ctx.logical_of(configuration.id)
        return logical, ctx.props(logical)
    return None, {}


def _groups_using(ctx: ImportContext, template: str) -> list[str]:
    cache = getattr(ctx, "_launch_users", None)
    if cache is None:
        cache = {}
        for group in ctx.of_type("AWS::AutoScaling::AutoScalingGroup"):
            used, _ = _launch_template_of(ctx, ctx.props(group))
            if used is not None:
                cache.setdefault(used, []).append(group)
        ctx._launch_users = cache
    return cache.get(template, [])


def _plan_launch_template(ctx: ImportContext, logical: str):
    """A launch template used by Auto Scaling groups is drawn as the instance inside the first
    group (one written by Kumozu for a group drawn without one is folded into the group); an
    unused one stays generic."""
    users = _groups_using(ctx, logical)
    if not users:
        # a second instance Kumozu drew in a group (the group launches from the first)
        return "Instance" if ctx.kumozu(logical).get("parent") else "GenericResource"
    if ctx.kumozu(logical).get("implied"):
        return None
    return "Instance"


@maps("AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration", kind="Instance",
      plan=_plan_launch_template)
def launch_template(ctx: ImportContext, logical: str) -> None:
    users = _groups_using(ctx, logical)
    group = ctx.model_ids.get(users[0]) if users else None
    if ctx.kumozu(logical).get("implied"):  # written by Kumozu for a group drawn without one
        ctx.fold(logical, group)
        return
    p = ctx.props(logical)
    data = p.get("LaunchTemplateData", p) if ctx.type_of(logical) == "AWS::EC2::LaunchTemplate" \
        else p
    draft = ctx.new(logical, **launch_data(ctx, logical, data if isinstance(data, dict) else {}))
    draft.parent_hint = group


@maps("AWS::AutoScaling::AutoScalingGroup", kind="AutoScalingGroup")
def auto_scaling_group(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    template, data = _launch_template_of(ctx, p)
    settings = launch_data(ctx, template, data) if template else {}
    minimum = get_number(ctx, logical, p, "MinSize", 0)
    if p.get("VPCZoneIdentifier") is None:
        ctx.note(logical, "the group names no subnets (VPCZoneIdentifier), so AWS uses the default "
                          "subnets of its Availability Zones")
    ctx.new(logical, min_size=minimum, max_size=get_number(ctx, logical, p, "MaxSize", 0),
            desired_capacity=get_number(ctx, logical, p, "DesiredCapacity", minimum)
            if not is_unknown(minimum) else get_number(ctx, logical, p, "DesiredCapacity", 0),
            subnets=ctx.refs(logical, "VPCZoneIdentifier", p.get("VPCZoneIdentifier"), ("Subnet",)),
            target_groups=ctx.refs(logical, "TargetGroupARNs", p.get("TargetGroupARNs"),
                                   ("TargetGroup",)),
            health_check_type=choice(ctx, logical, "HealthCheckType", p.get("HealthCheckType"),
                                     ("EC2", "ELB"), "EC2"),
            **{k: settings[k] for k in ("instance_type", "security_groups", "iam_role", "public_ip")
               if k in settings and settings[k] not in ("", [])},
            **({"public_ip": "subnet-default"} if settings.get("public_ip") == "elastic" else {}))


@maps("AWS::Lambda::Function", kind="LambdaFunction")
def lambda_function(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    vpc_config = p.get("VpcConfig") if isinstance(p.get("VpcConfig"), dict) else {}
    dead_letter = p.get("DeadLetterConfig") if isinstance(p.get("DeadLetterConfig"), dict) else {}
    target = dead_letter.get("TargetArn")
    queue = ""
    if target is not None:
        if is_ref_to(ctx, target, "AWS::SNS::Topic"):
            ctx.note(logical, "its dead-letter target is an SNS topic; Kumozu draws SQS dead-letter "
                              "queues only")
        else:
            queue = ctx.ref(logical, "DeadLetterConfig", target, ("SqsQueue",))
    ctx.new(logical, runtime=get_text(ctx, logical, p, "Runtime"),
            memory=get_number(ctx, logical, p, "MemorySize", 128),
            timeout=get_number(ctx, logical, p, "Timeout", 3),
            subnets=ctx.refs(logical, "SubnetIds", vpc_config.get("SubnetIds"), ("Subnet",)),
            security_groups=ctx.refs(logical, "SecurityGroupIds", vpc_config.get("SecurityGroupIds"),
                                     ("SecurityGroup",)),
            role=ctx.ref(logical, "Role", p.get("Role"), ("IamRole",)),
            dead_letter_queue=queue)


def _plan_event_source(ctx: ImportContext, logical: str):
    p = ctx.props(logical)
    if is_ref_to(ctx, p.get("FunctionName"), "AWS::Lambda::Function") and is_ref_to(
            ctx, p.get("EventSourceArn"), "AWS::SQS::Queue", "AWS::DynamoDB::Table"):
        return None
    return "GenericResource"


@maps("AWS::Lambda::EventSourceMapping", plan=_plan_event_source)
def event_source_mapping(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    function = fold_target(ctx, p.get("FunctionName"), "LambdaFunction")
    ctx.fold(logical, function.id)
    source = ctx.ref(logical, "EventSourceArn", p.get("EventSourceArn"), ("SqsQueue", "DynamoDbTable"))
    if source and source not in function.props["event_sources"]:
        function.props["event_sources"].append(source)


#: Services whose permission to invoke a function the model implies from what it draws (an API
#: integration, an EventBridge target, an SNS subscription, a Lambda target group).
_IMPLIED_INVOKERS = ("apigateway.amazonaws.com", "events.amazonaws.com", "sns.amazonaws.com",
                     "elasticloadbalancing.amazonaws.com")


def _plan_permission(ctx: ImportContext, logical: str):
    p = ctx.props(logical)
    if is_ref_to(ctx, p.get("FunctionName"), "AWS::Lambda::Function") \
            and p.get("Principal") in _IMPLIED_INVOKERS:
        return None
    return "GenericResource"


@maps("AWS::Lambda::Permission", plan=_plan_permission)
def lambda_permission(ctx: ImportContext, logical: str) -> None:
    ctx.fold(logical, ctx.target(ctx.props(logical)["FunctionName"]))


@maps("AWS::ECS::Cluster", kind="EcsCluster")
def ecs_cluster(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    settings = p.get("ClusterSettings") if isinstance(p.get("ClusterSettings"), list) else []
    insights = any(isinstance(s, dict) and s.get("Name") == "containerInsights"
                   and s.get("Value") in ("enabled", "enhanced") for s in settings)
    providers = ctx.attempt(logical, "CapacityProviders", _texts_or_empty,
                            p.get("CapacityProviders"), [])
    ctx.new(logical, capacity_providers=providers, container_insights=insights)


def _texts_or_empty(value: Any, default) -> Any:
    if value is None:
        return default
    if is_unknown(value):
        return unresolved(value)
    return [text(v) for v in as_list(value)]


@maps("AWS::ECS::ClusterCapacityProviderAssociations", plan=lambda ctx, logical: (
    None if is_ref_to(ctx, ctx.props(logical).get("Cluster"), "AWS::ECS::Cluster")
    else "GenericResource"))
def capacity_providers(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    cluster = fold_target(ctx, p.get("Cluster"), "EcsCluster")
    ctx.fold(logical, cluster.id)
    cluster.props["capacity_providers"] = ctx.attempt(logical, "CapacityProviders", _texts_or_empty,
                                                      p.get("CapacityProviders"), [])


@maps("AWS::ECS::Service", kind="EcsService")
def ecs_service(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    network = p.get("NetworkConfiguration") if isinstance(p.get("NetworkConfiguration"), dict) else {}
    awsvpc = network.get("AwsvpcConfiguration") if isinstance(network.get("AwsvpcConfiguration"),
                                                              dict) else {}
    launch = p.get("LaunchType")
    strategy = p.get("CapacityProviderStrategy")
    if launch is None and isinstance(strategy, list) and strategy and isinstance(strategy[0], dict):
        provider = strategy[0].get("CapacityProvider")
        launch = "FARGATE" if isinstance(provider, str) and provider.startswith("FARGATE") else "EC2"
    balancers = []
    for item in p.get("LoadBalancers") or []:
        if not isinstance(item, dict):
            continue
        balancers.append(ctx.record("EcsService", "load_balancers",
                                    target_group=ctx.ref(logical, "TargetGroupArn",
                                                         item.get("TargetGroupArn"), ("TargetGroup",)),
                                    container_name=get_text(ctx, logical, item, "ContainerName"),
                                    container_port=get_number(ctx, logical, item, "ContainerPort", 0)))
    controller = p.get("DeploymentController") if isinstance(p.get("DeploymentController"),
                                                             dict) else {}
    draft = ctx.new(logical,
                    launch_type=choice(ctx, logical, "LaunchType", launch, ("FARGATE", "EC2"), "EC2"),
                    desired_count=get_number(ctx, logical, p, "DesiredCount", 1),
                    task_definition=ctx.ref(logical, "TaskDefinition", p.get("TaskDefinition"),
                                            ("TaskDefinition",)),
                    subnets=ctx.refs(logical, "Subnets", awsvpc.get("Subnets"), ("Subnet",)),
                    security_groups=ctx.refs(logical, "SecurityGroups", awsvpc.get("SecurityGroups"),
                                             ("SecurityGroup",)),
                    assign_public_ip=awsvpc.get("AssignPublicIp") == "ENABLED",
                    load_balancers=balancers,
                    deployment="blue-green" if controller.get("Type") == "CODE_DEPLOY" else "rolling")
    cluster = p.get("Cluster")
    draft.parent_hint = ctx.target(cluster) if isinstance(cluster, ResourceRef) else None


_SIZE = re.compile(r"^\s*([\d.]+)\s*(vcpu|gb)\s*$", re.IGNORECASE)


def _task_size(value: Any, default: int) -> Any:
    """Task CPU units or MiB: ``512``, ``"512"``, ``"0.5 vCPU"`` or ``"1 GB"``."""
    if isinstance(value, str):
        match = _SIZE.match(value)
        if match:
            return int(float(match.group(1)) * 1024)
    return number(value, default)


@maps("AWS::ECS::TaskDefinition", kind="TaskDefinition")
def task_definition(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    compatibilities = p.get("RequiresCompatibilities")
    compatibility = first(compatibilities) if isinstance(compatibilities, list) else compatibilities
    containers = []
    for item in p.get("ContainerDefinitions") or []:
        if isinstance(item, dict):
            containers.append(_container(ctx, logical, item))
    ctx.new(logical, family=get_text(ctx, logical, p, "Family"),
            compatibility=choice(ctx, logical, "RequiresCompatibilities", compatibility,
                                 ("FARGATE", "EC2"), "EC2"),
            network_mode=choice(ctx, logical, "NetworkMode", p.get("NetworkMode"),
                                ("awsvpc", "bridge", "host", "none"), "bridge"),
            cpu=ctx.attempt(logical, "Cpu", _task_size, p.get("Cpu"), 0),
            memory=ctx.attempt(logical, "Memory", _task_size, p.get("Memory"), 0),
            execution_role=ctx.ref(logical, "ExecutionRoleArn", p.get("ExecutionRoleArn"), ("IamRole",)),
            task_role=ctx.ref(logical, "TaskRoleArn", p.get("TaskRoleArn"), ("IamRole",)),
            containers=containers)


def _container(ctx: ImportContext, logical: str, item: dict) -> dict:
    image = item.get("Image")
    repository = ""
    if is_unknown(image):
        found = ctx.ref(logical, "Image", image, ("EcrRepository",))
        repository = found if isinstance(found, str) else ""
    ports = item.get("PortMappings") if isinstance(item.get("PortMappings"), list) else []
    mapping = ports[0] if ports and isinstance(ports[0], dict) else {}
    logging = item.get("LogConfiguration") if isinstance(item.get("LogConfiguration"), dict) else {}
    options = logging.get("Options") if isinstance(logging.get("Options"), dict) else {}
    group = options.get("awslogs-group")
    return ctx.record("TaskDefinition", "containers",
                      name=get_text(ctx, logical, item, "Name"),
                      image=ctx.attempt(logical, "Image", text, image, ""),
                      repository=repository,
                      essential=get_flag(ctx, logical, item, "Essential", True),
                      container_port=get_number(ctx, logical, mapping, "ContainerPort", 0),
                      host_port=get_number(ctx, logical, mapping, "HostPort", 0),
                      log_group=ctx.ref(logical, "awslogs-group", group, ("LogGroup",))
                      if is_unknown(group) else "")


@maps("AWS::ECR::Repository", kind="EcrRepository")
def ecr_repository(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    scanning = p.get("ImageScanningConfiguration") if isinstance(
        p.get("ImageScanningConfiguration"), dict) else {}
    ctx.new(logical, image_tag_mutability=choice(ctx, logical, "ImageTagMutability",
                                                 p.get("ImageTagMutability"), ("MUTABLE", "IMMUTABLE"),
                                                 "MUTABLE"),
            scan_on_push=get_flag(ctx, logical, scanning, "ScanOnPush", False))


@maps("AWS::Lightsail::Instance", kind="LightsailInstance")
def lightsail_instance(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    ctx.new(logical, bundle=get_text(ctx, logical, p, "BundleId"),
            blueprint=get_text(ctx, logical, p, "BlueprintId"))
