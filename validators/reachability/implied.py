"""The flows a design implies, and whether each can flow.

Nobody draws "the load balancer talks to its targets on port 80": the design says so. These are the
flows read from the design itself:

- ``listener``: the internet reaches every listener of an internet-facing load balancer;
- ``target`` / ``health-check``: a load balancer reaches every target of the target groups its
  listeners forward to, on the target port and (when different) the health-check port;
- ``origin``: CloudFront reaches each origin (port 443 for https-only and match-viewer origins, 80 for
  http-only);
- ``alias``: the internet reaches what a public Route 53 alias names (internal load balancers and
  endpoints excepted: a public name for them is meant for clients inside the VPC);
- ``image-pull`` / ``logs``: a Fargate service's tasks reach ECR (or, for images from elsewhere, the
  internet) and CloudWatch Logs when a container sends logs there;
- ``aws-api``: a Lambda function in a VPC that calls AWS services reaches them - through the
  internet (NAT), or through endpoints for the services it is connected to on the canvas;
- ``sg-reference``: when a security group's inbound rule names another group, that group's members
  reach the rule's owners on the rule's port (the app tier -> database pattern);
- ``updates``: instances of an Auto Scaling group reach the internet on 443 for package updates and
  agents, or, in a design without internet access, S3 (the package repositories) and the Systems
  Manager endpoints (ssm, ssmmessages, ec2messages). Kumozu treats this need as soft: only a missing
  route or gateway is reported for it (by ``nat-path-missing``), never a security group or ACL that
  deliberately narrows it;
- ``connection``: every connection drawn on the canvas, with its protocol and port (port 0: the
  destination's usual port), traced through load balancers and CloudFront when that is how the
  destination is reached.

Flows are listed once per (source, destination, protocol, port); a drawn connection comes first, then
the reasons in the order above.

Cost: O(n + m) to list them (m: security-group memberships); tracing them all is O(F) traces with the
index shared, cached per diagram revision.
"""

from __future__ import annotations

from dataclasses import dataclass

from model import queries as q
from model.diagram import Diagram

from .endpoints import FlowError, default_port
from .evaluator import PROTOCOLS, trace
from .index import listener_target_groups, network_index
from .legs import target_ports
from .results import Flow, TraceResult

__all__ = ["ImpliedFlow", "ImpliedResult", "implied_flows", "implied_results", "OUTBOUND_CATEGORIES"]

#: Needs for a way out of the VPC: what ``nat-path-missing`` is about.
OUTBOUND_CATEGORIES = frozenset({"image-pull", "logs", "aws-api", "updates"})

_SG_KINDS = ("Instance", "AutoScalingGroup", "LambdaFunction", "EcsService", "RdsInstance",
             "AuroraCluster", "ElastiCacheCluster", "LoadBalancer", "VpcEndpoint")
_SSM = ("ssm", "ssmmessages", "ec2messages")
_SERVICE_KINDS = ("S3Bucket", "DynamoDbTable", "SqsQueue", "SnsTopic", "LogGroup", "EcrRepository",
                  "ApiGateway", "EventRule")


@dataclass(frozen=True)
class ImpliedFlow:
    """A flow the design implies. ``category`` says why (see the module docs), ``reason`` says it in
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
class ImpliedResult:
    """An implied flow with its trace. ``satisfied`` when the flow, or one full set of its
    alternatives, is reachable; ``alternative_results`` are the traces of the alternatives (empty
    when the flow itself passed)."""

    implied: ImpliedFlow
    result: TraceResult
    satisfied: bool
    alternative_results: tuple[tuple[TraceResult, ...], ...] = ()


def implied_flows(diagram: Diagram) -> tuple[ImpliedFlow, ...]:
    """Every flow the design implies, cached per diagram revision. Cost: O(n + m)."""
    return diagram.cached(("reachability", "implied"), lambda: tuple(_collect(diagram)))


def implied_results(diagram: Diagram) -> tuple[ImpliedResult, ...]:
    """Every implied flow traced, cached per diagram revision (the three path rules share it).
    Flows whose ends cannot be traced (a connection to an IAM role...) are left out."""
    return diagram.cached(("reachability", "implied-results"), lambda: tuple(_trace_all(diagram)))


def _trace_all(d: Diagram):
    for implied in implied_flows(d):
        try:
            result = trace(d, implied.flow, front_doors=implied.front_doors)
        except FlowError:
            continue
        if result.reachable or not implied.alternatives:
            yield ImpliedResult(implied, result, result.reachable)
            continue
        alternatives = []
        satisfied = False
        for group in implied.alternatives:
            try:
                results = tuple(trace(d, flow) for flow in group)
            except FlowError:
                continue
            alternatives.append(results)
            if all(r.reachable for r in results):
                satisfied = True
                break
        yield ImpliedResult(implied, result, satisfied, tuple(alternatives))


# ------------------------------------------------------------------------------------ collecting
def _collect(d: Diagram):
    seen: set[tuple] = set()

    def emit(flow: Flow, category: str, reason: str, resources, **extra):
        key = (flow.source, flow.destination, flow.protocol, flow.port)
        if key in seen or flow.source == flow.destination:
            return None
        seen.add(key)
        return ImpliedFlow(flow, category, reason, tuple(dict.fromkeys(resources)), **extra)

    producers = (_connections, _listeners, _targets, _origins, _aliases, _ecs, _lambdas,
                 _sg_references, _auto_scaling)
    for produce in producers:
        for args in produce(d):
            implied = emit(*args[:4], **(args[4] if len(args) > 4 else {}))
            if implied is not None:
                yield implied


def _port(value, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 65535 \
        else default


def _listeners(d: Diagram):
    for lb in d.of_kind("LoadBalancer"):
        if lb.get("scheme") != "internet-facing":
            continue
        for listener in lb.get("listeners", ()):
            port = _port(listener.get("port"), 0)
            if not port:
                continue
            protocol = "udp" if listener.get("protocol") == "UDP" else "tcp"
            yield (Flow("internet", lb.id, protocol, port), "listener",
                   f"{lb.label} is internet-facing and listens on {listener.get('protocol')}:{port}",
                   (lb.id,))


def _targets(d: Diagram):
    for lb in d.of_kind("LoadBalancer"):
        for tg_id in listener_target_groups(lb):
            tg = d.get(tg_id)
            if tg is None:
                continue
            protocol = "udp" if tg.get("protocol") == "UDP" else "tcp"
            for target in q.targets_of(d, tg_id):
                if target.kind == "LambdaFunction":
                    continue  # the load balancer invokes the function; no network path to check
                port, health = target_ports(d, tg_id, target.id)
                port, health = _port(port, 80), _port(health, 80)
                yield (Flow(lb.id, target.id, protocol, port), "target",
                       f"{lb.label} forwards to {target.label} (target group {tg.label}) on port {port}",
                       (lb.id, tg_id, target.id))
                if health != port:
                    yield (Flow(lb.id, target.id, "tcp", health), "health-check",
                           f"{lb.label} health-checks {target.label} (target group {tg.label}) on "
                           f"port {health}", (lb.id, tg_id, target.id))


def _origins(d: Diagram):
    for cdn in d.of_kind("CloudFrontDistribution"):
        for origin in cdn.get("origins", ()):
            target = d.get(origin.get("target"))
            if target is None:
                continue
            port = 80 if origin.get("protocol_policy") == "http-only" else 443
            yield (Flow(cdn.id, target.id, "tcp", port), "origin",
                   f"{cdn.label} fetches from its origin {target.label} on port {port}",
                   (cdn.id, target.id))


def _aliases(d: Diagram):
    for record in d.of_kind("DnsRecord"):
        zone = d.get(record.parent)
        if zone is None or zone.get("private") or not record.get("alias_target"):
            continue
        target, seen = d.get(record.get("alias_target")), {record.id}
        while target is not None and target.kind == "DnsRecord" and target.id not in seen:
            seen.add(target.id)
            target = d.get(target.get("alias_target"))
        if target is None or target.kind == "VpcEndpoint" or \
                target.kind == "LoadBalancer" and target.get("scheme") != "internet-facing":
            continue
        port = default_port(d, target.id) if target.kind == "LoadBalancer" else 443
        yield (Flow("internet", record.id, "tcp", _port(port, 443)), "alias",
               f"public DNS name {record.label} is an alias of {target.label}", (record.id, target.id))


def _ecs(d: Diagram):
    for service in d.of_kind("EcsService"):
        task = d.get(service.get("task_definition"))
        if task is None or service.get("launch_type") != "FARGATE" or not service.get("subnets"):
            continue  # EC2 launch type: the container instance pulls images, not the task
        ecr = public = logs = False
        for container in task.get("containers", ()):
            repo = d.get(container.get("repository"))
            image = container.get("image") if isinstance(container.get("image"), str) else ""
            if repo is not None or ".dkr.ecr." in image:
                ecr = True
            elif image:
                public = True
            if d.get(container.get("log_group")) is not None:
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


def _lambdas(d: Diagram):
    for fn in d.of_kind("LambdaFunction"):
        if not fn.get("subnets") or not fn.get("needs_aws_apis"):
            continue
        services = tuple(Flow(fn.id, r.target, "tcp", 443) for r in d.relations_of(fn.id)
                         if r.source == fn.id and d.get(r.target) is not None
                         and d.get(r.target).kind in _SERVICE_KINDS)
        yield (Flow(fn.id, "internet", "tcp", 443), "aws-api",
               f"{fn.label} runs in a VPC and calls AWS services", (fn.id,),
               {"alternatives": (services,) if services else ()})


def _sg_references(d: Diagram):
    index = network_index(d)
    members: dict[str, list] = {}
    for record in d.of_kind(*_SG_KINDS):
        if record.kind == "Instance" and not record.get("security_groups"):
            parent = d.get(record.parent)
            if parent is not None and parent.kind == "AutoScalingGroup":
                continue  # counted through its group
        for group in q.security_groups_of(d, record.id):
            members.setdefault(group.id, []).append(record)
    for owner_group, (ingress, _) in index.sg_rules.items():
        for rule in ingress:
            if not rule.group or rule.protocol not in ("tcp", "udp", "all"):
                continue
            for destination in members.get(owner_group, ()):
                whole = rule.protocol == "all" or (rule.from_port, rule.to_port) == (0, 65535)
                port = _port(default_port(d, destination.id), 443) if whole else _port(rule.from_port, 0)
                if not port:
                    continue
                protocol = "tcp" if rule.protocol == "all" else rule.protocol
                for source in members.get(rule.group, ()):
                    if source.kind in ("LoadBalancer", "VpcEndpoint"):
                        continue  # load balancers are covered by their target flows
                    yield (Flow(source.id, destination.id, protocol, port), "sg-reference",
                           f"security group {d[owner_group].label} lets {source.label}'s group in on "
                           f"port {port}", (owner_group, rule.group, source.id, destination.id))


def _auto_scaling(d: Diagram):
    for asg in d.of_kind("AutoScalingGroup"):
        if not asg.get("subnets"):
            continue
        offline = (Flow(asg.id, "s3", "tcp", 443),) + tuple(Flow(asg.id, s, "tcp", 443) for s in _SSM)
        yield (Flow(asg.id, "internet", "tcp", 443), "updates",
               f"instances of {asg.label} need operating-system updates and their agents", (asg.id,),
               {"alternatives": (offline,), "strict": False})


def _connections(d: Diagram):
    for relation in d.relations():
        if relation.kind != "connection" or d.get(relation.source) is None:
            continue
        protocol = relation.get("protocol", "tcp")
        protocol = protocol.lower() if isinstance(protocol, str) and protocol.lower() in PROTOCOLS else "tcp"
        port = _port(relation.get("port", 0), 0) or _port(default_port(d, relation.target), 443)
        yield (Flow(relation.source, relation.target, protocol, port), "connection",
               f"a connection is drawn from {d[relation.source].label} to "
               f"{d.get(relation.target).label if d.get(relation.target) else relation.target}",
               (relation.source, relation.target), {"front_doors": True})
