"""nacl-blocks-traffic: a flow the design implies is refused by a network ACL, either way."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..reachability.codes import NACL_CODES
from ..reachability.findings import PATH_KINDS, blocking_hop, describe_flow, fix_for, involved, path_scope
from ..reachability.implied import ImpliedResult
from ..reachability.results import Check, Direction
from ..rule import Rule

_BLOCKERS = {
    (Direction.FORWARD, Check.NACL_OUTBOUND):
        ": network ACL {acl} of subnet {subnet} does not let it out ({rule}; {code}).",
    (Direction.FORWARD, Check.NACL_INBOUND):
        ": network ACL {acl} of subnet {subnet} does not let it in ({rule}; {code}).",
    (Direction.RETURN, Check.NACL_OUTBOUND):
        ": network ACL {acl} of subnet {subnet} does not let the replies out on the ephemeral ports "
        "1024-65535 ({rule}; {code}).",
    (Direction.RETURN, Check.NACL_INBOUND):
        ": network ACL {acl} of subnet {subnet} does not let the replies in on the ephemeral ports "
        "1024-65535 ({rule}; {code}).",
}


def check_item(diagram: Diagram, item: ImpliedResult):
    """This rule's finding about one traced implied flow, if it has one."""
    if item.satisfied:  # most flows: decided before looking for the blocked path
        return
    blocked = item.result.blocked
    if not item.implied.strict or blocked is None \
            or blocked.code not in NACL_CODES:
        return
    hop = blocking_hop(item.result)
    first, params = describe_flow(diagram, item)
    acl = diagram.get(blocked.component)
    subnet = next((diagram[r] for r in blocked.resources
                   if r in diagram and diagram[r].kind == "Subnet"), None)
    yield RULE.finding(first + _BLOCKERS[(blocked.direction, hop.check)], involved(diagram, item),
                       fix_for(item), acl=acl.label if acl is not None else blocked.component,
                       subnet=subnet.label if subnet is not None else "?", rule=hop.matched,
                       code=blocked.code, **params)


RULE = Rule(
    id="nacl-blocks-traffic",
    severity=Severity.ERROR,
    title="A network ACL refuses traffic the design needs",
    fix="Add allow rules to the network ACL for the flow's port, and for the replies on the ephemeral "
        "ports 1024-65535, numbered before any deny that matches.",
    lesson=("A network ACL filters traffic entering and leaving a subnet. Its numbered rules are read "
            "lowest first and the first match decides; anything unmatched is denied. Network ACLs are "
            "stateless, so the replies need their own rule in the other direction, on the ephemeral "
            "ports 1024-65535 that NAT gateways, load balancers and clients answer to."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html",
    watches=PATH_KINDS,
    watches_metadata=("region",),
    scope=path_scope(check_item),
)
