"""The second line under a resource's name: what an architect wants to read at a glance."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram
from model.resources import Resource


def subtitle(diagram: Diagram, record: Resource) -> str:
    """A short description of the resource's key settings (its CIDR, type, engine...)."""
    p = record.properties
    k = record.kind
    if k == "Vpc":
        return ", ".join(str(b) for b in p.get("cidr_blocks", ()))
    if k == "Subnet":
        kind = "public" if q.is_public_subnet(diagram, record.id) else "private"
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
        return f"{kind} {p.get('scheme')}" + (f"  {ports}" if ports else "")
    if k == "TargetGroup":
        return f"{p.get('protocol')}:{p.get('port')} ({p.get('target_type')})"
    if k == "NatGateway":
        return str(p.get("connectivity", ""))
    if k == "VpcEndpoint":
        return f"{p.get('service')} ({p.get('endpoint_type')})"
    if k == "RouteTable":
        n = len(p.get("routes", ()))
        return ("main, " if p.get("main") else "") + f"{n} route{'s' if n != 1 else ''}"
    if k == "SecurityGroup":
        return f"{len(p.get('ingress', ()))} in / {len(p.get('egress', ()))} out"
    if k == "NetworkAcl":
        return ("default, " if p.get("default") else "") + \
            f"{len(p.get('inbound', ()))} in / {len(p.get('outbound', ()))} out"
    if k in ("RdsInstance", "AuroraCluster"):
        extra = " Multi-AZ" if p.get("multi_az") else ""
        return f"{p.get('engine')}{extra}"
    if k == "ElastiCacheCluster":
        return str(p.get("engine", ""))
    if k == "LambdaFunction":
        return str(p.get("runtime", "")) + (" (in VPC)" if p.get("subnets") else "")
    if k == "TaskDefinition":
        return f"{p.get('compatibility')} {p.get('cpu')} CPU / {p.get('memory')} MiB"
    if k == "EcsService":
        return f"{p.get('launch_type')} × {p.get('desired_count')}"
    if k == "DnsRecord":
        name = p.get("record_name") or "@"
        return f"{p.get('record_type')} {name}" + (" (alias)" if p.get("alias_target") else "")
    if k == "HostedZone":
        return str(p.get("domain", "")) + (" (private)" if p.get("private") else "")
    if k == "AcmCertificate":
        return f"{p.get('domain_name')}  {q.region_of(diagram, record.id)}"
    if k == "CloudFrontDistribution":
        return ", ".join(p.get("aliases", ()))
    if k == "SqsQueue":
        return str(p.get("queue_type", ""))
    if k == "ApiGateway":
        return f"{p.get('api_type')} {p.get('endpoint_type')}"
    if k == "S3Bucket":
        return str(p.get("bucket_name", ""))
    if k == "GenericResource":
        return str(p.get("resource_type", ""))
    if k == "IamRole":
        return str(p.get("trusted_service", ""))
    return ""
