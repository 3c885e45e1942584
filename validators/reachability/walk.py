"""The state of one leg being traced: where the packet is, the hops so far, and the checks the
reply will face on its way back.

A :class:`Walk` collects forward hops as the packet moves and, for each filter or connection it
crosses, registers the matching check for the reply (a network ACL crossed outbound on port 443 must
let the reply in on the ephemeral ports; a peering connection crossed one way needs a route back).
:meth:`Walk.run_return` runs those in reverse order once the packet has arrived.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from model.diagram import Diagram

from .addresses import EPHEMERAL, Address
from .codes import CODES
from .endpoints import Endpoint
from .filters import check_acl, check_groups
from .index import DEFAULT_GROUP_PREFIX, NetworkIndex, RouteEntry, SubnetInfo
from .quick_init import quick_init
from .results import Blocked, Check, Direction, Hop

__all__ = ["Side", "Walk", "what", "sentence", "lookup"]


def what(protocol: str, port: int | tuple[int, int]) -> str:
    """``tcp/443``, ``tcp/1024-65535``, ``icmp``."""
    key = (protocol, port)
    text = _WHAT.get(key)
    if text is None:
        if protocol == "icmp":
            text = "icmp"
        elif isinstance(port, tuple):
            text = f"{protocol}/{port[0]}" if port[0] == port[1] else f"{protocol}/{port[0]}-{port[1]}"
        else:
            text = f"{protocol}/{port}"
        if len(_WHAT) < 4096:  # a few protocols and ports in practice; never unbounded
            _WHAT[key] = text
    return text


_WHAT: dict = {}


#: Words a generated explanation may start with; anything else is a resource name, whose case is
#: kept as the user wrote it.
_LEAD_WORDS = frozenset({"the", "no", "security", "network", "route", "internet", "peering", "transit",
                         "gateway", "instance", "both", "part", "vpc", "nat", "interface", "target",
                         "listener"})


def sentence(text: str) -> str:
    """``text`` as a sentence: a full stop, and a capital unless it starts with a resource name."""
    first = text.split(" ", 1)[0]
    if first.lower() in _LEAD_WORDS and first.islower():
        text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


@quick_init
@dataclass(frozen=True)
class Side:
    """An endpoint at one of its placements: a network interface in ``subnet`` (``None`` when the
    endpoint is outside every VPC), with the ``address`` filters see and whether it has a public
    IPv4 address there."""

    endpoint: Endpoint
    subnet: SubnetInfo | None
    address: Address
    public: bool

    @property
    def id(self) -> str:
        return self.endpoint.id

    @property
    def inside(self) -> bool:
        return self.subnet is not None

    @property
    def vpc(self) -> str:
        return self.subnet.vpc if self.subnet else ""


class Walk:
    """One leg's forward hops, the reply's checks, and the first block met."""

    def __init__(self, diagram: Diagram, index: NetworkIndex, protocol: str, port: int):
        self.d = diagram
        self.index = index
        self.protocol = protocol
        self.port = port
        self._what = what(protocol, port)
        self.forward: list[Hop] = []
        self.returning: list[Hop] = []
        self.blocked: Blocked | None = None
        self._replies: list[Callable[[], bool]] = []

    # naming ------------------------------------------------------------------------------
    def name(self, rid: str) -> str:
        return self.index.name(rid)

    def called(self, word: str, rid: str) -> str:
        """``route table app-a``, but ``route table 1`` (not ``route table route table 1``) when the
        name already says what it is."""
        return self.index.called(word, rid)

    def kind_of(self, rid: str) -> str:
        record = self.d.get(rid)
        return record.kind if record else ""

    def described(self, rid: str) -> str:
        """``web server (EC2 instance)``."""
        return self.index.described(rid)

    def what(self, ports=None) -> str:
        if ports is None:
            return self._what
        return what(self.protocol, ports)

    # recording ---------------------------------------------------------------------------
    def hop(self, location: str, component: str, kind: str, check: str, detail: str,
            matched: str = "", direction: str = Direction.FORWARD) -> bool:
        target = self.forward if direction == Direction.FORWARD else self.returning
        target.append(Hop(location, component, kind, check, detail, matched, True))
        return True

    def block(self, location: str, component: str, kind: str, check: str, detail: str, code: str,
              explanation: str, suggestion: str = "", resources=(), matched: str = "",
              direction: str = Direction.FORWARD) -> bool:
        target = self.forward if direction == Direction.FORWARD else self.returning
        target.append(Hop(location, component, kind, check, detail, matched, False))
        involved = tuple(dict.fromkeys(r for r in (component, location, *resources)
                                       if r and r in self.d))
        self.blocked = Blocked(code, component, direction, explanation,
                               suggestion or CODES[code].fix, involved)
        return False

    def on_reply(self, check: Callable[..., bool], *args) -> None:
        """Register ``check(walk, *args)``, a check the reply must pass; they run last-registered
        first. A module-level function and its arguments, not a closure over the walk: closures
        would make every walk a reference cycle, and collecting those cost more than tracing."""
        self._replies.append((check, args))

    def run_return(self) -> bool:
        for check, args in reversed(self._replies):
            if not check(self, *args):
                return False
        return True

    # security groups -----------------------------------------------------------------------
    def groups_allow(self, side: Side, direction: str, peer: Address, port: int | None = None) -> bool:
        """Check ``side``'s security groups for traffic with ``peer`` (``ingress``/``egress``)."""
        endpoint = side.endpoint
        if not endpoint.filtered or not endpoint.groups:
            return True
        port = self.port if port is None else port
        verdict = check_groups(self.index, endpoint.groups, direction, self.protocol, port, peer)
        check = Check.SG_EGRESS if direction == "egress" else Check.SG_INGRESS
        way = "outbound" if direction == "egress" else "inbound"
        word = "to" if direction == "egress" else "from"
        flow = what(self.protocol, port)
        if verdict.allowed:
            group = verdict.group
            return self.hop(endpoint.id, self._component(group, endpoint.id), "SecurityGroup", check,
                            f"{self._group_words(group)} allows {way} {flow} {word} {peer.label}",
                            verdict.rule)
        names = ", ".join(self.name(g) for g in endpoint.groups)
        plural = "s" if len(endpoint.groups) > 1 else ""
        code = "SG_HAS_NO_RULES" if verdict.no_rules else "ENI_SG_RULES_MISMATCH"
        if verdict.no_rules:
            why = f"security group{plural} {names} of {endpoint.label} {'have' if plural else 'has'} " \
                  f"no {way} rules, so {'they allow' if plural else 'it allows'} nothing {way}"
        else:
            why = f"no {way} rule of security group{plural} {names} allows {flow} {word} {peer.label}"
        rule = "ingress" if direction == "ingress" else "egress"
        hint = (f"Add an {rule} rule to {self.name(endpoint.groups[0])} allowing {flow} {word} "
                f"{self._peer_hint(peer)}.")
        return self.block(endpoint.id, self._component(endpoint.groups[0], endpoint.id),
                          "SecurityGroup", check, why, code, sentence(why), hint,
                          (*[g for g in endpoint.groups], endpoint.id))

    def _group_words(self, group: str) -> str:
        if group.startswith(DEFAULT_GROUP_PREFIX):
            return "the VPC's default security group"
        return self.called("security group", group)

    def _peer_hint(self, peer: Address, ranges_only: bool = False) -> str:
        """How a rule names ``peer``: its group (security groups only), its range, or 0.0.0.0/0."""
        groups = sorted(g for g in peer.groups if not g.startswith(DEFAULT_GROUP_PREFIX))
        if groups and not ranges_only:
            return f"{self.called('security group', groups[0])} (or {peer.network})"
        if peer.is_public:
            return f"the prefix list {peer.prefix_list} or 0.0.0.0/0" if peer.prefix_list and not ranges_only \
                else "0.0.0.0/0"
        return str(peer.network) if peer.network is not None else peer.label

    @staticmethod
    def _component(group: str, owner: str) -> str:
        return owner if group.startswith(DEFAULT_GROUP_PREFIX) else group

    # network ACLs --------------------------------------------------------------------------
    def acl_allows(self, location: str, subnet: SubnetInfo, direction: str, peer: Address,
                   ports: tuple[int, int], way: str = Direction.FORWARD) -> bool:
        """Check the network ACL of ``subnet`` (``inbound``/``outbound``) for traffic with ``peer``
        on every port of ``ports``; on the forward way, register the reply's check."""
        verdict = check_acl(self.index, subnet.acl, direction, self.protocol, ports, peer)
        component, kind = (subnet.acl, "NetworkAcl") if subnet.acl else (subnet.id, "Subnet")
        check = Check.NACL_INBOUND if direction == "inbound" else Check.NACL_OUTBOUND
        acl_name = self.called("network ACL", subnet.acl) if subnet.acl else "the default network ACL"
        word = "from" if direction == "inbound" else "to"
        reply = "the reply " if way == Direction.RETURN else ""
        flow = what(self.protocol, ports)
        if verdict.allowed:
            moving = "in" if direction == "inbound" else "out"
            ok = self.hop(location, component, kind, check,
                          f"{acl_name} of {self.called('subnet', subnet.id)} lets {reply}{flow} {moving} "
                          f"{word} {peer.label}", verdict.rule, way)
            if way == Direction.FORWARD:
                back = "outbound" if direction == "inbound" else "inbound"
                self.on_reply(Walk.acl_allows, location, subnet, back, peer, EPHEMERAL,
                              Direction.RETURN)
            return ok
        why = (f"{acl_name} of {self.called('subnet', subnet.id)} denies {reply}{flow} {direction} {word} "
               f"{peer.label}")
        ephemeral = " Replies use the ephemeral ports 1024-65535." if way == Direction.RETURN else ""
        hint = (f"Add an {direction} allow rule to {acl_name} for {flow} {word} "
                f"{self._peer_hint(peer, ranges_only=True)}, numbered before any deny that matches."
                f"{ephemeral}")
        return self.block(location, component, kind, check, why, "SUBNET_ACL_RESTRICTION",
                          f"{sentence(why)[:-1]} ({verdict.rule}).{ephemeral}", hint,
                          (subnet.id,), verdict.rule, way)

    # routes ---------------------------------------------------------------------------------
    def routes_of(self, subnet: SubnetInfo) -> tuple[RouteEntry, ...]:
        if subnet.route_table:
            return self.index.routes(subnet.route_table)
        # No route table drawn: AWS's implicit main table, which holds the local routes only.
        return tuple(RouteEntry(str(n), n, "", "local", "local", "", n.prefixlen)
                     for n in self.index.vpc_networks(subnet.vpc))

    def table_of(self, subnet: SubnetInfo) -> tuple[str, str, str]:
        """(component id, kind, words) for the route table a subnet uses."""
        if subnet.route_table:
            return subnet.route_table, "RouteTable", self.called("route table", subnet.route_table)
        return subnet.id, "Subnet", "the VPC's implicit main route table (local routes only)"


def lookup(routes: tuple[RouteEntry, ...], dest: Address) -> tuple[RouteEntry | None, RouteEntry | None]:
    """Longest-prefix match: the route that decides for ``dest``, and a more specific route that
    covers only part of ``dest``'s range and sends it elsewhere (else ``None``). Cost: O(routes)."""
    partial = None
    for entry in routes:
        if entry.prefix_list:
            if dest.prefix_list and entry.prefix_list == dest.prefix_list:
                return entry, partial
            continue
        if dest.inside(entry.network):
            if partial is not None and partial.target == entry.target:
                partial = None
            return entry, partial
        if partial is None and dest.network is not None and dest.touches(entry.network):
            partial = entry
    return None, partial


