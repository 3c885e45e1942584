"""What the three path rules share: the kinds that shape a path, their scope, and findings about
implied flows.

``sg-blocks-traffic``, ``nacl-blocks-traffic`` and ``nat-path-missing`` all read the same traced
implied flows (the diagram's :class:`~.flowstore.FlowStore`, kept current edit by edit) and split
them by the family of the explanation code that blocks each. Their :func:`path_scope` makes each
implied flow a unit, so after an edit the validation engine re-checks only the flows the edit
touched. Messages are templates with parameters (resource names, ports, codes) so they can be
translated; the trace's own explanation and suggestion become the fix.
"""

from __future__ import annotations

from typing import Callable, Iterable

from model import kinds as _kinds
from model.diagram import Diagram
from model.naming import in_sentence

from ..changes import Touched
from ..finding import Finding
from ..scope import Scope
from .flowstore import flow_store, key_text
from .implied import ImpliedResult
from .results import Direction, Hop, TraceResult
from .tracking import tracker_of

__all__ = ["PATH_KINDS", "path_scope", "describe_flow", "blocking_hop", "involved", "fix_for",
           "component_words"]

#: Every kind whose resources can change whether traffic flows: placement, addresses, routes,
#: gateways, filters, load balancing, names, and the ends themselves.
PATH_KINDS = (
    "Region", "AvailabilityZone", "Vpc", "Subnet", "InternetGateway", "EgressOnlyInternetGateway",
    "NatGateway", "VpcEndpoint", "RouteTable", "VpcPeering", "TransitGateway",
    "TransitGatewayAttachment", "LoadBalancer", "TargetGroup", "SecurityGroup", "NetworkAcl",
    "Instance", "AutoScalingGroup", "LambdaFunction", "LightsailInstance", "EcsCluster", "EcsService",
    "TaskDefinition", "EcrRepository", "RdsInstance", "AuroraCluster", "DbSubnetGroup",
    "ElastiCacheCluster", "DynamoDbTable", "S3Bucket", "CloudFrontDistribution", "HostedZone",
    "DnsRecord", "ApiGateway", "SqsQueue", "SnsTopic", "EventRule", "LogGroup",
)

#: What each kind of implied flow is, as a message template (resource names as parameters).
_PURPOSES = {
    "listener": "The internet cannot reach {destination} on {flow}",
    "target": "{source} cannot reach its target {destination} on {flow}",
    "health-check": "{source} cannot health-check its target {destination} on {flow}",
    "origin": "CloudFront distribution {source} cannot reach its origin {destination} on {flow}",
    "alias": "The internet cannot reach {destination} through its public DNS name on {flow}",
    "image-pull": "Tasks of {source} cannot pull their container images from {destination} ({flow})",
    "logs": "Tasks of {source} cannot send their logs to CloudWatch Logs ({flow})",
    "aws-api": "{source} runs in a VPC but cannot reach AWS services ({flow})",
    "sg-reference": "{source} cannot reach {destination} on {flow}, though a security group lets its "
                    "group in",
    "updates": "Instances of {source} cannot reach the internet for updates ({flow})",
    "connection": "{source} cannot reach {destination} on {flow} as the connection drawn says",
}


def path_scope(check_item: Callable[[Diagram, ImpliedResult], Iterable[Finding]]) -> Scope:
    """One unit per implied flow (``source|destination|protocol|port``); ``check_item(diagram,
    item)`` gives a rule's findings about one traced flow.

    ``affected`` hands the change set to the diagram's tracker, catches the flow store up, and
    names the flows whose reason, existence or trace the change touched (every flow whose recorded
    inputs meet the change's tokens, before and after it; see :mod:`.reads`).
    """

    def units(d: Diagram):
        return [key_text(k) for k in flow_store(d).keys()]

    def check_unit(d: Diagram, unit: str):
        store = flow_store(d)
        item = store.result(_unit_key(unit))
        return check_item(d, item) if item is not None else ()

    def affected(d: Diagram, touched: Touched):
        tracker_of(d).ingest(d.revision, touched.change)
        # Catching up always records what changed at the diagram's current revision.
        return {key_text(k) for k in flow_store(d).changed_at(d.revision) or ()}

    return Scope(units, check_unit, affected)


def _unit_key(unit: str) -> tuple:
    source, destination, protocol, port = unit.rsplit("|", 3)
    return (source, destination, protocol, int(port))


def describe_flow(d: Diagram, item: ImpliedResult) -> tuple[str, dict]:
    """The message's first part (a template) and its parameters for an implied flow."""
    flow = item.implied.flow
    template = _PURPOSES.get(item.implied.category, _PURPOSES["connection"])
    what = flow.protocol if flow.protocol == "icmp" else f"{flow.protocol}/{flow.port}"
    return template, {"source": _label(d, flow.source), "destination": _label(d, flow.destination),
                      "flow": what}


def blocking_hop(result: TraceResult) -> Hop | None:
    """The hop where the deciding path is blocked."""
    path = result.deciding_path
    if path is None or path.blocked is None:
        return None
    hops = path.forward if path.blocked.direction == Direction.FORWARD else path.returning
    return next((h for h in reversed(hops) if not h.passed), None)


def involved(d: Diagram, item: ImpliedResult) -> list[str]:
    """Every resource id a finding about ``item`` should highlight: the ends, what implies the flow,
    and what blocks it."""
    flow = item.implied.flow
    blocked = item.result.blocked
    ids = [flow.source, flow.destination, *item.implied.resources]
    if blocked is not None:
        ids += [blocked.component, *blocked.resources]
    return [i for i in dict.fromkeys(ids) if i in d]


def fix_for(item: ImpliedResult, extra: str = "") -> str:
    blocked = item.result.blocked
    text = f"{blocked.explanation} {blocked.suggestion}" if blocked else ""
    return f"{text} {extra}".strip()


def component_words(d: Diagram, rid: str) -> str:
    """``route table private-a``, ``internet gateway igw``; a name that already says what it is
    (``route table 1``) is used alone."""
    record = d.get(rid)
    if record is None:
        return rid
    word = in_sentence(_kinds.kind(record.kind).label)  # "route table"; "NAT gateway", "Lambda function"
    return record.label if record.label.lower().startswith(word.lower()) else f"{word} {record.label}"


def _label(d: Diagram, name: str) -> str:
    record = d.get(name)
    return record.label if record is not None else name
