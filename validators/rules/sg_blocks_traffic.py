"""sg-blocks-traffic: a flow the design implies is refused by a security group."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..reachability.codes import SG_CODES
from ..reachability.findings import PATH_KINDS, blocking_hop, describe_flow, fix_for, involved, path_scope
from ..reachability.implied import ImpliedResult
from ..reachability.results import Check
from ..rule import Rule

_BLOCKERS = {
    ("ENI_SG_RULES_MISMATCH", Check.SG_INGRESS):
        ": no inbound rule of security group {group} on {owner} allows it ({code}).",
    ("ENI_SG_RULES_MISMATCH", Check.SG_EGRESS):
        ": no outbound rule of security group {group} on {owner} allows it ({code}).",
    ("SG_HAS_NO_RULES", Check.SG_INGRESS):
        ": security group {group} on {owner} has no inbound rules at all ({code}).",
    ("SG_HAS_NO_RULES", Check.SG_EGRESS):
        ": security group {group} on {owner} has no outbound rules at all ({code}).",
}


def check_item(diagram: Diagram, item: ImpliedResult):
    """This rule's finding about one traced implied flow, if it has one."""
    if item.satisfied:  # most flows: decided before looking for the blocked path
        return
    blocked = item.result.blocked
    if not item.implied.strict or blocked is None or blocked.code not in SG_CODES:
        return
    hop = blocking_hop(item.result)
    first, params = describe_flow(diagram, item)
    owner = diagram.get(hop.location) if hop else None
    group = diagram.get(hop.component) if hop else None
    group_name = group.label if group is not None and group.kind == "SecurityGroup" \
        else "the VPC's default security group"
    yield RULE.finding(first + _BLOCKERS[(blocked.code, hop.check)], involved(diagram, item),
                       fix_for(item), group=group_name,
                       owner=owner.label if owner is not None else hop.location,
                       code=blocked.code, **params)


RULE = Rule(
    id="sg-blocks-traffic",
    severity=Severity.ERROR,
    title="A security group refuses traffic the design needs",
    fix="Add a rule to the security group named in the message that allows the flow, preferably by "
        "naming the peer's security group rather than a range.",
    lesson=("A security group allows only what its rules list, in each direction: inbound rules "
            "decide who may connect to a resource, outbound rules where it may connect to. Replies "
            "to an allowed connection always pass, because security groups are stateful. A load "
            "balancer needs its targets' groups to let it in on the target port and the health-check "
            "port, and a database's group must let the application tier in."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
    watches=PATH_KINDS,
    watches_metadata=("region",),
    scope=path_scope(check_item),
)
