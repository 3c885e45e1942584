"""A plan as a native Kumozu design: model edits, auto layout, and the native YAML text.

Ids are the CloudFormation logical ids :mod:`bench.cfn_writer` uses for the same resources
(``V003AppB``), so a finding on the imported template and one on the native design name the same
thing. Containers the templates do not have (the Region, the Availability Zones) get ids of the
same style.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from model import edits, native_format
from model.diagram import Diagram
from model.layout import layout_edit

from .plan import REGION, DesignPlan, StackPlan, VpcPlan

__all__ = ["Spec", "native_specs", "count_native", "build_diagram", "native_text", "REGION_ID",
           "app_port", "db_port", "subnet_cidrs"]

REGION_ID = "Region"
_ANY = "0.0.0.0/0"
_LAMBDA_POLICY = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
TASK_IMAGE = "public.ecr.aws/nginx/nginx:1.27"


@dataclass(frozen=True)
class Spec:
    """One resource to add: kind, id, container and the properties that differ from defaults."""

    kind: str
    id: str
    parent: str | None
    props: dict[str, Any]


def app_port() -> int:
    return 8080


def db_port(vpc: VpcPlan) -> int:
    return 5432 if vpc.db_engine == "postgres" else 3306


def subnet_cidrs(vpc: VpcPlan, k: int) -> dict[str, str]:
    """The tier CIDRs of zone number ``k``: /24 public and data subnets, a /22 for the application
    tier (it holds the instances)."""
    i = vpc.index
    return {"Public": f"10.{i}.{k}.0/24", "App": f"10.{i}.{16 + 4 * k}.0/22",
            "Data": f"10.{i}.{64 + k}.0/24"}


def native_specs(plan: DesignPlan) -> list[Spec]:
    """Every resource of the design, containers before their contents."""
    out = [Spec("Region", REGION_ID, None, {"region": REGION})]
    for stack in plan.stacks:
        out.extend(_stack_specs(plan, stack))
    return out


def count_native(plan: DesignPlan) -> int:
    return len(native_specs(plan))


def _stack_specs(plan: DesignPlan, stack: StackPlan) -> list[Spec]:
    s = stack.prefix
    out = [
        Spec("AcmCertificate", f"{s}Cert", REGION_ID, {
            "domain_name": stack.domain, "subject_alternative_names": [f"*.{stack.domain}"],
            "region": "us-east-1"}),
        Spec("S3Bucket", f"{s}Assets", REGION_ID, {
            "bucket_name": f"kumozu-bench-{plan.seed}-{stack.index}-assets", "versioning": True}),
    ]
    if stack.has_lambda:
        out.append(Spec("IamRole", f"{s}FunctionRole", None, {
            "trusted_service": "lambda.amazonaws.com", "managed_policy_arns": [_LAMBDA_POLICY]}))
    for vpc in stack.vpcs:
        out.extend(_vpc_specs(stack, vpc))
    for pcx, requester, accepter in stack.peerings:
        out.append(Spec("VpcPeering", pcx, REGION_ID, {
            "requester": f"{requester}Vpc", "accepter": f"{accepter}Vpc"}))
    out.append(Spec("CloudFrontDistribution", f"{s}Cdn", None, {
        "aliases": [f"www.{stack.domain}"], "certificate": f"{s}Cert",
        "origins": [{"origin_id": v.prefix, "target": f"{v.prefix}Alb", "protocol_policy": "https-only"}
                    for v in stack.vpcs]}))
    out.append(Spec("HostedZone", f"{s}Zone", None, {"domain": stack.domain}))
    out.append(Spec("DnsRecord", f"{s}WwwRecord", f"{s}Zone", {
        "record_name": "www", "record_type": "A", "alias_target": f"{s}Cdn"}))
    for vpc in stack.vpcs:
        out.append(Spec("DnsRecord", f"{vpc.prefix}AlbRecord", f"{s}Zone", {
            "record_name": vpc.prefix.lower(), "record_type": "A", "alias_target": f"{vpc.prefix}Alb"}))
    return out


def _vpc_specs(stack: StackPlan, vpc: VpcPlan) -> list[Spec]:
    p = vpc.prefix
    v = f"{p}Vpc"
    peers = stack.peers_of(p)
    out = [Spec("Vpc", v, REGION_ID, {"cidr_blocks": [vpc.cidr]}),
           Spec("InternetGateway", f"{p}Igw", v, {"vpc": v})]
    for k, z in enumerate(vpc.zones):
        zone = f"{REGION}{z}"
        az = f"{p}Zone{z.upper()}"
        cidrs = subnet_cidrs(vpc, k)
        out.append(Spec("AvailabilityZone", az, v, {"zone": zone}))
        out.append(Spec("Subnet", f"{p}Public{z.upper()}", az, {
            "cidr": cidrs["Public"], "availability_zone": zone, "map_public_ip_on_launch": True,
            "route_table": f"{p}PublicRoutes"}))
        out.append(Spec("Subnet", f"{p}App{z.upper()}", az, {
            "cidr": cidrs["App"], "availability_zone": zone, "route_table": f"{p}AppRoutes{z.upper()}"}))
        out.append(Spec("Subnet", f"{p}Data{z.upper()}", az, {
            "cidr": cidrs["Data"], "availability_zone": zone, "route_table": f"{p}DataRoutes"}))
        out.append(Spec("NatGateway", f"{p}Nat{z.upper()}", f"{p}Public{z.upper()}", {}))
    letters = [z.upper() for z in vpc.zones]
    app_subnets = [f"{p}App{z}" for z in letters]
    out.append(Spec("RouteTable", f"{p}PublicRoutes", v, {
        "routes": [{"destination": _ANY, "target": f"{p}Igw"}]}))
    for z in letters:
        routes = [{"destination": _ANY, "target": f"{p}Nat{z}"}]
        routes += [{"destination": other.cidr, "target": pcx} for pcx, other in peers]
        out.append(Spec("RouteTable", f"{p}AppRoutes{z}", v, {"routes": routes}))
    out.append(Spec("RouteTable", f"{p}DataRoutes", v, {}))
    out.extend(_security_groups(vpc, peers))
    out.append(Spec("TargetGroup", f"{p}AppTg", v, {
        "protocol": "HTTP", "port": app_port(), "health_check_path": "/health"}))
    out.append(Spec("LoadBalancer", f"{p}Alb", v, {
        "subnets": [f"{p}Public{z}" for z in letters], "security_groups": [f"{p}AlbSg"],
        "listeners": [
            {"protocol": "HTTPS", "port": 443, "certificate": f"{stack.prefix}Cert", "action": "forward",
             "target_group": f"{p}AppTg"},
            {"protocol": "HTTP", "port": 80, "action": "redirect", "redirect_port": 443}]}))
    out.append(Spec("AutoScalingGroup", f"{p}Asg", v, {
        "min_size": 2, "max_size": 6, "desired_capacity": 2, "instance_type": vpc.instance_type,
        "subnets": app_subnets, "target_groups": [f"{p}AppTg"], "security_groups": [f"{p}AppSg"],
        "health_check_type": "ELB"}))
    out.append(Spec("DbSubnetGroup", f"{p}DbSubnets", v, {
        "description": f"Data tier of {p}", "subnets": [f"{p}Data{z}" for z in letters]}))
    out.append(Spec("RdsInstance", f"{p}Db", v, {
        "engine": vpc.db_engine, "instance_class": "db.t3.medium", "multi_az": True,
        "db_subnet_group": f"{p}DbSubnets", "security_groups": [f"{p}DbSg"]}))
    out.append(Spec("VpcEndpoint", f"{p}S3Endpoint", v, {
        "endpoint_type": "gateway", "service": "s3",
        "route_tables": [f"{p}AppRoutes{z}" for z in letters] + [f"{p}DataRoutes"]}))
    if vpc.has_lambda:
        out.append(Spec("LambdaFunction", f"{p}Function", v, {
            "runtime": "python3.12", "memory": 256, "timeout": 10, "subnets": app_subnets,
            "security_groups": [f"{p}LambdaSg"], "role": f"{stack.prefix}FunctionRole"}))
    if vpc.has_ecs:
        out.extend(_ecs(vpc, app_subnets))
    for j in range(vpc.workers):
        out.append(Spec("Instance", f"{p}Worker{j:03d}", f"{p}App{letters[j % len(letters)]}", {
            "instance_type": vpc.instance_type, "security_groups": [f"{p}AppSg"]}))
    return out


def _rule(port: int, description: str, cidr: str = "", group: str = "") -> dict:
    return {"protocol": "tcp", "from_port": port, "to_port": port, "cidr": cidr,
            "source_group": group, "description": description}


def _security_groups(vpc: VpcPlan, peers) -> list[Spec]:
    p = vpc.prefix
    v = f"{p}Vpc"
    app_in = [_rule(app_port(), "from the load balancer", group=f"{p}AlbSg")]
    app_in += [_rule(app_port(), f"from peer {other.prefix}", cidr=other.cidr) for _, other in peers]
    db_in = [_rule(db_port(vpc), "from the application tier", group=f"{p}AppSg")]
    if vpc.has_lambda:
        db_in.append(_rule(db_port(vpc), "from the function", group=f"{p}LambdaSg"))
    out = [
        Spec("SecurityGroup", f"{p}AlbSg", v, {"description": "HTTPS and HTTP from the internet",
                                               "ingress": [_rule(443, "HTTPS", cidr=_ANY),
                                                           _rule(80, "HTTP, redirected", cidr=_ANY)]}),
        Spec("SecurityGroup", f"{p}AppSg", v, {"description": "Application servers", "ingress": app_in}),
        Spec("SecurityGroup", f"{p}DbSg", v, {"description": "Database", "ingress": db_in}),
    ]
    if vpc.has_lambda:
        out.append(Spec("SecurityGroup", f"{p}LambdaSg", v, {"description": "Function"}))
    if vpc.has_ecs:
        out.append(Spec("SecurityGroup", f"{p}TaskSg", v, {"description": "Fargate tasks"}))
        out.append(Spec("SecurityGroup", f"{p}EndpointSg", v, {
            "description": "Interface endpoints", "ingress": [_rule(443, "HTTPS from the VPC", cidr=vpc.cidr)]}))
    return out


def _ecs(vpc: VpcPlan, app_subnets: list[str]) -> list[Spec]:
    p = vpc.prefix
    v = f"{p}Vpc"
    out = [
        Spec("EcsCluster", f"{p}Cluster", v, {}),
        Spec("TaskDefinition", f"{p}TaskDef", f"{p}Cluster", {
            "family": p.lower(), "cpu": 256, "memory": 512,
            "containers": [{"name": "app", "image": TASK_IMAGE, "container_port": app_port()}]}),
        Spec("EcsService", f"{p}Service", f"{p}Cluster", {
            "task_definition": f"{p}TaskDef", "subnets": app_subnets, "security_groups": [f"{p}TaskSg"],
            "desired_count": 2}),
    ]
    for name, service in (("EcrApi", "ecr.api"), ("EcrDkr", "ecr.dkr"), ("Logs", "logs")):
        out.append(Spec("VpcEndpoint", f"{p}{name}Endpoint", v, {
            "endpoint_type": "interface", "service": service, "subnets": app_subnets,
            "security_groups": [f"{p}EndpointSg"], "private_dns": True}))
    return out


def build_diagram(plan: DesignPlan, layout: bool = True) -> Diagram:
    """The design as a :class:`Diagram`, every resource laid out (unless ``layout`` is False)."""
    d = Diagram()
    d.apply(edits.Composite((
        edits.set_metadata(d, "title", f"Generated design (seed {plan.seed})"),
        edits.set_metadata(d, "region", REGION),
        edits.set_metadata(d, "description", f"{len(plan.vpcs)} VPCs in {len(plan.stacks)} stacks, "
                                             f"generated by bench/generate.py"),
    ), "Describe"))
    d.apply(edits.Composite(tuple(edits.add_resource(d, s.kind, s.id, parent=s.parent, properties=s.props)
                                  for s in native_specs(plan)), "Generate"))
    if layout:
        d.apply(layout_edit(d, only_missing=True))
    return d


def native_text(plan: DesignPlan) -> str:
    return native_format.dumps(build_diagram(plan))
