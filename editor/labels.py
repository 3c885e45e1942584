"""The second line under a resource's name: what an architect wants to read at a glance."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model import queries as q
from model.diagram import Diagram
from model.i18n import choice_label
from model.resources import Resource

from .translations import current_language

translate = QCoreApplication.translate


def _choice(value) -> str:
    """An enumerated value as the interface language shows it, without the value in brackets that
    the inspector adds ("パブリック（public）" -> "パブリック")."""
    shown = choice_label(str(value), current_language())
    return shown.split("（", 1)[0] if shown != value else shown


def subtitle(diagram: Diagram, record: Resource) -> str:
    """A short description of the resource's key settings (its CIDR, type, engine...)."""
    p = record.properties
    k = record.kind
    if k == "Vpc":
        return ", ".join(str(b) for b in p.get("cidr_blocks", ()))
    if k == "Subnet":
        public = q.is_public_subnet(diagram, record.id)
        kind = translate("Labels", "public") if public else translate("Labels", "private")
        table = q.route_table_of(diagram, record.id)
        parts = [str(p.get("cidr", "")), kind]
        if table is not None:
            parts.append(f"→ {table.label}")
        return " · ".join(x for x in parts if x)
    if k == "AvailabilityZone":
        return str(p.get("zone", ""))
    if k == "Region":
        return str(p.get("region", ""))
    if k == "Instance":
        return str(p.get("instance_type", ""))
    if k == "AutoScalingGroup":
        return f"{p.get('min_size')}–{p.get('max_size')} × {p.get('instance_type')}"
    if k == "LoadBalancer":
        kind = "ALB" if p.get("lb_type") == "application" else "NLB"
        ports = ", ".join(f"{l.get('protocol')}:{l.get('port')}" for l in p.get("listeners", ()))
        return f"{kind} {_choice(p.get('scheme'))}" + (f"  {ports}" if ports else "")
    if k == "TargetGroup":
        return f"{p.get('protocol')}:{p.get('port')} ({_choice(p.get('target_type'))})"
    if k == "NatGateway":
        return _choice(str(p.get("connectivity", "")))
    if k == "VpcEndpoint":
        return f"{p.get('service')} ({_choice(p.get('endpoint_type'))})"
    if k == "RouteTable":
        n = len(p.get("routes", ()))
        routes = (translate("Labels", "%1 route") if n == 1 else translate("Labels", "%1 routes")).replace(
            "%1", str(n))
        return (translate("Labels", "main, %1").replace("%1", routes)) if p.get("main") else routes
    if k == "SecurityGroup":
        return translate("Labels", "%1 in / %2 out").replace("%1", str(len(p.get("ingress", ())))).replace(
            "%2", str(len(p.get("egress", ()))))
    if k == "NetworkAcl":
        rules = translate("Labels", "%1 in / %2 out").replace("%1", str(len(p.get("inbound", ())))).replace(
            "%2", str(len(p.get("outbound", ()))))
        return translate("Labels", "default, %1").replace("%1", rules) if p.get("default") else rules
    if k in ("RdsInstance", "AuroraCluster"):
        extra = " " + translate("Labels", "Multi-AZ") if p.get("multi_az") else ""
        return f"{p.get('engine')}{extra}"
    if k == "ElastiCacheCluster":
        return str(p.get("engine", ""))
    if k == "LambdaFunction":
        return str(p.get("runtime", "")) + (" " + translate("Labels", "(in VPC)") if p.get("subnets") else "")
    if k == "TaskDefinition":
        return f"{p.get('compatibility')} {p.get('cpu')} CPU / {p.get('memory')} MiB"
    if k == "EcsService":
        return f"{p.get('launch_type')} × {p.get('desired_count')}"
    if k == "DnsRecord":
        name = p.get("record_name") or "@"
        alias = " " + translate("Labels", "(alias)") if p.get("alias_target") else ""
        return f"{p.get('record_type')} {name}{alias}"
    if k == "HostedZone":
        return str(p.get("domain", "")) + (" " + translate("Labels", "(private)") if p.get("private") else "")
    if k == "AcmCertificate":
        return f"{p.get('domain_name')}  {q.region_of(diagram, record.id)}"
    if k == "CloudFrontDistribution":
        return ", ".join(str(a) for a in p.get("aliases", ()))  # an alias may be symbolic
    if k == "SqsQueue":
        return _choice(str(p.get("queue_type", "")))
    if k == "ApiGateway":
        return f"{p.get('api_type')} {p.get('endpoint_type')}"
    if k == "S3Bucket":
        return str(p.get("bucket_name", ""))
    if k == "GenericResource":
        return str(p.get("resource_type", ""))
    if k == "IamRole":
        return str(p.get("trusted_service", ""))
    return ""
