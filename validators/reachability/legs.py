"""One leg of a flow: from one network interface (or the internet, or a service) to another, with
its reply.

A leg is what one TCP connection crosses. A load balancer or CloudFront ends one connection and
opens another, so ``internet -> load balancer -> instance`` is two legs. Each leg follows the order
AWS evaluates: the source's security group (egress), the source subnet's network ACL (outbound),
its route table and whatever the route leads to, the destination subnet's network ACL (inbound),
the destination's security group (ingress), and a load balancer's listener. Replies are then
checked against the network ACLs (ephemeral ports) and the routes back; security groups are
stateful and let replies through.

Cost: O(routes + rules) of the tables and groups crossed; no search.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.diagram import Diagram

from .addresses import Address, public_address
from .endpoints import Endpoint, public_ip_in, resolve_resource
from .index import NetworkIndex
from .quick_init import hashed_once, quick_init
from .results import Blocked, Check, Direction, Hop
from .routing import Arrival, route
from .walk import Side, Walk, lookup, sentence

__all__ = ["LegSpec", "LegResult", "run_leg", "side_of", "target_ports"]

_EDGE_PORTS = (80, 443)


@hashed_once  # part of the key of every remembered leg
@quick_init
@dataclass(frozen=True)
class LegSpec:
    """What one leg carries. ``target_group`` is set when the leg is a load balancer sending to a
    target of that group, ``listener_port`` the port the client reached the load balancer on (0
    when the trace starts at the load balancer); ``preserve_client`` says the target sees the
    original client's address (a Network Load Balancer with instance targets). ``viewer_port`` is
    the port a viewer reached CloudFront on, when the leg is CloudFront fetching from an origin;
    ``vpc_origin`` marks an origin reached through a CloudFront VPC origin; ``gateway_only`` keeps
    the leg off
    interface endpoints (ECR image layers come from S3 through a gateway endpoint or the
    internet)."""

    source: Endpoint
    destination: Endpoint
    protocol: str
    port: int
    target_group: str = ""
    listener_port: int = 0
    preserve_client: bool = False
    viewer_port: int = 0
    vpc_origin: bool = False
    gateway_only: bool = False


@quick_init
@dataclass(frozen=True)
class LegResult:
    forward: tuple[Hop, ...]
    returning: tuple[Hop, ...]
    blocked: Blocked | None


def side_of(d: Diagram, index: NetworkIndex, endpoint: Endpoint, subnet_id: str | None) -> Side:
    """``endpoint`` at its interface in ``subnet_id`` (``None``: an outside endpoint); remembered
    until an edit touches the subnet or the endpoint."""
    return index.fact(("side", endpoint, subnet_id), _side_of, index, endpoint, subnet_id)


def _side_of(d: Diagram, index: NetworkIndex, endpoint: Endpoint, subnet_id: str | None) -> Side:
    subnet = index.subnet(subnet_id) if subnet_id else None
    if subnet is None:
        label = endpoint.label if endpoint.kind != "Internet" else "the internet"
        if endpoint.kind == "AwsService" or endpoint.service and endpoint.kind != "LambdaFunction":
            label = f"{endpoint.label} ({endpoint.service})" if endpoint.label != endpoint.service \
                else f"the {endpoint.service} service"
        return Side(endpoint, None, public_address(label, endpoint.prefix_list), True)
    groups = frozenset(endpoint.groups) if endpoint.filtered else frozenset()
    where = subnet.cidr if subnet.network is not None else \
        f"subnet {subnet.label} has no valid IPv4 CIDR"
    return Side(endpoint, subnet, Address(f"{endpoint.label} ({where})", subnet.network, "", groups,
                                          unknown=subnet.network is None),
                public_ip_in(d, endpoint, subnet.id))


def target_ports(d: Diagram, tg_id: str, target_id: str) -> tuple[int, int]:
    """(traffic port, health-check port) a load balancer uses for ``target_id`` in ``tg_id``: the
    target group's port, or the container port an ECS service registers."""
    tg = d.get(tg_id)
    port = tg.get("port") if tg is not None else 80
    target = d.get(target_id)
    if target is not None and target.kind == "EcsService":
        for entry in target.get("load_balancers", ()):
            if entry.get("target_group") == tg_id and entry.get("container_port"):
                port = entry.get("container_port")
    health = tg.get("health_check_port") if tg is not None else "traffic-port"
    health_port = int(health) if isinstance(health, str) and health.isdigit() else port
    return port, health_port


def run_leg(d: Diagram, index: NetworkIndex, spec: LegSpec, src_subnet: str | None,
            dst_subnet: str | None, client: Address | None = None) -> LegResult:
    """Trace one leg between two placements, forward then back. ``client`` is the original
    client's address when a Network Load Balancer preserves it for the target."""
    w = Walk(d, index, spec.protocol, spec.port)
    src = side_of(d, index, spec.source, src_subnet)
    dst = side_of(d, index, spec.destination, dst_subnet)
    where = f" in {w.called('subnet', src.subnet.id)} ({src.subnet.cidr})" if src.inside else ""
    w.hop(src.id, src.id, spec.source.kind, Check.DEPART,
          f"{_who(w, src)}{where} sends {w.what()} to {dst.address.label}")
    ok = True
    if spec.target_group:
        ok = _load_balancer_hand_off(w, spec, src, dst)
    elif spec.viewer_port:
        ok = _cloudfront_hand_off(w, spec, src)
    if ok:
        if src.inside and dst.inside:
            ok = _inside_to_inside(w, spec, src, dst, client)
        elif src.inside:
            ok = _inside_to_outside(w, spec, src, dst)
        elif dst.inside:
            ok = _outside_to_inside(w, spec, src, dst)
        else:
            ok = _outside_to_outside(w, src, dst)
    if ok:
        where = f" in {w.called('subnet', dst.subnet.id)}" if dst.inside else ""
        w.hop(dst.id, dst.id, spec.destination.kind, Check.ARRIVE, f"reaches {_who(w, dst)}{where}")
        w.run_return()
    return LegResult(tuple(w.forward), tuple(w.returning), w.blocked)


def _who(w: Walk, side: Side) -> str:
    if side.endpoint.kind in ("Internet", "AwsService"):
        return side.address.label
    return w.described(side.id)


# ---------------------------------------------------------------------------------- the four cases
def _inside_to_inside(w: Walk, spec: LegSpec, src: Side, dst: Side, client: Address | None = None) -> bool:
    keeps = src.vpc == dst.vpc or _peered(w, src.vpc, dst.vpc)
    dest_addr = dst.address if keeps else dst.address.without_groups()
    if not w.groups_allow(src, "egress", dest_addr):
        return False
    source = client or src.address
    if src.subnet.id == dst.subnet.id:
        w.hop(src.id, src.subnet.id, "Subnet", Check.ROUTE,
              f"both are in {w.called('subnet', src.subnet.id)}: delivered directly, without a route table or "
              f"network ACL in between")
        if not _listener(w, spec, dst):
            return False
    else:
        if not w.acl_allows(src.id, src.subnet, "outbound", dest_addr, (w.port, w.port)):
            return False
        arrival = route(w, src, dest_addr, dst.vpc, source)
        if arrival is None or not _arrived_in(w, src, dst, arrival):
            return False
        if arrival.via:
            w.on_reply(_route_back, dst, source, arrival.via)
        source = arrival.source if arrival.keeps_groups else arrival.source.without_groups()
        if not _listener(w, spec, dst):
            return False
        if not w.acl_allows(dst.id, dst.subnet, "inbound", source, (w.port, w.port)):
            return False
    return w.groups_allow(dst, "ingress", source)


def _arrived_in(w: Walk, src: Side, dst: Side, arrival: Arrival) -> bool:
    if arrival.where == "vpc" and arrival.vpc == dst.vpc:
        return True
    table, kind, words = w.table_of(src.subnet)
    why = (f"{words} delivers it to {w.called('VPC', arrival.vpc)}, but {dst.endpoint.label} is in VPC "
           f"{w.name(dst.vpc)} (their address ranges overlap)") if arrival.where == "vpc" else \
        f"the packet ends up on {arrival.where} instead of reaching {w.called('VPC', dst.vpc)}"
    return w.block(src.id, table, kind, Check.ROUTE, why, "NO_ROUTE_TO_DESTINATION",
                   sentence(why), resources=(dst.vpc,))


def _inside_to_outside(w: Walk, spec: LegSpec, src: Side, dst: Side) -> bool:
    service = dst.endpoint.service
    endpoint_id = "" if spec.gateway_only or not service else \
        w.index.interface_endpoint(src.vpc, service)
    if endpoint_id:
        return _through_interface_endpoint(w, spec, src, dst, endpoint_id)
    if not w.groups_allow(src, "egress", dst.address):
        return False
    if not w.acl_allows(src.id, src.subnet, "outbound", dst.address, (w.port, w.port)):
        return False
    arrival = route(w, src, dst.address, "", src.address)
    if arrival is None:
        return False
    if arrival.where == "vpc":
        table, kind, words = w.table_of(src.subnet)
        why = f"{words} keeps {dst.address.label} inside {w.called('VPC', arrival.vpc)}"
        return w.block(src.id, table, kind, Check.ROUTE, why, "NO_ROUTE_TO_DESTINATION",
                       sentence(why))
    if arrival.where == "internet" and dst.endpoint.kind != "Internet":
        w.hop("internet", "internet", "Internet", Check.GATEWAY,
              f"crosses the internet to {dst.address.label}")
    return _edge_port(w, dst)


def _through_interface_endpoint(w: Walk, spec: LegSpec, src: Side, dst: Side, endpoint_id: str) -> bool:
    endpoint = resolve_resource(w.d, endpoint_id)
    same_zone = [s for s in endpoint.subnets
                 if w.index.subnet(s) is not None and w.index.subnet(s).az == src.subnet.az]
    ep_side = side_of(w.d, w.index, endpoint, (same_zone or list(endpoint.subnets))[0])
    w.hop(src.id, endpoint_id, "VpcEndpoint", Check.DNS,
          f"private DNS resolves {dst.endpoint.service} to interface endpoint {endpoint.label} in "
          f"{w.called('subnet', ep_side.subnet.id)}")
    if not _inside_to_inside(w, spec, src, ep_side):
        return False
    w.hop(endpoint_id, endpoint_id, "VpcEndpoint", Check.GATEWAY,
          f"interface endpoint {endpoint.label} hands it to {dst.address.label} over AWS PrivateLink")
    return True


def _outside_to_inside(w: Walk, spec: LegSpec, src: Side, dst: Side) -> bool:
    source = src.address
    if spec.vpc_origin:
        w.hop(src.id, src.id, spec.source.kind, Check.GATEWAY,
              f"CloudFront reaches {dst.endpoint.label} privately through a VPC origin (no internet "
              f"gateway or public IP needed)")
    else:
        igw = w.index.internet_gateway(dst.vpc)
        if igw is None:
            why = f"{w.called('VPC', dst.vpc)} has no internet gateway, so nothing from the internet can enter it"
            return w.block(src.id, dst.vpc, "Vpc", Check.GATEWAY, why, "NO_ROUTE_TO_DESTINATION",
                           sentence(why),
                           "Attach an internet gateway to the VPC and route public subnets to it.",
                           (dst.id,))
        if not dst.public:
            why = (f"{w.described(dst.id)} has no public IPv4 address in {w.called('subnet', dst.subnet.id)}, so "
                   f"{w.called('internet gateway', igw)} has nothing to translate to it")
            return w.block(igw, dst.id, dst.endpoint.kind, Check.GATEWAY, why,
                           "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", sentence(why),
                           resources=(igw, dst.subnet.id))
        w.hop(igw, igw, "InternetGateway", Check.GATEWAY,
              f"{w.called('internet gateway', igw)} translates {dst.endpoint.label}'s public address to its "
              f"private one")
        w.on_reply(_route_back, dst, source, igw)
    if not _listener(w, spec, dst):
        return False
    if not w.acl_allows(dst.id, dst.subnet, "inbound", source, (w.port, w.port)):
        return False
    return w.groups_allow(dst, "ingress", source)


def _outside_to_outside(w: Walk, src: Side, dst: Side) -> bool:
    if dst.endpoint.kind != "Internet" and src.endpoint.kind != "Internet":
        w.hop(src.id, "internet", "Internet", Check.GATEWAY,
              f"travels over AWS's public network to {dst.address.label}")
    elif dst.endpoint.kind != "Internet":
        w.hop("internet", "internet", "Internet", Check.GATEWAY,
              f"crosses the internet to {dst.address.label}")
    return _edge_port(w, dst)


def _edge_port(w: Walk, dst: Side) -> bool:
    if dst.endpoint.kind not in ("CloudFrontDistribution", "LightsailInstance"):
        return True
    if w.protocol == "tcp" and w.port in _EDGE_PORTS:
        return True
    why = (f"{w.described(dst.id)} accepts viewers only on tcp/80 and tcp/443, not {w.what()}")
    return w.block(dst.id, dst.id, dst.endpoint.kind, Check.LISTENER, why,
                   "EDGE_LISTENER_PORT_RESTRICTION", sentence(why))


# ---------------------------------------------------------------------------------- replies
def _route_back(w: Walk, dst: Side, source: Address, via: str) -> bool:
    """The reply leaves ``dst``'s subnet by its route table: it must go back through ``via``."""
    table, kind, words = w.table_of(dst.subnet)
    entry, _ = lookup(w.routes_of(dst.subnet), source)
    if entry is not None and entry.target == via:
        return w.hop(dst.id, table, kind, Check.ROUTE,
                     f"{words} sends the reply for {source.label} back through {w.described(via)}",
                     entry.describe(), Direction.RETURN)
    if entry is None:
        why = f"{words} ({w.called('subnet', dst.subnet.id)}) has no route back to {source.label}"
    else:
        why = (f"{words} ({w.called('subnet', dst.subnet.id)}) sends replies for {source.label} to "
               f"{w.described(entry.target) if entry.target != 'local' else 'the local route'}, not "
               f"back through {w.described(via)}, so they never reach the sender")
    hint = f"Add a route in {words} for {_range(source)} to {w.name(via)}."
    return w.block(dst.id, table, kind, Check.ROUTE, why, "NO_ROUTE_TO_DESTINATION",
                   sentence(why), hint, (dst.subnet.id, via),
                   entry.describe() if entry else "", Direction.RETURN)


def _range(address: Address) -> str:
    return "0.0.0.0/0" if address.network is None else str(address.network)


def _peered(w: Walk, a: str, b: str) -> bool:
    return w.index.peered(a, b)


# ---------------------------------------------------------------------------------- load balancers
def _listener(w: Walk, spec: LegSpec, dst: Side) -> bool:
    """At a load balancer, the listener comes first: no listener for the port and protocol, no
    further (its subnet's ACL and its security groups are checked after)."""
    if spec.destination.kind != "LoadBalancer":
        return True
    lb = w.d[dst.id]
    listener = _listener_on(lb, spec.protocol, spec.port)
    if listener is not None:
        action = listener.get("action")
        extra = f" (redirects to port {listener.get('redirect_port')})" if action == "redirect" else ""
        return w.hop(dst.id, dst.id, "LoadBalancer", Check.LISTENER,
                     f"{lb.label} has {_article(listener.get('protocol'))} {listener.get('protocol')} "
                     f"listener on port {spec.port}{extra}",
                     f"listener {listener.get('protocol')}:{listener.get('port')} {action}")
    ports = ", ".join(f"{lis.get('protocol')}:{lis.get('port')}" for lis in lb.get("listeners", ())) \
        or "no listeners"
    if spec.protocol == "icmp" or (spec.protocol == "udp" and lb.get("lb_type") == "application"):
        why = f"{lb.label} does not accept {spec.protocol.upper()} ({ports})"
        return w.block(dst.id, dst.id, "LoadBalancer", Check.LISTENER, why, "PROTOCOL_RESTRICTION",
                       sentence(why))
    why = f"{lb.label} has no listener for {w.what()} (it listens on {ports})"
    return w.block(dst.id, dst.id, "LoadBalancer", Check.LISTENER, why,
                   "ELBV2_LISTENER_PORT_RESTRICTION", sentence(why))


def _article(word: str) -> str:
    """``an HTTPS``, ``a TCP``: by how the abbreviation is spoken."""
    return "an" if word[:1] in "AEFHILMNORSX" else "a"


def _listener_on(lb, protocol: str, port: int):
    for listener in lb.get("listeners", ()):
        if listener.get("port") != port:
            continue
        kind = listener.get("protocol")
        if protocol == "tcp" and kind in ("HTTP", "HTTPS", "TCP", "TLS", "TCP_UDP") or \
                protocol == "udp" and kind in ("UDP", "TCP_UDP"):
            return listener
    return None


def _load_balancer_hand_off(w: Walk, spec: LegSpec, src: Side, dst: Side) -> bool:
    """A load balancer passing a request to a target: the listener must forward to the target
    group, the target must be in one of the load balancer's zones, and the port must be the
    group's."""
    lb, tg = w.d[src.id], w.d.get(spec.target_group)
    tg_label = tg.label if tg is not None else spec.target_group
    if spec.listener_port:
        listener = _listener_on(lb, spec.protocol, spec.listener_port)
        groups = _listener_groups(listener) if listener is not None else []
        if spec.target_group not in groups:
            action = listener.get("action") if listener is not None else "none"
            why = (f"the listener on port {spec.listener_port} of {lb.label} "
                   + (f"{action}s instead of forwarding" if action in ("redirect", "fixed-response")
                      else "does not forward") + f" to target group {tg_label}")
            hint = (f"Trace port {listener.get('redirect_port')}, where the redirect leads, or make the "
                    f"listener forward to {tg_label}." if action == "redirect"
                    else f"Make the listener forward to {tg_label}.")
            return w.block(src.id, src.id, "LoadBalancer", Check.LISTENER, why, "ELBV2_LISTENER_HAS_NO_TG",
                           sentence(why), hint, (spec.target_group,))
        w.hop(src.id, src.id, "LoadBalancer", Check.LISTENER,
              f"the listener on port {spec.listener_port} forwards to target group {tg_label}",
              f"listener {listener.get('protocol')}:{spec.listener_port} forward {spec.target_group}")
    port, health = target_ports(w.d, spec.target_group, dst.id)
    if w.port not in (port, health):
        why = (f"{lb.label} sends to {dst.endpoint.label} only on port {port}"
               + (f" and health-check port {health}" if health != port else "")
               + f" (target group {tg_label}), not on {w.port}")
        return w.block(src.id, spec.target_group, "TargetGroup", Check.TARGET, why,
                       "TARGET_PORT_RESTRICTION", sentence(why),
                       f"Trace port {port}, or change the target group's port.", (src.id, dst.id))
    lb_zones = {w.index.subnet(s).az for s in spec.source.subnets if w.index.subnet(s) is not None}
    if dst.subnet.az and dst.subnet.az not in lb_zones:
        zones = ", ".join(sorted(str(z) for z in lb_zones if z)) or "none"  # a zone may be symbolic
        why = (f"{dst.endpoint.label} in {w.called('subnet', dst.subnet.id)} is in {dst.subnet.az}, where "
               f"{lb.label} has no subnet (its zones: {zones}), so it never receives traffic")
        return w.block(src.id, src.id, "LoadBalancer", Check.TARGET, why, "ELB_INSTALLED_AZ_RESTRICTION",
                       sentence(why),
                       f"Add a subnet in {dst.subnet.az} to {lb.label}.", (dst.id, dst.subnet.id))
    what = "health checks and requests" if port == health else \
        ("requests" if w.port == port else "health checks")
    w.hop(src.id, spec.target_group, "TargetGroup", Check.TARGET,
          f"target group {tg_label} sends {what} to {dst.endpoint.label} on port {w.port}")
    return True


def _cloudfront_hand_off(w: Walk, spec: LegSpec, src: Side) -> bool:
    """CloudFront forwards a viewer's request to the origin only if its viewer protocol policy lets
    the request through: HTTP viewers are redirected (or refused) unless the policy is allow-all."""
    cdn = w.d[src.id]
    policy = cdn.get("viewer_protocol_policy")
    if spec.viewer_port == 80 and policy != "allow-all":
        answer = "redirects HTTP viewers to HTTPS" if policy == "redirect-to-https" else "refuses HTTP"
        why = (f"{cdn.label} {answer} (viewer protocol policy {policy}), so a request on port 80 never "
               f"reaches the origin")
        return w.block(src.id, src.id, "CloudFrontDistribution", Check.LISTENER, why,
                       "EDGE_LISTENER_PORT_RESTRICTION", sentence(why),
                       "Trace port 443, or set the viewer protocol policy to allow-all.")
    w.hop(src.id, src.id, "CloudFrontDistribution", Check.LISTENER,
          f"{cdn.label} forwards the request to its origin on {w.what()}",
          f"viewer protocol policy {policy}")
    return True


def _listener_groups(listener) -> list[str]:
    groups = [listener.get("target_group")] if listener.get("action") == "forward" else []
    groups += [rule.get("target_group") for rule in listener.get("rules", ())]
    return [g for g in groups if g]
