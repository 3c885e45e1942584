"""The two ends of a flow: what a name given to ``trace`` stands for on the network.

A name is a resource id, ``internet``, or an AWS service (``s3``, ``dynamodb``, ``ecr``, ``logs``,
``sqs``, ``sts``...). A resource with network interfaces becomes an :class:`Endpoint` placed in its
subnets, with its security groups and whether it has a public IPv4 address. Resources that live
outside every VPC (S3 buckets, queues, log groups, CloudFront, Lightsail, a Lambda function not
attached to a VPC) are reached, or reach others, from AWS's public network.

Security groups: a resource that can hold security groups but has none drawn gets its VPC's default
security group, as AWS does when none is given at launch. That group lets everything out and lets
in only other members of the default group. A subnet named as an end stands for "something in this
subnet" with no security group in the way, so only routes and network ACLs are checked.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from model import kinds as _kinds
from model import queries as q
from model.diagram import Diagram
from model.kinds.networking import ENDPOINT_SERVICES

from .index import DEFAULT_GROUP_PREFIX, groups_on, service_name
from .quick_init import hashed_once, quick_init
from .tracking import network_index

__all__ = ["Endpoint", "FlowError", "resolve", "resolve_resource", "SERVICES", "COMPOSITE_SERVICES", "INTERNET",
           "default_port", "public_ip_in"]

INTERNET = "internet"

#: Names that stand for several services at once: pulling an image from ECR talks to the ECR API,
#: the Docker registry endpoint, and S3 (where image layers are stored).
COMPOSITE_SERVICES = {"ecr": ("ecr.api", "ecr.dkr", "s3")}

SERVICES = tuple(dict.fromkeys(ENDPOINT_SERVICES + tuple(COMPOSITE_SERVICES)))

#: Resources that stand for a regional AWS service: tracing to an S3 bucket is tracing to S3.
_SERVICE_OF_KIND = {"S3Bucket": "s3", "DynamoDbTable": "dynamodb", "SqsQueue": "sqs", "SnsTopic": "sns",
                    "LogGroup": "logs", "EcrRepository": "ecr", "ApiGateway": "execute-api",
                    "EventRule": "events"}

#: Kinds with network interfaces in subnets.
_IN_VPC = ("Instance", "AutoScalingGroup", "LambdaFunction", "EcsService", "RdsInstance", "AuroraCluster",
           "ElastiCacheCluster", "LoadBalancer", "VpcEndpoint", "Subnet")

_DB_PORTS = {"mysql": 3306, "mariadb": 3306, "postgres": 5432, "oracle-se2": 1521, "sqlserver-ex": 1433,
             "aurora-mysql": 3306, "aurora-postgresql": 5432}


class FlowError(ValueError):
    """A name that does not stand for a place traffic can start or end at."""


@hashed_once  # ends key remembered legs and placements
@quick_init
@dataclass(frozen=True)
class Endpoint:
    """One end of a flow.

    ``subnets`` are where its network interfaces are (empty when it is outside every VPC);
    ``groups`` the security groups on them, and ``filtered`` whether security groups apply at all
    (a Network Load Balancer created without groups, or a subnet named as an end, has none);
    ``public_ip`` is ``yes``, ``no`` or ``subnet`` (follows the subnet's auto-assign setting);
    ``service`` names the AWS service an outside end stands for; ``prefix_list`` is the managed
    prefix list its public addresses belong to (``pl-s3``, ``pl-cloudfront``)."""

    id: str
    label: str
    kind: str
    subnets: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    filtered: bool = True
    public_ip: str = "no"
    service: str = ""
    prefix_list: str = ""
    notes: tuple[str, ...] = ()

    @property
    def outside(self) -> bool:
        return not self.subnets

    @property
    def kind_label(self) -> str:
        if self.kind == "Internet":
            return "the internet"
        if self.kind == "AwsService":
            return "AWS service"
        return _kinds.kind(self.kind).label if _kinds.is_kind(self.kind) else self.kind


def public_ip_in(d: Diagram, endpoint: Endpoint, subnet_id: str) -> bool:
    """Whether ``endpoint``'s interface in ``subnet_id`` has a public IPv4 address."""
    if endpoint.public_ip == "subnet":
        subnet = d.get(subnet_id)
        return bool(subnet is not None and subnet.get("map_public_ip_on_launch"))
    return endpoint.public_ip == "yes"


def resolve(d: Diagram, name: str) -> Endpoint:
    """The :class:`Endpoint` ``name`` stands for: ``internet`` and service names first, then
    resource ids. DNS records are not ends themselves (see
    :func:`validators.reachability.evaluator.trace`, which follows their alias first). Raises
    :class:`FlowError` with close matches when nothing fits. Cost: O(1) for a known id; O(n) to
    suggest names for an unknown one."""
    if name == INTERNET:
        return Endpoint(INTERNET, "the internet", "Internet", public_ip="yes")
    short = service_name(name)
    if short in SERVICES:
        return Endpoint(short, short, "AwsService", public_ip="yes", service=short,
                        prefix_list=q.endpoint_prefix_list(short))
    return resolve_resource(d, name)


def resolve_resource(d: Diagram, name: str) -> Endpoint:
    """The :class:`Endpoint` of the resource with id ``name`` (never a service or the internet, even
    when an id is spelled like one). Raises :class:`FlowError` as :func:`resolve` does. Remembered
    until an edit touches what it was resolved from."""
    return network_index(d).fact(("endpoint", name), _resolve_resource, name)


def _resolve_resource(d: Diagram, name: str) -> Endpoint:
    record = d.get(name)
    if record is None:
        raise FlowError(_unknown(d, name))
    kind = record.kind
    if kind in _SERVICE_OF_KIND:
        service = _SERVICE_OF_KIND[kind]
        if kind == "ApiGateway" and record.get("endpoint_type") == "PRIVATE":
            raise FlowError(f"'{name}' is a private API: it is reached through an execute-api "
                            f"interface endpoint; trace to 'execute-api' from inside the VPC")
        return Endpoint(record.id, record.label, kind, public_ip="yes", service=service,
                        prefix_list=q.endpoint_prefix_list(service))
    if kind == "CloudFrontDistribution":
        return Endpoint(record.id, record.label, kind, public_ip="yes", prefix_list="pl-cloudfront")
    if kind == "LightsailInstance":
        return Endpoint(record.id, record.label, kind, public_ip="yes")
    if kind == "LambdaFunction" and not record.get("subnets"):
        return Endpoint(record.id, record.label, kind, public_ip="yes", service="lambda", notes=(
            f"{record.label} is not attached to a VPC: it runs in AWS's own network, with internet "
            f"access but no way into your private subnets.",))
    if kind not in _IN_VPC:
        label = _kinds.kind(kind).label
        hint = " (trace to its alias target instead)" if kind == "DnsRecord" else ""
        raise FlowError(f"'{name}' is {_article(label)} {label}, not a place traffic starts or "
                        f"ends{hint}; pick a resource with a network interface, internet, or a "
                        f"service such as s3")
    subnets = tuple(s.id for s in q.subnets_of(d, record.id))
    if not subnets:
        raise FlowError(f"'{name}' ({_kinds.kind(kind).label}) is not placed in any subnet, so it "
                        f"has no network interface to trace from or to")
    return _in_vpc(d, record, subnets)


def _in_vpc(d: Diagram, record, subnets: tuple[str, ...]) -> Endpoint:
    kind = record.kind
    notes: list[str] = []
    if kind == "Subnet":
        return Endpoint(record.id, record.label, kind, subnets, (), False, "subnet", notes=(
            f"Tracing from or to subnet {record.label} checks its routes and network ACL; no "
            f"security group is assumed.",))
    groups = groups_on(d, record.id)
    filtered = True
    if not groups:
        if kind == "LoadBalancer" and record.get("lb_type") == "network":
            filtered = False
            notes.append(f"{record.label} is a Network Load Balancer without security groups: it "
                         f"does not filter traffic itself.")
        else:
            vpc = q.vpc_of(d, record.id)
            groups = (DEFAULT_GROUP_PREFIX + (vpc.id if vpc else ""),)
            notes.append(f"{record.label} has no security group drawn; AWS gives it the VPC's "
                         f"default security group (everything out; in only from its own members).")
    service = ""
    if kind == "VpcEndpoint":
        service = service_name(record.get("service", ""))
    return Endpoint(record.id, record.label, kind, subnets, groups, filtered,
                    _public_ip_policy(d, record), service, notes=tuple(notes))


def _public_ip_policy(d: Diagram, record) -> str:
    kind = record.kind
    if kind == "Instance":
        setting = record.get("public_ip", "subnet-default")
        parent = d.get(record.parent)
        if setting == "subnet-default" and parent is not None and parent.kind == "AutoScalingGroup":
            setting = parent.get("public_ip", "subnet-default")
        return {"assign": "yes", "elastic": "yes", "none": "no"}.get(setting, "subnet")
    if kind == "AutoScalingGroup":
        return {"assign": "yes", "none": "no"}.get(record.get("public_ip"), "subnet")
    if kind == "EcsService":
        # Tasks on the EC2 launch type with awsvpc never get public addresses; Fargate tasks only
        # when asked to.
        return "yes" if record.get("launch_type") == "FARGATE" and record.get("assign_public_ip") else "no"
    if kind == "LoadBalancer":
        return "yes" if record.get("scheme") == "internet-facing" else "no"
    if kind == "RdsInstance":
        return "yes" if record.get("publicly_accessible") else "no"
    return "no"


def default_port(d: Diagram, name: str) -> int:
    """The port a flow to ``name`` uses when none is given: a database's (engine default when 0), a
    cache's, a load balancer's HTTPS listener (else its first), 443 otherwise."""
    record = d.get(name)
    seen = set()
    while record is not None and record.kind == "DnsRecord" and record.id not in seen:
        seen.add(record.id)
        record = d.get(record.get("alias_target"))
    if record is None:
        return 443
    own = record.get("port")
    own = own if isinstance(own, int) and not isinstance(own, bool) and 0 < own <= 65535 else 0
    if record.kind in ("RdsInstance", "AuroraCluster"):
        return own or _DB_PORTS.get(record.get("engine"), 3306)
    if record.kind == "ElastiCacheCluster":
        return own or 6379
    if record.kind == "LoadBalancer":
        ports = [lis.get("port") for lis in record.get("listeners", ())
                 if isinstance(lis.get("port"), int) and 0 < lis.get("port") <= 65535]
        return 443 if 443 in ports or not ports else ports[0]
    return 443


def _unknown(d: Diagram, name: str) -> str:
    candidates = [INTERNET, *SERVICES, *d.ids()]
    close = difflib.get_close_matches(name, candidates, n=5, cutoff=0.5)
    if not close:
        lowered = name.lower()
        close = [c for c in d.ids() if lowered in c.lower()][:5]
    hint = f"; did you mean {', '.join(close)}?" if close else \
        "; use a resource id, internet, or a service such as s3, dynamodb, ecr, logs"
    return f"no resource or service called '{name}'{hint}"


def _article(label: str) -> str:
    return "an" if label[:1].lower() in "aeiou" else "a"
