"""Reading the flows a design implies, one *origin* at a time.

An origin is what implies some flows: a drawn connection, a load balancer (its listeners; its
targets), a CloudFront distribution, a public alias record, a Fargate service, a Lambda function in
a VPC, a security group whose inbound rules name other groups, an Auto Scaling group. Each producer
reads one origin through a :class:`~.reads.Reads` (and the index), so the flow store
(:mod:`.flowstore`) knows what each origin's flows depend on and, after an edit, reads again only
the origins the edit touched. See :mod:`.implied` for what each kind of flow means.

Producers run in the order of :data:`PRODUCERS`, origins in the diagram's order, so when two
origins imply the same flow the first one's reason is kept (a drawn connection before anything
else).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from model import queries as q

from .endpoints import default_port
from .index import NetworkIndex, listener_target_groups
from .legs import target_ports
from .quick_init import quick_init
from .reads import Reads
from .results import Flow

__all__ = ["ImpliedFlow", "Producer", "PRODUCERS", "OUTBOUND_CATEGORIES", "produce"]

#: Needs for a way out of the VPC: what ``nat-path-missing`` is about.
OUTBOUND_CATEGORIES = frozenset({"image-pull", "logs", "aws-api", "updates"})

_PROTOCOLS = ("tcp", "udp", "icmp")
_SSM = ("ssm", "ssmmessages", "ec2messages")
_SERVICE_KINDS = ("S3Bucket", "DynamoDbTable", "SqsQueue", "SnsTopic", "LogGroup", "EcrRepository",
                  "ApiGateway", "EventRule")


@quick_init
@dataclass(frozen=True)
class ImpliedFlow:
    """A flow the design implies. ``category`` says why (see :mod:`.implied`), ``reason`` says it in
    words, ``resources`` are the ids that imply it. ``alternatives`` are other sets of flows that
    meet the same need (all flows of one set must pass). ``strict`` is false for needs Kumozu only
    reports when routing, not a filter, stands in the way. ``front_doors`` lets the trace go through
    load balancers and CloudFront (for drawn connections)."""

    flow: Flow
    category: str
    reason: str
    resources: tuple[str, ...]
    alternatives: tuple[tuple[Flow, ...], ...] = ()
    strict: bool = True
    front_doors: bool = False


@dataclass(frozen=True)
class Producer:
    """``kind``: the kind of its origins (``None``: drawn connections); ``produce(reads, index,
    origin)`` yields ``(flow, category, reason, resources[, extra])``."""

    name: str
    kind: str | None
    produce: Callable[..., Iterator[tuple]]


def produce(producer: Producer, r: Reads, index: NetworkIndex,
            origin) -> dict[tuple, tuple[int, ImpliedFlow]]:
    """One origin's flows: flow key -> (place in the origin's output, flow); a flow a producer
    yields twice keeps its first reason, and a flow from a resource to itself is left out."""
    out: dict[tuple, tuple[int, ImpliedFlow]] = {}
    for seq, args in enumerate(producer.produce(r, index, origin)):
        flow = args[0]
        key = (flow.source, flow.destination, flow.protocol, flow.port)
        if key in out or flow.source == flow.destination:
            continue
        out[key] = (seq, ImpliedFlow(flow, args[1], args[2], tuple(dict.fromkeys(args[3])),
                                     **(args[4] if len(args) > 4 else {})))
    return out


def _port(value, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 65535 \
        else default


def _connections(r: Reads, index: NetworkIndex, relation):
    source = r.get(relation.source)
    if relation.kind != "connection" or source is None:
        return
    protocol = relation.get("protocol", "tcp")
    protocol = protocol.lower() if isinstance(protocol, str) and protocol.lower() in _PROTOCOLS else "tcp"
    port = _port(relation.get("port", 0), 0) or _port(default_port(r, relation.target), 443)
    target = r.get(relation.target)
    yield (Flow(relation.source, relation.target, protocol, port), "connection",
           f"a connection is drawn from {source.label} to "
           f"{target.label if target else relation.target}",
           (relation.source, relation.target), {"front_doors": True})


def _listeners(r: Reads, index: NetworkIndex, lb):
    if lb.get("scheme") != "internet-facing":
        return
    for listener in lb.get("listeners", ()):
        port = _port(listener.get("port"), 0)
        if not port:
            continue
        protocol = "udp" if listener.get("protocol") == "UDP" else "tcp"
        yield (Flow("internet", lb.id, protocol, port), "listener",
               f"{lb.label} is internet-facing and listens on {listener.get('protocol')}:{port}",
               (lb.id,))


def _targets(r: Reads, index: NetworkIndex, lb):
    for tg_id in listener_target_groups(lb):
        tg = r.get(tg_id)
        if tg is None:
            continue
        protocol = "udp" if tg.get("protocol") == "UDP" else "tcp"
        for target in q.targets_of(r, tg_id):
            if target.kind == "LambdaFunction":
                continue  # the load balancer invokes the function; no network path to check
            port, health = target_ports(r, tg_id, target.id)
            port, health = _port(port, 80), _port(health, 80)
            yield (Flow(lb.id, target.id, protocol, port), "target",
                   f"{lb.label} forwards to {target.label} (target group {tg.label}) on port {port}",
                   (lb.id, tg_id, target.id))
            if health != port:
                yield (Flow(lb.id, target.id, "tcp", health), "health-check",
                       f"{lb.label} health-checks {target.label} (target group {tg.label}) on "
                       f"port {health}", (lb.id, tg_id, target.id))


def _origins(r: Reads, index: NetworkIndex, cdn):
    for origin in cdn.get("origins", ()):
        target = r.get(origin.get("target"))
        if target is None:
            continue
        port = 80 if origin.get("protocol_policy") == "http-only" else 443
        yield (Flow(cdn.id, target.id, "tcp", port), "origin",
               f"{cdn.label} fetches from its origin {target.label} on port {port}",
               (cdn.id, target.id))


def _aliases(r: Reads, index: NetworkIndex, record):
    zone = r.get(record.parent)
    if zone is None or zone.get("private") or not record.get("alias_target"):
        return
    target, seen = r.get(record.get("alias_target")), {record.id}
    while target is not None and target.kind == "DnsRecord" and target.id not in seen:
        seen.add(target.id)
        target = r.get(target.get("alias_target"))
    if target is None or target.kind == "VpcEndpoint" or \
            target.kind == "LoadBalancer" and target.get("scheme") != "internet-facing":
        return
    port = default_port(r, target.id) if target.kind == "LoadBalancer" else 443
    yield (Flow("internet", record.id, "tcp", _port(port, 443)), "alias",
           f"public DNS name {record.label} is an alias of {target.label}", (record.id, target.id))


def _ecs(r: Reads, index: NetworkIndex, service):
    task = r.get(service.get("task_definition"))
    if task is None or service.get("launch_type") != "FARGATE" or not service.get("subnets"):
        return  # EC2 launch type: the container instance pulls images, not the task
    ecr = public = logs = False
    for container in task.get("containers", ()):
        repo = r.get(container.get("repository"))
        image = container.get("image") if isinstance(container.get("image"), str) else ""
        if repo is not None or ".dkr.ecr." in image:
            ecr = True
        elif image:
            public = True
        if r.get(container.get("log_group")) is not None:
            logs = True
    if ecr:
        yield (Flow(service.id, "ecr", "tcp", 443), "image-pull",
               f"tasks of {service.label} pull their images from ECR", (service.id, task.id))
    if public:
        yield (Flow(service.id, "internet", "tcp", 443), "image-pull",
               f"tasks of {service.label} pull images from a registry on the internet",
               (service.id, task.id))
    if logs:
        yield (Flow(service.id, "logs", "tcp", 443), "logs",
               f"tasks of {service.label} send their logs to CloudWatch Logs (awslogs)",
               (service.id, task.id))


def _lambdas(r: Reads, index: NetworkIndex, fn):
    if not fn.get("subnets") or not fn.get("needs_aws_apis"):
        return
    services = []
    for relation in r.relations_of(fn.id):
        target = r.get(relation.target)
        if relation.source == fn.id and target is not None and target.kind in _SERVICE_KINDS:
            services.append(Flow(fn.id, relation.target, "tcp", 443))
    yield (Flow(fn.id, "internet", "tcp", 443), "aws-api",
           f"{fn.label} runs in a VPC and calls AWS services", (fn.id,),
           {"alternatives": (tuple(services),) if services else ()})


def _sg_references(r: Reads, index: NetworkIndex, group):
    for rule in index.group_rules(group.id, "ingress"):
        if not rule.group or rule.protocol not in ("tcp", "udp", "all"):
            continue
        for destination in index.members(group.id):
            whole = rule.protocol == "all" or (rule.from_port, rule.to_port) == (0, 65535)
            port = _port(default_port(r, destination), 443) if whole else _port(rule.from_port, 0)
            if not port:
                continue
            protocol = "tcp" if rule.protocol == "all" else rule.protocol
            for source_id in index.members(rule.group):
                source = r[source_id]
                if source.kind in ("LoadBalancer", "VpcEndpoint"):
                    continue  # load balancers are covered by their target flows
                yield (Flow(source_id, destination, protocol, port), "sg-reference",
                       f"security group {group.label} lets {source.label}'s group in on port {port}",
                       (group.id, rule.group, source_id, destination))


def _auto_scaling(r: Reads, index: NetworkIndex, asg):
    if not asg.get("subnets"):
        return
    offline = (Flow(asg.id, "s3", "tcp", 443),) + tuple(Flow(asg.id, s, "tcp", 443) for s in _SSM)
    yield (Flow(asg.id, "internet", "tcp", 443), "updates",
           f"instances of {asg.label} need operating-system updates and their agents", (asg.id,),
           {"alternatives": (offline,), "strict": False})


#: In the order their flows are listed (and win over the same flow from a later producer).
PRODUCERS = (
    Producer("connection", None, _connections),
    Producer("listener", "LoadBalancer", _listeners),
    Producer("target", "LoadBalancer", _targets),
    Producer("origin", "CloudFrontDistribution", _origins),
    Producer("alias", "DnsRecord", _aliases),
    Producer("ecs", "EcsService", _ecs),
    Producer("lambda", "LambdaFunction", _lambdas),
    Producer("sg-reference", "SecurityGroup", _sg_references),
    Producer("updates", "AutoScalingGroup", _auto_scaling),
)
