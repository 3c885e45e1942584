"""Where TLS ends along a path, and what certificate it needs there.

The notes' table of the usual patterns (SSL termination: the point that accepts the TLS connection):

==============================================  ===========
Route 53 -> ALB(+ACM) -> EC2                     ALB
Route 53 -> ALB(+ACM) -> EC2(+external)          EC2
Route 53 -> NLB -> EC2(+external)                EC2
Route 53 -> EC2(+external)                       EC2
Route 53 -> CloudFront(+ACM) -> ALB -> EC2       CloudFront
Route 53 -> CloudFront(+ACM) -> EC2              CloudFront
Route 53 -> CloudFront(+ACM) -> S3               CloudFront
Route 53 -> Lightsail(+Lightsail certificate)    Lightsail
==============================================  ===========

The notes write "+ATS" (Amazon Trust Services) for every Amazon-issued certificate; it is written
here as what you would request: ACM for CloudFront and load balancers, Lightsail's own certificate
on Lightsail, which cannot use ACM.

:func:`tls_paths` follows a design from an entry (a DNS record, a distribution, a load balancer, an
instance...) through aliases, CloudFront origins, listeners and target groups to every backend, and
splits each path into segments, encrypted or not. A segment's server *terminates* TLS when it
decrypts it with a certificate: an ACM certificate (CloudFront, ALB HTTPS and NLB TLS listeners, API
Gateway), a Lightsail-managed one, or an external certificate installed on the server itself (an EC2
instance cannot hold an ACM certificate). AWS's own certificates (S3 endpoints, ``*.cloudfront.net``)
also encrypt, but nothing needs to be provided for them. The path's *termination* is the last place
where a certificate you provide decrypts the traffic: after it, traffic is plain or re-encrypted by
AWS alone.

Cost: O(length of the path x branches); each resource is visited once per path.
"""

from __future__ import annotations

from dataclasses import dataclass

from model import queries as q
from model.diagram import Diagram

__all__ = ["TlsSegment", "TlsReport", "tls_paths", "SHORT_NAMES"]

#: How the notes name each hop.
SHORT_NAMES = {"DnsRecord": "Route 53", "CloudFrontDistribution": "CloudFront", "Instance": "EC2",
               "AutoScalingGroup": "EC2", "S3Bucket": "S3", "LightsailInstance": "Lightsail",
               "EcsService": "ECS", "ApiGateway": "API Gateway", "LambdaFunction": "Lambda"}
_OWN = ("acm", "lightsail", "external")


@dataclass(frozen=True)
class TlsSegment:
    """One connection: ``client`` opens it to ``server`` with ``protocol``. ``terminated`` when the
    server decrypts it; ``certificate`` is ``acm``, ``lightsail``, ``external``, ``aws`` (AWS's own,
    nothing to provide) or ``""``; ``certificate_id`` names the ACM certificate when there is one."""

    client: str
    server: str
    protocol: str
    encrypted: bool
    terminated: bool
    certificate: str = ""
    certificate_id: str = ""
    note: str = ""

    def as_dict(self) -> dict:
        return {"client": self.client, "server": self.server, "protocol": self.protocol,
                "encrypted": self.encrypted, "terminated": self.terminated,
                "certificate": self.certificate, "certificate_id": self.certificate_id,
                "note": self.note}


@dataclass(frozen=True)
class TlsReport:
    """TLS along one path from ``entry``. ``termination`` is where it ends ("" when the path carries
    no TLS you provide a certificate for); ``certificate`` what kind is there; ``acm_possible``
    whether that component can hold an ACM certificate (false for EC2: bring one from outside);
    ``amazon_issued`` whether the certificate there is issued by Amazon (ACM or Lightsail, the
    notes' "ATS" certificates)."""

    entry: str
    chain: tuple[str, ...]
    pattern: str
    segments: tuple[TlsSegment, ...]
    termination: str
    certificate: str
    acm_possible: bool
    amazon_issued: bool
    problems: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"entry": self.entry, "chain": list(self.chain), "pattern": self.pattern,
                "segments": [s.as_dict() for s in self.segments], "termination": self.termination,
                "certificate": self.certificate, "acm_possible": self.acm_possible,
                "amazon_issued": self.amazon_issued, "problems": list(self.problems)}


@dataclass(frozen=True)
class _Hop:
    id: str
    kind: str
    suffix: str = ""


def tls_paths(diagram: Diagram, entry: str, until: str = "") -> tuple[TlsReport, ...]:
    """One :class:`TlsReport` per path from ``entry`` to a backend (a distribution with two origins
    gives two). With ``until``, paths stop at that resource (a trace that ends at CloudFront cares
    about the viewer's TLS, not the origins') unless TLS passes through it unopened (a Network Load
    Balancer's TCP listener): then where TLS ends lies further on, and the path is kept whole.
    Paths that do not reach ``until`` are left out. An unknown ``entry`` gives none."""
    d = diagram
    record = d.get(entry)
    if record is None:
        return ()
    reports: dict[tuple, TlsReport] = {}
    for hops, segments, problems in _walk(d, record, "internet", True, 0, ()):
        if until:
            ids = [h.id for h in hops]
            if until not in ids:
                continue
            if not _passes_through(segments, until):
                hops = hops[:ids.index(until) + 1]
                kept = {h.id for h in hops}
                segments = [s for s in segments if s.server in kept]
                problems = [p for p in problems if any(d[i].label in p for i in kept)]
        report = _report(d, entry, hops, segments, problems)
        reports.setdefault(report.chain, report)
    return tuple(reports.values())


def _passes_through(segments, server: str) -> bool:
    """Whether the connection to ``server`` is encrypted but not decrypted there."""
    return any(s.server == server and s.encrypted and not s.terminated for s in segments)


def _report(d: Diagram, entry: str, hops, segments, problems) -> TlsReport:
    chain = tuple(h.id for h in hops)
    pattern = " → ".join(_short(d, h) + h.suffix for h in hops)
    last = next((s for s in reversed(segments) if s.terminated and s.certificate in _OWN), None)
    termination = last.server if last else ""
    return TlsReport(entry, chain, pattern, tuple(segments), termination, last.certificate if last else "",
                     _acm_possible(d, termination),
                     bool(last and last.certificate in ("acm", "lightsail")), tuple(dict.fromkeys(problems)))


def _short(d: Diagram, hop: _Hop) -> str:
    if hop.kind == "LoadBalancer":
        return "NLB" if d[hop.id].get("lb_type") == "network" else "ALB"
    return SHORT_NAMES.get(hop.kind, d[hop.id].label)


def _acm_possible(d: Diagram, rid: str) -> bool:
    record = d.get(rid)
    return record is not None and record.kind in ("CloudFrontDistribution", "LoadBalancer", "ApiGateway")


def _walk(d: Diagram, record, client: str, wants_tls: bool, depth: int, seen: tuple):
    """Yield (hops, segments, problems) for each path from ``record``, reached by ``client`` with
    TLS (``wants_tls``) or not."""
    if depth > 6 or record.id in seen:
        return
    seen = seen + (record.id,)
    handler = _HANDLERS.get(record.kind, _plain_backend)
    yield from handler(d, record, client, wants_tls, depth, seen)


def _dns(d, record, client, wants_tls, depth, seen):
    target = d.get(record.get("alias_target"))
    if target is None:
        yield [_Hop(record.id, record.kind)], [], [f"DNS record {record.label} is not an alias of a "
                                                   f"resource Kumozu can follow"]
        return
    for hops, segments, problems in _walk(d, target, client, wants_tls, depth + 1, seen):
        yield [_Hop(record.id, record.kind)] + hops, segments, problems


def _cloudfront(d, cdn, client, wants_tls, depth, seen):
    cert = d.get(cdn.get("certificate"))
    problems = []
    if cert is not None:
        viewer = TlsSegment(client, cdn.id, "HTTPS", True, True, "acm", cert.id,
                            f"CloudFront presents ACM certificate {cert.label}")
        suffix = "(+ACM)"
    else:
        viewer = TlsSegment(client, cdn.id, "HTTPS", True, True, "aws", "",
                            "CloudFront presents its default *.cloudfront.net certificate")
        suffix = ""
        if cdn.get("aliases"):
            problems.append(f"{cdn.label} has alternate domain names but no ACM certificate: viewers "
                            f"using those names get a certificate error")
    origins = [o for o in cdn.get("origins", ()) if d.get(o.get("target")) is not None]
    if not origins:
        yield [_Hop(cdn.id, cdn.kind, suffix)], [viewer], problems
        return
    for origin in origins:
        target = d[origin.get("target")]
        policy = origin.get("protocol_policy")
        tls = policy != "http-only"
        for hops, segments, more in _walk(d, target, cdn.id, tls, depth + 1, seen):
            yield [_Hop(cdn.id, cdn.kind, suffix)] + hops, [viewer] + segments, problems + more


def _load_balancer(d, lb, client, wants_tls, depth, seen):
    listener = _pick_listener(lb, wants_tls)
    hop = _Hop(lb.id, lb.kind)
    if listener is None:
        yield [hop], [TlsSegment(client, lb.id, "none", False, False)], [
            f"{lb.label} has no listener that forwards to a target group"]
        return
    protocol = listener.get("protocol")
    cert = d.get(listener.get("certificate"))
    problems = []
    passthrough = protocol in ("TCP", "TCP_UDP", "UDP")
    if protocol in ("HTTPS", "TLS"):
        if cert is None:
            problems.append(f"the {protocol} listener on port {listener.get('port')} of {lb.label} has "
                            f"no certificate")
        front = TlsSegment(client, lb.id, protocol, True, True, "acm" if cert else "",
                           cert.id if cert else "", f"{lb.label} terminates TLS on its {protocol} listener")
        hop = _Hop(lb.id, lb.kind, "(+ACM)" if cert else "")
    elif passthrough:
        front = None  # the client's bytes pass through; the target decides
    else:
        front = TlsSegment(client, lb.id, protocol, False, False, note="plain HTTP to the listener")
        if wants_tls:
            problems.append(f"{client} connects to {lb.label} with TLS, but its listener on port "
                            f"{listener.get('port')} speaks {protocol}")
    tgs = [g for g in _forward_groups(listener) if d.get(g) is not None]
    targets = [(d[g], t) for g in tgs for t in q.targets_of(d, g)]
    if not targets:
        segs = [front] if front else [TlsSegment(client, lb.id, protocol, False, False)]
        yield [hop], segs, problems + [f"{lb.label}'s listener has no targets to send to"]
        return
    for tg, target in targets:
        if passthrough:
            backend_tls = _serves_tls(d, target)
            for hops, segments, more in _walk(d, target, client, backend_tls, depth + 1, seen):
                note = f"{lb.label} passes the connection through ({protocol}); it does not decrypt"
                passing = TlsSegment(client, lb.id, protocol, backend_tls, False, note=note)
                yield [hop] + hops, [passing] + segments, problems + more
            continue
        tls = tg.get("protocol") in ("HTTPS", "TLS")
        for hops, segments, more in _walk(d, target, lb.id, tls, depth + 1, seen):
            yield [hop] + hops, [front] + segments, problems + more


def _pick_listener(lb, wants_tls: bool):
    forwarding = [lis for lis in lb.get("listeners", ()) if _forward_groups(lis)]
    secure = [lis for lis in forwarding if lis.get("protocol") in ("HTTPS", "TLS") or lis.get("port") == 443]
    plain = [lis for lis in forwarding if lis not in secure]
    ordered = secure + plain if wants_tls else plain + secure
    return ordered[0] if ordered else None


def _forward_groups(listener) -> list[str]:
    groups = [listener.get("target_group")] if listener.get("action") == "forward" else []
    groups += [rule.get("target_group") for rule in listener.get("rules", ())]
    return [g for g in groups if g]


def _serves_tls(d: Diagram, record) -> bool:
    if record.kind == "Instance":
        return record.get("tls_certificate") == "external"
    if record.kind == "AutoScalingGroup":
        return any(c.get("tls_certificate") == "external" for c in d.children(record.id)
                   if c.kind == "Instance")
    return False


def _instance(d, inst, client, wants_tls, depth, seen):
    serves = _serves_tls(d, inst)
    hop = _Hop(inst.id, inst.kind, "(+external)" if serves and wants_tls else "")
    if serves and wants_tls:
        yield [hop], [TlsSegment(client, inst.id, "HTTPS", True, True, "external", "",
                                 f"{inst.label} terminates TLS with a certificate installed on it")], []
        return
    if serves:  # a certificate on the server does not encrypt a connection made in plain HTTP
        yield [hop], [TlsSegment(client, inst.id, "HTTP", False, False,
                                 note=f"plain HTTP: {client} does not use the certificate on {inst.label}")], []
        return
    problems = []
    if wants_tls:
        problems.append(f"{client} connects to {inst.label} with TLS, but {inst.label} has no "
                        f"certificate of its own (an EC2 instance cannot hold an ACM certificate: "
                        f"install one from outside and set its TLS certificate to external)")
    yield [hop], [TlsSegment(client, inst.id, "HTTP", False, False, note="plain HTTP")], problems


def _s3(d, bucket, client, wants_tls, depth, seen):
    hop = _Hop(bucket.id, bucket.kind)
    if bucket.get("website"):
        problems = [f"{bucket.label} is a website endpoint, which speaks HTTP only: set the origin "
                    f"protocol to http-only"] if wants_tls else []
        yield [hop], [TlsSegment(client, bucket.id, "HTTP", False, False, note="S3 website endpoint")], problems
        return
    yield [hop], [TlsSegment(client, bucket.id, "HTTPS", True, True, "aws", "",
                             "S3 answers with Amazon's own certificate")], []


def _lightsail(d, box, client, wants_tls, depth, seen):
    if box.get("managed_certificate"):
        yield [_Hop(box.id, box.kind, "(+Lightsail certificate)")], [TlsSegment(
            client, box.id, "HTTPS", True, True, "lightsail", "",
            f"{box.label} terminates TLS with a certificate Lightsail issues and renews")], []
        return
    problems = [f"{client} connects to {box.label} with TLS, but it has no Lightsail certificate"] \
        if wants_tls else []
    yield [_Hop(box.id, box.kind)], [TlsSegment(client, box.id, "HTTP", False, False)], problems


def _api_gateway(d, api, client, wants_tls, depth, seen):
    cert = d.get(api.get("certificate"))
    if cert is not None and api.get("custom_domain"):
        yield [_Hop(api.id, api.kind, "(+ACM)")], [TlsSegment(client, api.id, "HTTPS", True, True, "acm",
                                                             cert.id)], []
        return
    yield [_Hop(api.id, api.kind)], [TlsSegment(client, api.id, "HTTPS", True, True, "aws", "",
                                                "API Gateway's default endpoint certificate")], []


def _plain_backend(d, record, client, wants_tls, depth, seen):
    """Backends without a certificate field (ECS tasks, functions, databases): TLS to them, when
    the front end asks for it, is served by the software inside with its own certificate."""
    if wants_tls and record.kind == "EcsService":
        yield [_Hop(record.id, record.kind, "(+external)")], [TlsSegment(
            client, record.id, "HTTPS", True, True, "external", "",
            f"the containers of {record.label} serve TLS with their own certificate")], []
        return
    yield [_Hop(record.id, record.kind)], [TlsSegment(client, record.id, "HTTPS" if wants_tls else "HTTP",
                                                      wants_tls, False)], []


_HANDLERS = {"DnsRecord": _dns, "CloudFrontDistribution": _cloudfront, "LoadBalancer": _load_balancer,
             "Instance": _instance, "AutoScalingGroup": _instance, "S3Bucket": _s3,
             "LightsailInstance": _lightsail, "ApiGateway": _api_gateway}
