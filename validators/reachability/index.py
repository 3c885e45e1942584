"""Per-diagram indexes for tracing, built once per diagram revision.

Everything a trace asks many times (which route table and network ACL a subnet uses, the routes
sorted for longest-prefix match, parsed security-group and ACL rules, who fronts whom) is computed
here in one O(n + r) pass over the diagram (n resources, r rules and routes), cached with
:meth:`Diagram.cached` until the next edit. A trace then only reads dictionaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from model import queries as q
from model.cidr import is_prefix_list, parse
from model.diagram import Diagram

__all__ = ["network_index", "NetworkIndex", "SubnetInfo", "RouteEntry", "SgRule", "NaclRule",
           "DEFAULT_GROUP_PREFIX"]

#: Security groups are known by id; the VPC's default group (used when none is drawn) is
#: ``default@<vpc id>``.
DEFAULT_GROUP_PREFIX = "default@"

# A prefix-list route matches fewer addresses than any CIDR route that also covers a service's
# public endpoint (only 0.0.0.0/0 does), so it ranks above all of them.
_PREFIX_LIST_RANK = 129


@dataclass(frozen=True)
class SubnetInfo:
    id: str
    label: str
    network: Any
    vpc: str
    az: str
    route_table: str
    acl: str
    #: The network as text, kept because formatting an address is slow next to everything else.
    cidr: str = ""


@dataclass(frozen=True)
class RouteEntry:
    destination: str
    network: Any
    prefix_list: str
    target: str
    origin: str
    path: str
    rank: int

    def describe(self) -> str:
        return f"{self.destination} -> {self.target}"


@dataclass(frozen=True)
class SgRule:
    protocol: str
    from_port: int
    to_port: int
    network: Any
    cidr: str
    group: str
    prefix_list: str
    index: int

    def describe(self, direction: str) -> str:
        what = "all traffic" if self.protocol == "all" else (
            self.protocol if self.protocol.startswith("icmp") else
            f"{self.protocol}/{_ports(self.from_port, self.to_port)}")
        peer = self.cidr or (f"group {self.group}" if self.group else self.prefix_list) or "nothing"
        word = "from" if direction == "ingress" else "to"
        return f"{direction} rule {self.index + 1}: {what} {word} {peer}"


@dataclass(frozen=True)
class NaclRule:
    number: int
    protocol: str
    from_port: int
    to_port: int
    network: Any
    cidr: str
    allow: bool

    def describe(self) -> str:
        what = "all traffic" if self.protocol == "all" else (
            self.protocol if self.protocol.startswith("icmp")
            else f"{self.protocol}/{_ports(self.from_port, self.to_port)}")
        return f"rule {self.number} {'allow' if self.allow else 'deny'} {what} {self.cidr}"


def _ports(lo: int, hi: int) -> str:
    return str(lo) if lo == hi else f"{lo}-{hi}"


@dataclass
class NetworkIndex:
    diagram: Diagram
    subnets: dict[str, SubnetInfo] = field(default_factory=dict)
    routes: dict[str, tuple[RouteEntry, ...]] = field(default_factory=dict)
    vpc_networks: dict[str, tuple] = field(default_factory=dict)
    internet_gateway: dict[str, str] = field(default_factory=dict)
    peerings: dict[str, tuple[str, str]] = field(default_factory=dict)
    tgw_subnets: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    interface_endpoints: dict[tuple[str, str], str] = field(default_factory=dict)
    sg_rules: dict[str, tuple[tuple[SgRule, ...], tuple[SgRule, ...]]] = field(default_factory=dict)
    sg_vpc: dict[str, str] = field(default_factory=dict)
    acl_rules: dict[str, tuple[tuple[NaclRule, ...], tuple[NaclRule, ...]]] = field(default_factory=dict)
    #: target resource id -> (load balancer id, target group id) pairs that send to it.
    fronted_by: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: origin resource id -> CloudFront distribution ids using it.
    origin_of: dict[str, list[str]] = field(default_factory=dict)
    #: Names as traces write them, filled as they are asked for (valid for this revision only).
    names: dict = field(default_factory=dict)
    #: Resolved flow ends by resource id, and ends at one placement, filled as they are asked for.
    endpoints: dict = field(default_factory=dict)
    sides: dict = field(default_factory=dict)

    def subnet(self, sid: str) -> SubnetInfo | None:
        return self.subnets.get(sid)

    def rules_of(self, group: str) -> tuple[tuple[SgRule, ...], tuple[SgRule, ...]]:
        """(ingress, egress) rules of a group; the default group lets in its own members and lets
        everything out."""
        if group.startswith(DEFAULT_GROUP_PREFIX):
            return (SgRule("all", 0, 65535, None, "", group, "", 0),), \
                   (SgRule("all", 0, 65535, parse("0.0.0.0/0"), "0.0.0.0/0", "", "", 0),)
        return self.sg_rules.get(group, ((), ()))

    def vpc_contains(self, vpc: str, network) -> bool:
        return network is not None and any(
            n.version == network.version and network.subnet_of(n) for n in self.vpc_networks.get(vpc, ()))


def network_index(diagram: Diagram) -> NetworkIndex:
    """The tracing index of ``diagram``, built at most once per revision. Cost: O(n + r)."""
    return diagram.cached(("reachability", "index"), lambda: _build(diagram))


def _build(d: Diagram) -> NetworkIndex:
    index = NetworkIndex(d)
    for vpc in d.of_kind("Vpc"):
        index.vpc_networks[vpc.id] = tuple(n for n in (parse(b) for b in q.vpc_cidr_blocks(d, vpc.id))
                                           if n is not None)
    for subnet in d.of_kind("Subnet"):
        vpc = q.vpc_of(d, subnet.id)
        rt = q.route_table_of(d, subnet.id)
        acl = q.network_acl_of(d, subnet.id)
        cidr = subnet.get("cidr")
        network = parse(cidr) if isinstance(cidr, str) else None
        index.subnets[subnet.id] = SubnetInfo(
            subnet.id, subnet.label, network, vpc.id if vpc else "", q.az_of(d, subnet.id),
            rt.id if rt else "", acl.id if acl else "", str(network) if network is not None else "")
    for rt in d.of_kind("RouteTable"):
        index.routes[rt.id] = _sorted_routes(d, rt.id)
    for igw in d.of_kind("InternetGateway"):
        vpc = igw.get("vpc")
        if isinstance(vpc, str) and vpc in d:
            index.internet_gateway.setdefault(vpc, igw.id)
    for pcx in d.of_kind("VpcPeering"):
        index.peerings[pcx.id] = (pcx.get("requester") or "", pcx.get("accepter") or "")
    for att in d.of_kind("TransitGatewayAttachment"):
        vpc = q.vpc_of(d, att.id)
        if vpc is not None and att.get("transit_gateway"):
            key = (att.get("transit_gateway"), vpc.id)
            index.tgw_subnets[key] = index.tgw_subnets.get(key, ()) + tuple(
                s.id for s in q.subnets_of(d, att.id))
    for ep in d.of_kind("VpcEndpoint"):
        vpc = q.vpc_of(d, ep.id)
        if vpc is not None and ep.get("endpoint_type") == "interface" and ep.get("private_dns") \
                and q.subnets_of(d, ep.id):
            index.interface_endpoints.setdefault((vpc.id, service_name(ep.get("service", ""))), ep.id)
    for sg in d.of_kind("SecurityGroup"):
        index.sg_rules[sg.id] = (_sg_rules(sg.get("ingress", ()), "source_group"),
                                 _sg_rules(sg.get("egress", ()), "destination_group"))
        vpc = q.vpc_of(d, sg.id)
        index.sg_vpc[sg.id] = vpc.id if vpc else ""
    for acl in d.of_kind("NetworkAcl"):
        index.acl_rules[acl.id] = (_acl_rules(acl.get("inbound", ())), _acl_rules(acl.get("outbound", ())))
    for lb in d.of_kind("LoadBalancer"):
        for tg_id in listener_target_groups(lb):
            for target in q.targets_of(d, tg_id):
                # An Auto Scaling group registers the instances it launches, drawn inside it.
                members = [target] + ([c for c in d.children(target.id) if c.kind == "Instance"]
                                      if target.kind == "AutoScalingGroup" else [])
                for member in members:
                    pairs = index.fronted_by.setdefault(member.id, [])
                    if (lb.id, tg_id) not in pairs:
                        pairs.append((lb.id, tg_id))
    for cdn in d.of_kind("CloudFrontDistribution"):
        for origin in cdn.get("origins", ()):
            target = origin.get("target")
            if isinstance(target, str) and target:
                index.origin_of.setdefault(target, []).append(cdn.id)
    return index


def service_name(service: str) -> str:
    """``com.amazonaws.us-east-1.ecr.dkr`` -> ``ecr.dkr``; short names are kept."""
    if isinstance(service, str) and service.startswith("com.amazonaws."):
        parts = service.split(".")
        return ".".join(parts[3:]) if len(parts) > 3 else parts[-1]
    return service if isinstance(service, str) else ""


def listener_target_groups(lb) -> list[str]:
    """Target groups a load balancer's listeners forward to (default actions and rules)."""
    out: list[str] = []
    for listener in lb.get("listeners", ()):
        if listener.get("action") == "forward" and listener.get("target_group"):
            out.append(listener.get("target_group"))
        for rule in listener.get("rules", ()):
            if rule.get("target_group"):
                out.append(rule.get("target_group"))
    return list(dict.fromkeys(t for t in out if isinstance(t, str)))


def _sorted_routes(d: Diagram, rt_id: str) -> tuple[RouteEntry, ...]:
    entries = []
    for route in q.effective_routes(d, rt_id):
        dest = route.destination if isinstance(route.destination, str) else ""
        if is_prefix_list(dest):
            entries.append(RouteEntry(dest, None, dest, route.target, route.origin, route.path,
                                      _PREFIX_LIST_RANK))
        else:
            net = parse(dest)
            entries.append(RouteEntry(dest, net, "", route.target if isinstance(route.target, str) else "",
                                      route.origin, route.path, net.prefixlen if net else -1))
    # Stable: among equal ranks the local route (listed first) wins, as AWS keeps it.
    return tuple(sorted(entries, key=lambda e: -e.rank))


def _sg_rules(records, peer_field: str) -> tuple[SgRule, ...]:
    out = []
    for i, r in enumerate(records or ()):
        cidr = r.get("cidr") if isinstance(r.get("cidr"), str) else ""
        group = r.get(peer_field) if isinstance(r.get(peer_field), str) else ""
        plist = r.get("prefix_list") if isinstance(r.get("prefix_list"), str) else ""
        protocol = r.get("protocol") if isinstance(r.get("protocol"), str) else "tcp"
        out.append(SgRule(protocol, _int(r.get("from_port")), _int(r.get("to_port")),
                          parse(cidr) if cidr else None, cidr, group, plist, i))
    return tuple(out)


def _acl_rules(records) -> tuple[NaclRule, ...]:
    out = []
    for r in records or ():
        cidr = r.get("cidr") if isinstance(r.get("cidr"), str) else ""
        out.append(NaclRule(_int(r.get("rule_number")), r.get("protocol") or "all",
                            _int(r.get("from_port")), _int(r.get("to_port"), 65535),
                            parse(cidr) if cidr else None, cidr, r.get("action") == "allow"))
    return tuple(sorted(out, key=lambda r: r.number))


def _int(value, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default
