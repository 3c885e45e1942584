"""``trace``: can A reach B on port P? Answered hop by hop, or with the component that blocks it.

The evaluator resolves both ends (following DNS aliases and composite service names such as
``ecr``), then tries the ways traffic can take, in order: straight to the destination, then through
whatever fronts it - a load balancer whose target group holds it, CloudFront using it (or its load
balancer) as an origin. Each way is a chain of legs (one per connection); each leg is traced from
every subnet the source is in to every subnet the destination is in, because an Auto Scaling group or
a Multi-AZ database may be in any of them. A way is reachable only when all its paths are. The
first reachable way wins; when none is, the answer is the way that got furthest (most legs passed,
then most hops), which is the one a person means ("internet -> web server" means through its load
balancer).

Cost: with the per-diagram index built (:func:`~.index.network_index`, O(n + r) once per revision),
a trace is O(W x P x (routes + rules crossed)) for W ways (at most a few) and P placement
combinations (subnets per end, usually 1-3 each): well under a millisecond on a 1,000-resource design.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.diagram import Diagram

from .addresses import Address
from .endpoints import COMPOSITE_SERVICES, INTERNET, Endpoint, FlowError, resolve, resolve_resource
from .index import NetworkIndex
from .legs import LegResult, LegSpec, run_leg, side_of, target_ports
from .reads import Reads
from .results import Check, Flow, Hop, Path, TraceResult
from .tracking import network_index

__all__ = ["trace", "FlowError", "MAX_PATHS"]

PROTOCOLS = ("tcp", "udp", "icmp")

#: At most this many placement combinations are traced per way; beyond it the rest are left out
#: (and the result says so).
MAX_PATHS = 64

_INTERNET_NOTE = ("'the internet' stands for an address no specific rule singles out: only rules and "
                  "routes for 0.0.0.0/0 apply to it.")


@dataclass(frozen=True)
class _Way:
    name: str
    legs: tuple[LegSpec, ...]


def trace(diagram: Diagram, flow: Flow, *, front_doors: bool = True, reads: set | None = None) -> TraceResult:
    """Trace ``flow`` through ``diagram``.

    With ``front_doors`` (the default) a destination that is not reachable directly is also tried
    through the load balancers and CloudFront distributions in front of it. Raises
    :class:`FlowError` for a protocol, port or name that cannot be traced. ``reads``, when given,
    receives the tokens (:mod:`.reads`) of everything the answer depends on, also when it raises.
    """
    if flow.protocol not in PROTOCOLS:
        raise FlowError(f"protocol must be one of {', '.join(PROTOCOLS)}, got '{flow.protocol}'")
    if not isinstance(flow.port, int) or not 0 <= flow.port <= 65535:
        raise FlowError(f"port must be a number from 0 to 65535, got {flow.port!r}")
    index = network_index(diagram)
    tokens = reads if reads is not None else set()
    outer, index.recording = index.recording, tokens
    try:
        return _trace(Reads(index.diagram, tokens), index, flow, front_doors)
    finally:
        index.recording = outer


def _trace(d: Reads, index: NetworkIndex, flow: Flow, front_doors: bool) -> TraceResult:
    record = d.get(flow.source)
    if record is not None and record.kind == "DnsRecord":
        raise FlowError(f"'{flow.source}' is a DNS record: a name, not a sender; trace from a resource")
    source = resolve(d, flow.source)
    dns_hops, destination_name = _follow_alias(d, flow.destination)
    destination = resolve(d, destination_name) if not dns_hops else resolve_resource(d, destination_name)
    ctx = _Context(d, index)
    notes = list(dict.fromkeys(source.notes + destination.notes))
    if INTERNET in (source.id, destination.id):
        notes.append(_INTERNET_NOTE)
    parts = COMPOSITE_SERVICES.get(destination.service) if destination.kind in ("AwsService", "EcrRepository") \
        else None
    if not parts:
        way, paths = _best_way(ctx, source, destination, flow, front_doors)
        paths = [_with_dns(p, dns_hops) for p in paths]
        notes += _way_notes(ctx, way)
        if len(paths) >= MAX_PATHS:
            notes.append(f"Only the first {MAX_PATHS} combinations of subnets were traced.")
        return TraceResult(flow, all(p.reachable for p in paths), tuple(paths), way.name,
                           tuple(dict.fromkeys(notes)))
    all_paths: list[Path] = []
    routes = []
    for part in parts:
        endpoint = resolve(d, part)
        way, paths = _best_way(ctx, source, endpoint, flow, front_doors, gateway_only=part == "s3")
        routes.append(f"{part}: {way.name}")
        all_paths += [_with_dns(Path(f"{part}: {p.label}", p.forward, p.returning, p.blocked), dns_hops)
                      for p in paths]
    notes.append(f"{destination.service} means {', '.join(parts)}: pulling an image talks to the ECR "
                 f"API, the registry, and S3, where image layers are stored.")
    return TraceResult(flow, all(p.reachable for p in all_paths), tuple(all_paths), "; ".join(routes),
                       tuple(dict.fromkeys(notes)))


@dataclass
class _Context:
    d: Reads
    index: NetworkIndex


def _follow_alias(d: Diagram, name: str) -> tuple[tuple[Hop, ...], str]:
    hops: list[Hop] = []
    seen: set[str] = set()
    record = d.get(name)
    while record is not None and record.kind == "DnsRecord":
        if record.id in seen:
            raise FlowError(f"DNS record '{name}' is an alias loop")
        seen.add(record.id)
        target = record.get("alias_target")
        if not target:
            raise FlowError(f"DNS record '{record.id}' is not an alias of a resource (its values are "
                            f"addresses Kumozu cannot place); trace to the resource it names")
        target_record = d.get(target)
        if target_record is None:
            raise FlowError(f"DNS record '{record.id}' is an alias of '{target}', which does not exist")
        hops.append(Hop(record.id, record.id, "DnsRecord", Check.DNS,
                        f"DNS record {record.label} is an alias of {target_record.label}",
                        f"alias -> {target}"))
        name, record = target, target_record
    return tuple(hops), name


def _with_dns(path: Path, dns_hops: tuple[Hop, ...]) -> Path:
    if not dns_hops:
        return path
    return Path(path.label, dns_hops + path.forward, path.returning, path.blocked)


def _best_way(ctx: _Context, source: Endpoint, destination: Endpoint, flow: Flow, front_doors: bool,
              gateway_only: bool = False) -> tuple[_Way, list[Path]]:
    direct = _Way("direct", (_direct_leg(ctx, source, destination, flow, gateway_only),))
    paths = _paths(ctx, direct, source)
    if all(p.reachable for p in paths) or not front_doors:
        return direct, paths
    best, best_paths, best_score = direct, paths, _score(paths)
    for way in _front_door_ways(ctx, source, destination, flow):
        way_paths = _paths(ctx, way, source)
        if way_paths and all(p.reachable for p in way_paths):
            return way, way_paths
        score = _score(way_paths)
        if score > best_score:
            best, best_paths, best_score = way, way_paths, score
    return best, best_paths


def _score(paths: list[Path]) -> tuple[int, int]:
    deciding = next((p for p in paths if not p.reachable), None)
    if deciding is None:
        return (1 << 30, 0)
    arrivals = sum(1 for h in deciding.forward if h.check == Check.ARRIVE)
    return arrivals, len(deciding.forward)


def _direct_leg(ctx: _Context, source: Endpoint, destination: Endpoint, flow: Flow,
                gateway_only: bool) -> LegSpec:
    tg, vpc_origin = "", False
    if source.kind == "LoadBalancer":
        groups = [g for lb, g in ctx.index.fronted_by(destination.id) if lb == source.id]
        # The group whose traffic or health-check port is the flow's, else the first.
        tg = next((g for g in groups if flow.port in target_ports(ctx.d, g, destination.id)),
                  groups[0] if groups else "")
    if source.kind == "CloudFrontDistribution":
        vpc_origin = any(o.get("target") == destination.id and o.get("vpc_origin")
                         for o in ctx.d[source.id].get("origins", ()))
    return LegSpec(source, destination, flow.protocol, flow.port, target_group=tg,
                   vpc_origin=vpc_origin, gateway_only=gateway_only)


def _front_door_ways(ctx: _Context, source: Endpoint, destination: Endpoint, flow: Flow) -> list[_Way]:
    ways = []
    for steps in _approaches(ctx, destination.id, 0, ()):
        if steps[0][1] == source.id:
            continue
        if steps[0][0] == "cdn" and not source.outside:
            continue
        ways.append(_way_of(ctx, source, destination, flow, steps))
    return ways


def _approaches(ctx: _Context, target: str, depth: int, seen: tuple[str, ...]) -> list[list[tuple]]:
    """Ways in front of ``target``, outermost first: ``("lb", lb id, target group id)`` and
    ``("cdn", distribution id, origin record)`` steps."""
    out: list[list[tuple]] = []
    for lb, tg in ctx.index.fronted_by(target):
        if lb in seen:
            continue
        out.append([("lb", lb, tg)])
        if depth < 2:
            out += [outer + [("lb", lb, tg)] for outer in _approaches(ctx, lb, depth + 1, seen + (lb,))]
    for cdn in ctx.index.origin_of(target):
        record = ctx.d.get(cdn)
        origin = next((o for o in record.get("origins", ()) if o.get("target") == target), None)
        if origin is not None:
            out.append([("cdn", cdn, origin)])
    return out


def _way_of(ctx: _Context, source: Endpoint, destination: Endpoint, flow: Flow, steps) -> _Way:
    fronts = [resolve_resource(ctx.d, step[1]) for step in steps]
    legs = [LegSpec(source, fronts[0], flow.protocol, flow.port)]
    port = flow.port
    for i, step in enumerate(steps):
        nxt = fronts[i + 1] if i + 1 < len(steps) else destination
        if step[0] == "lb":
            tg = ctx.d.get(step[2])
            lb = ctx.d.get(step[1])
            target_port, _ = target_ports(ctx.d, step[2], nxt.id)
            preserve = lb.get("lb_type") == "network" and tg is not None \
                and tg.get("target_type") == "instance"
            legs.append(LegSpec(fronts[i], nxt, flow.protocol, target_port, target_group=step[2],
                                listener_port=port, preserve_client=preserve))
            port = target_port
        else:
            origin = step[2]
            policy = origin.get("protocol_policy")
            origin_port = 443 if policy == "https-only" else 80 if policy == "http-only" else port
            legs.append(LegSpec(fronts[i], nxt, flow.protocol, origin_port, viewer_port=port,
                                vpc_origin=bool(origin.get("vpc_origin"))))
            port = origin_port
    names = " and ".join(f.label for f in fronts)
    return _Way(f"via {names}", tuple(legs))


def _way_notes(ctx: _Context, way: _Way) -> list[str]:
    notes = []
    for leg in way.legs[1:]:
        notes += leg.source.notes
        if leg.preserve_client:
            notes.append(f"{leg.source.label} keeps the client's address for instance targets, so "
                         f"{leg.destination.label}'s security group and network ACL see the client, "
                         f"not the load balancer.")
    return notes


def _paths(ctx: _Context, way: _Way, source: Endpoint) -> list[Path]:
    """Every placement combination along ``way``, each traced leg by leg (legs memoised per
    placement pair)."""
    out: list[Path] = []
    first = way.legs[0]

    def extend(i: int, src_subnet, forward: tuple, returning: tuple, labels: tuple, client):
        leg = way.legs[i]
        for dst_subnet in leg.destination.subnets or (None,):
            if len(out) >= MAX_PATHS:
                return
            if leg.target_group and not _zone_pairs(ctx, leg, src_subnet, dst_subnet):
                continue
            result = _leg(ctx, leg, src_subnet, dst_subnet, client if leg.preserve_client else None)
            names = labels + (_place(ctx, leg.destination, dst_subnet),)
            fwd, back = forward + result.forward, result.returning + returning
            if result.blocked is not None or i + 1 == len(way.legs):
                out.append(Path(" -> ".join(names), fwd, back, result.blocked))
            else:
                extend(i + 1, dst_subnet, fwd, back, names, client)

    for src_subnet in first.source.subnets or (None,):
        client = side_of(ctx.d, ctx.index, source, src_subnet).address
        extend(0, src_subnet, (), (), (_place(ctx, first.source, src_subnet),), client)
    return out


def _leg(ctx: _Context, leg: LegSpec, src_subnet, dst_subnet, client: Address | None) -> LegResult:
    """One leg, remembered while the diagram stays as it is: tracing every implied flow pays once
    for the legs flows share. Its tokens go to the trace's recording, remembered or not."""
    index = ctx.index
    key = (leg, src_subnet, dst_subnet, client)
    found = index.legs.get(key)
    if found is None:
        tokens: set = set()
        outer, index.recording = index.recording, tokens
        try:
            result = run_leg(Reads(index.diagram, tokens), index, leg, src_subnet, dst_subnet, client)
        finally:
            index.recording = outer
        found = index.legs[key] = (result, frozenset(tokens))
    if index.recording is not None:
        index.recording.update(found[1])
    return found[0]


def _zone_pairs(ctx: _Context, leg: LegSpec, src_subnet, dst_subnet) -> bool:
    """A Network Load Balancer without cross-zone load balancing sends from each zone's node only
    to targets in the same zone (Application Load Balancers always cross zones)."""
    lb = ctx.d.get(leg.source.id)
    if lb is None or lb.get("lb_type") != "network" or lb.get("cross_zone") or src_subnet is None:
        return True
    a, b = ctx.index.subnet(src_subnet), ctx.index.subnet(dst_subnet) if dst_subnet else None
    lb_zones = {ctx.index.subnet(s).az for s in leg.source.subnets if ctx.index.subnet(s)}
    if a is None or b is None or b.az not in lb_zones:
        return True  # a target outside every zone of the load balancer is reported, not skipped
    return a.az == b.az


def _place(ctx: _Context, endpoint: Endpoint, subnet_id) -> str:
    if subnet_id is None:
        return endpoint.label
    subnet = ctx.index.subnet(subnet_id)
    if endpoint.kind == "Subnet":
        return endpoint.label
    return f"{endpoint.label} ({subnet.label if subnet else subnet_id})"
