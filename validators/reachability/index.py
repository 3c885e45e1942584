"""The tracing index: what traces ask many times, computed once and kept current across edits.

Which route table and network ACL a subnet uses, a table's routes sorted for longest-prefix match,
parsed security-group and ACL rules, resolved flow ends, who fronts whom: each is a *fact*, computed
the first time a trace asks for it and remembered with the tokens (:mod:`.reads`) it was computed
from. :meth:`NetworkIndex.update` takes the tokens of a change and forgets exactly the facts that
read one of them, so after an edit the next trace recomputes only what the edit touched (a changed
security group's rules, a moved subnet's placement), not the whole index. Answers that scan every
resource of a kind (a VPC's internet gateway, a target's load balancers) are
:class:`~.contributions.Contributions` maps, kept current per contributing resource.

While a trace runs, :attr:`NetworkIndex.recording` is the set its tokens go to; every fact it reads
adds the fact's key there (a fact key is a token too: when an update forgets a fact, its key is
among the tokens the update reports, and so on up through facts computed from facts), so the trace
ends up knowing everything its answer depends on at the cost of one set insertion per fact read.

The index never holds the diagram itself (it is kept per diagram in a weak mapping), only a weak
reference to it.

Cost: a fact O(what it reads) once; a read O(its tokens) for the recording; an update
O(tokens + facts and contributors forgotten).
"""

from __future__ import annotations

import weakref
from typing import Any, Callable

from model import kinds as _kinds
from model import queries as q
from model.cidr import parse
from model.diagram import Diagram

from .addresses import within
from .contributions import Contributions
from .dependents import Dependents
from .reads import Reads
from .records import (DEFAULT_GROUP_PREFIX, NaclRule, RouteEntry, SgRule, SubnetInfo, acl_rules,
                      listener_target_groups, service_name, sg_rules, sorted_routes)

__all__ = ["NetworkIndex", "SubnetInfo", "RouteEntry", "SgRule", "NaclRule", "DEFAULT_GROUP_PREFIX",
           "service_name", "listener_target_groups", "MEMBER_KINDS", "groups_on"]

#: Kinds whose resources carry security groups (members of a group, for group references).
MEMBER_KINDS = ("Instance", "AutoScalingGroup", "LambdaFunction", "EcsService", "RdsInstance",
                "AuroraCluster", "ElastiCacheCluster", "LoadBalancer", "VpcEndpoint")

_NO_RULES: tuple = ((), ())  # a network ACL that does not exist
_DESCRIBED = object()
_MISSING = object()
_TOKENS = object()


class _Raised:
    """A fact whose computation raised (an end that cannot be traced): raised again on each read."""

    __slots__ = ("error",)

    def __init__(self, error: Exception):
        self.error = error


class NetworkIndex:
    """Facts about one diagram for tracing; see the module docs."""

    def __init__(self, diagram: Diagram, order: dict[str, int] | None = None):
        self._ref = weakref.ref(diagram)
        #: key -> value (tokens it was computed from: in _deps)
        self._facts: dict[Any, Any] = {}
        self._deps = Dependents()
        #: resource id -> how traces write it: its name (key None), "route table app-a" (key
        #: "route table"), "web server (EC2 instance)" (key _DESCRIBED)
        self._texts: dict[str, dict] = {}
        order = order if order is not None else {rid: i for i, rid in enumerate(diagram.ids())}
        self._maps = {m.name: m for m in _contribution_maps(order)}
        #: Where the trace being run notes what it reads (None: nobody is listening).
        self.recording: set | None = None
        #: Legs traced at this state of the diagram: key -> (result, tokens); emptied by updates.
        self.legs: dict = {}
        #: Security-group and ACL verdicts at this state (.filters); emptied by updates.
        self.verdicts: dict = {}

    @property
    def diagram(self) -> Diagram:
        d = self._ref()
        if d is None:  # pragma: no cover - the index lives in a weak mapping keyed by the diagram
            raise RuntimeError("the diagram of this index no longer exists")
        return d

    # ------------------------------------------------------------------ facts
    def fact(self, key, compute: Callable[..., Any], *args):
        """The fact ``key``: ``compute(reads, *args)`` the first time (``reads``: a
        :class:`~.reads.Reads` of the diagram), remembered until a change touches what it read.
        ``key`` goes to :attr:`recording`. An exception it raised is raised again. Fact keys are
        tuples whose first item names the fact (``subnet``, ``side``...), never a token's tag."""
        value = self._facts.get(key, _MISSING)
        if value is _MISSING:
            value = self._compute(key, compute, args)
        recording = self.recording
        if recording is not None:
            recording.add(key)
        if type(value) is _Raised:
            raise value.error
        return value

    def _compute(self, key, compute, args):
        tokens: set = set()
        outer, self.recording = self.recording, tokens
        try:
            value = compute(Reads(self.diagram, tokens), *args)
        except ValueError as error:  # FlowError: an end that cannot be traced, remembered as such
            value = _Raised(error)
        finally:
            self.recording = outer
        self._facts[key] = value
        self._deps.set(key, frozenset(tokens))
        return value

    def prepare_for_edits(self) -> None:
        """Build now which facts each token concerns, which the first :meth:`update` would build."""
        self._deps.prepare()

    def update(self, d: Diagram, tokens: set) -> set:
        """Forget what a change with ``tokens`` (:func:`~.reads.change_tokens`) made stale. Returns
        ``tokens`` with the keys of the facts forgotten and of the map keys that changed added:
        what the change touched, as traces and implied flows recorded it."""
        touched_ids = [t for t in tokens if isinstance(t, str)]
        tokens = set(tokens)
        for contributions in self._maps.values():
            tokens |= contributions.update(d, tokens, touched_ids)
        pending = list(tokens)
        while pending:  # facts read by facts: forgetting one forgets those computed from it
            for key in self._deps.users(pending.pop()):
                self._facts.pop(key, None)
                self._deps.drop(key)
                if key not in tokens:
                    tokens.add(key)
                    pending.append(key)
        for rid in touched_ids:  # every change to a resource (renames included) touches its id
            self._texts.pop(rid, None)
        self.legs.clear()
        self.verdicts.clear()
        return tokens

    # ------------------------------------------------------------------ names
    def name(self, rid: str) -> str:
        """What a trace calls ``rid``: its name, ``the VPC's default security group``, or the id."""
        return self._text(rid, None)

    def called(self, word: str, rid: str) -> str:
        """``route table app-a``, but ``route table 1`` when the name already says what it is."""
        return self._text(rid, word)

    def described(self, rid: str) -> str:
        """``web server (EC2 instance)``; the id of a resource that does not exist."""
        return self._text(rid, _DESCRIBED)

    def _text(self, rid: str, how) -> str:
        texts = self._texts.get(rid)
        if texts is None:
            # A text depends on the resource's name, kind and existence only: ("name", id).
            texts = self._texts[rid] = {_TOKENS: ("name", rid)}
        if self.recording is not None:
            self.recording.add(texts[_TOKENS])
        text = texts.get(how)
        if text is not None:
            return text
        record = self.diagram.get(rid)
        if how is None:
            text = "the VPC's default security group" if rid.startswith(DEFAULT_GROUP_PREFIX) \
                else (record.label if record else rid)
        elif how is _DESCRIBED:
            text = f"{record.label} ({_kinds.kind(record.kind).label})" if record is not None else rid
        else:
            name = self._text(rid, None)
            text = name if name.lower().startswith(how.lower()) else f"{how} {name}"
        texts[how] = text
        return text

    # ------------------------------------------------------------------ per-resource facts
    def subnet(self, sid: str | None) -> SubnetInfo | None:
        """Placement of a subnet (None for anything that is not a subnet)."""
        if not sid:
            return None
        return self.fact(("subnet", sid), _subnet_info, self, sid)

    def routes(self, rt: str) -> tuple[RouteEntry, ...]:
        """A route table's effective routes, most specific first."""
        return self.fact(("routes", rt), _routes, rt)

    def vpc_networks(self, vpc: str) -> tuple:
        return self.fact(("vpc-networks", vpc), _vpc_networks, vpc)

    def vpc_contains(self, vpc: str, network) -> bool:
        return network is not None and any(within(network, n) for n in self.vpc_networks(vpc))

    def group_rules(self, group: str, direction: str) -> tuple[SgRule, ...]:
        """A security group's ``ingress`` or ``egress`` rules (an edit of the other direction leaves
        a trace that read these alone as it is); the default group lets in its own members and lets
        everything out."""
        if group.startswith(DEFAULT_GROUP_PREFIX):
            return _default_group_rules(group)[direction == "egress"]
        return self.fact(("sg", group, direction), _group_rules, group, direction)

    def groups_on(self, rid: str) -> tuple[str, ...]:
        """Ids of the security groups on ``rid`` (see :func:`groups_on`)."""
        return self.fact(("groups-on", rid), groups_on, rid)

    def acl_rules(self, acl: str) -> tuple[tuple[NaclRule, ...], tuple[NaclRule, ...]]:
        """(inbound, outbound) rules of a network ACL, in number order."""
        return self.fact(("acl", acl), _acl_rules, acl)

    def peering(self, pcx: str) -> tuple[str, str]:
        """(requester, accepter) VPC ids of a peering connection."""
        return self.fact(("peering", pcx), _peering, pcx)

    # ------------------------------------------------------------------ scans, kept per source
    def _get(self, name: str, key, default=None):
        return self._maps[name].get(self.diagram, key, self.recording, default)

    def main_route_table(self, vpc: str) -> str:
        return self._get("main-rt", vpc, "")

    def default_acl(self, vpc: str) -> str:
        return self._get("default-acl", vpc, "")

    def internet_gateway(self, vpc: str) -> str | None:
        return self._get("igw", vpc)

    def peered(self, a: str, b: str) -> bool:
        """Whether a peering connection joins VPCs ``a`` and ``b``."""
        return bool(self._get("peered", frozenset((a, b))))

    def tgw_subnets(self, tgw: str, vpc: str) -> tuple[str, ...] | None:
        """Subnets attaching ``vpc`` to transit gateway ``tgw`` (None: not attached)."""
        found = self._get("tgw", (tgw, vpc))
        return None if found is None else tuple(s for subnets in found for s in subnets)

    def tgw_connected(self, a: str, b: str) -> bool:
        """Whether VPCs ``a`` and ``b`` are attached to a common transit gateway."""
        if self.recording is not None:
            self.recording.add(("fact", "tgw", ("vpc", b)))
        keys = self._maps["tgw"].keys(self.diagram, self.recording, ("vpc", a))
        tgws = {tgw for tgw, vpc in keys if vpc == a}
        return any((tgw, b) in keys for tgw in tgws)

    def tgw_vpcs(self, tgw: str) -> list[str]:
        """VPCs attached to ``tgw``, in the order of their first attachment."""
        keys = self._maps["tgw"].keys(self.diagram, self.recording, ("tgw", tgw))
        return [vpc for t, vpc in keys if t == tgw]

    def interface_endpoint(self, vpc: str, service: str) -> str:
        """The interface endpoint with private DNS that serves ``service`` in ``vpc`` ("" if none)."""
        return self._get("interface-endpoints", (vpc, service), "")

    def fronted_by(self, target: str) -> list[tuple[str, str]]:
        """(load balancer, target group) pairs that send to ``target``."""
        return self._get("fronted-by", target, [])

    def origin_of(self, target: str) -> list[str]:
        """CloudFront distributions using ``target`` as an origin."""
        return self._get("origin-of", target, [])

    def members(self, group: str) -> list[str]:
        """Ids of the resources a security group is on, in the diagram's order (kind by kind)."""
        return self._get("members", group, [])


# ------------------------------------------------------------------------------------ computing
def _subnet_info(r: Reads, index: NetworkIndex, sid: str) -> SubnetInfo | None:
    subnet = r.get(sid)
    if subnet is None or subnet.kind != "Subnet":
        return None
    vpc = q.vpc_of(r, sid)
    vpc_id = vpc.id if vpc else ""
    # A subnet's own association if it names an existing resource, else the VPC's main one (as
    # model.queries.route_table_of and network_acl_of answer).
    rt = subnet.get("route_table")
    rt = rt if isinstance(rt, str) and rt and r.get(rt) is not None else \
        (index.main_route_table(vpc_id) if vpc_id else "")
    acl = subnet.get("network_acl")
    acl = acl if isinstance(acl, str) and acl and r.get(acl) is not None else \
        (index.default_acl(vpc_id) if vpc_id else "")
    cidr = subnet.get("cidr")
    network = parse(cidr) if isinstance(cidr, str) else None
    return SubnetInfo(sid, subnet.label, network, vpc_id, q.az_of(r, sid), rt, acl,
                      str(network) if network is not None else "")


def _routes(r: Reads, rt: str) -> tuple[RouteEntry, ...]:
    record = r.get(rt)
    return sorted_routes(r, rt) if record is not None and record.kind == "RouteTable" else ()


def _vpc_networks(r: Reads, vpc: str) -> tuple:
    record = r.get(vpc)
    if record is None or record.kind != "Vpc":
        return ()
    return tuple(n for n in (parse(b) for b in q.vpc_cidr_blocks(r, vpc)) if n is not None)


def _group_rules(r: Reads, group: str, direction: str) -> tuple[SgRule, ...]:
    if r.kind_of(group) != "SecurityGroup":
        return ()
    return sg_rules(r.field(group, direction, ()), "source_group" if direction == "ingress"
                    else "destination_group")


def groups_on(r: Reads, rid: str) -> tuple[str, ...]:
    """Ids of the security groups on a resource's network interfaces, as
    :func:`model.queries.security_groups_of` finds them (an instance drawn in an Auto Scaling group
    with none of its own takes the group's), reading of each group only that it exists: a group's
    rules do not change who is in it."""
    record = r.get(rid)
    if record is None:
        return ()
    groups = tuple(g for g in record.get("security_groups", ()) or ()
                   if isinstance(g, str) and r.kind_of(g) == "SecurityGroup")
    if not groups and record.kind == "Instance":
        parent = r.get(record.parent)
        if parent is not None and parent.kind == "AutoScalingGroup":
            return groups_on(r, parent.id)
    return groups


def _default_group_rules(group: str):
    rules = _DEFAULT_RULES.get(group)
    if rules is None:
        rules = (SgRule("all", 0, 65535, None, "", group, "", 0),), (_ANYWHERE,)
        if len(_DEFAULT_RULES) < 4096:  # one per VPC in practice
            _DEFAULT_RULES[group] = rules
    return rules


_ANYWHERE = SgRule("all", 0, 65535, parse("0.0.0.0/0"), "0.0.0.0/0", "", "", 0)
_DEFAULT_RULES: dict[str, tuple] = {}


def _acl_rules(r: Reads, acl: str):
    record = r.get(acl)
    if record is None or record.kind != "NetworkAcl":
        return _NO_RULES
    return (acl_rules(record.get("inbound", ())), acl_rules(record.get("outbound", ())))


def _peering(r: Reads, pcx: str) -> tuple[str, str]:
    record = r.get(pcx)
    if record is None or record.kind != "VpcPeering":
        return ("", "")
    return (record.get("requester") or "", record.get("accepter") or "")


# ------------------------------------------------------------------------------------ scans
def _main_rt(r: Reads, rt):
    vpc = q.vpc_of(r, rt.id)
    return [(vpc.id, rt.id)] if rt.get("main") and vpc is not None else []


def _default_acl(r: Reads, acl):
    vpc = q.vpc_of(r, acl.id)
    return [(vpc.id, acl.id)] if acl.get("default") and vpc is not None else []


def _igw(r: Reads, igw):
    vpc = igw.get("vpc")
    return [(vpc, igw.id)] if isinstance(vpc, str) and vpc in r else []


def _peered(r: Reads, pcx):
    return [(frozenset((pcx.get("requester") or "", pcx.get("accepter") or "")), True)]


def _tgw(r: Reads, att):
    vpc = q.vpc_of(r, att.id)
    if vpc is None or not att.get("transit_gateway"):
        return []
    return [((att.get("transit_gateway"), vpc.id), tuple(s.id for s in q.subnets_of(r, att.id)))]


def _tgw_aliases(key):
    tgw, vpc = key
    return (("vpc", vpc), ("tgw", tgw))


def _interface_endpoints(r: Reads, ep):
    vpc = q.vpc_of(r, ep.id)
    if vpc is None or ep.get("endpoint_type") != "interface" or not ep.get("private_dns") \
            or not q.subnets_of(r, ep.id):
        return []
    return [((vpc.id, service_name(ep.get("service", ""))), ep.id)]


def _fronted_by(r: Reads, lb):
    out = []
    for tg_id in listener_target_groups(lb):
        for target in q.targets_of(r, tg_id):
            # An Auto Scaling group registers the instances it launches, drawn inside it.
            members = [target] + ([c for c in r.children(target.id) if c.kind == "Instance"]
                                  if target.kind == "AutoScalingGroup" else [])
            out += [(member.id, (lb.id, tg_id)) for member in members]
    return out


def _origin_of(r: Reads, cdn):
    return [(origin.get("target"), cdn.id) for origin in cdn.get("origins", ())
            if isinstance(origin.get("target"), str) and origin.get("target")]


def _members(r: Reads, record):
    if record.kind == "Instance" and not record.get("security_groups"):
        parent = r.get(record.parent)
        if parent is not None and parent.kind == "AutoScalingGroup":
            return []  # counted through its group
    return [(group, record.id) for group in groups_on(r, record.id)]


def _contribution_maps(order: dict[str, int]) -> list[Contributions]:
    return [
        Contributions("main-rt", ("RouteTable",), _main_rt, order=order),
        Contributions("default-acl", ("NetworkAcl",), _default_acl, order=order),
        Contributions("igw", ("InternetGateway",), _igw, order=order),
        Contributions("peered", ("VpcPeering",), _peered, order=order),
        Contributions("tgw", ("TransitGatewayAttachment",), _tgw, "all", _tgw_aliases, order),
        Contributions("interface-endpoints", ("VpcEndpoint",), _interface_endpoints, order=order),
        Contributions("fronted-by", ("LoadBalancer",), _fronted_by, "unique", order=order),
        Contributions("origin-of", ("CloudFrontDistribution",), _origin_of, "all", order=order),
        Contributions("members", MEMBER_KINDS, _members, "all", order=order),
    ]
