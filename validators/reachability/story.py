"""A trace told as a story a student can follow: numbered hops there and back, then the verdict,
the explanation code and what to change."""

from __future__ import annotations

from model import kinds as _kinds
from model import queries as q
from model.diagram import Diagram

from .codes import CODES
from .results import Check, Hop, TraceResult
from .tls import TlsReport, tls_paths

__all__ = ["render_story", "tls_for"]

_TLS_ENTRIES = ("DnsRecord", "CloudFrontDistribution", "LoadBalancer", "Instance", "AutoScalingGroup",
                "LightsailInstance", "S3Bucket", "ApiGateway")
_CERTIFICATES = {"acm": "an ACM certificate", "lightsail": "a certificate Lightsail issues",
                 "external": "a certificate brought from outside AWS (installed on the server)"}


def tls_for(d: Diagram, result: TraceResult) -> TlsReport | None:
    """TLS along a traced HTTPS path from outside: the report for the chain the trace took."""
    flow = result.flow
    source = d.get(flow.source)
    outside = flow.source == "internet" or (source is not None and source.kind == "LightsailInstance")
    if flow.protocol != "tcp" or flow.port != 443 or not outside:
        return None
    path = result.deciding_path
    if path is None:
        return None
    ids = [h.location for h in path.forward if d.get(h.location) is not None and h.location != flow.source]
    entry = next((i for i in ids if d[i].kind in _TLS_ENTRIES), None)
    if entry is None:
        return None
    last = d[ids[-1]]
    reports = tls_paths(d, entry, until=last.id)
    if not reports and last.parent and d[last.parent].kind == "AutoScalingGroup":
        reports = tls_paths(d, entry, until=last.parent)  # the group is the registered target
    wanted = set(ids)
    return max(reports, key=lambda r: len(wanted & set(r.chain)), default=None)


def render_story(d: Diagram, result: TraceResult, path_name: str = "") -> str:
    flow = result.flow
    lines = [f"Tracing {_end(d, flow.source)} -> {_end(d, flow.destination)} on "
             f"{flow.protocol}{'' if flow.protocol == 'icmp' else f'/{flow.port}'}"
             + (f" in {path_name}" if path_name else "")]
    if result.route != "direct":
        lines.append(f"Way: {result.route}")
    path = result.deciding_path
    if path is not None:
        if len(result.paths) > 1:
            lines.append(f"Path shown: {path.label}")
        lines.append("")
        lines.append("There:")
        lines += _numbered(d, path.forward)
        if path.returning:
            lines.append("")
            lines.append("Back (the reply):")
            lines += _numbered(d, path.returning)
    lines.append("")
    total, passing = len(result.paths), sum(1 for p in result.paths if p.reachable)
    if result.reachable:
        lines.append("Verdict: REACHABLE")
        if total > 1:
            lines.append(f"All {total} paths pass (every subnet of each end was checked).")
    else:
        blocked = result.blocked
        way = "on the way there" if blocked.direction == "forward" else "on the way back (the reply)"
        lines.append(f"Verdict: NOT REACHABLE - blocked {way} at {_name(d, blocked.component)}")
        lines.append(f"Code: {blocked.code} - {CODES[blocked.code].meaning}")
        lines.append(f"Why: {blocked.explanation}")
        lines.append(f"Fix: {blocked.suggestion}")
        if total > 1:
            lines.append(f"{passing} of {total} paths pass; the one shown fails.")
    tls = tls_for(d, result)
    if tls is not None:
        lines.append("")
        lines += _tls_lines(d, tls)
    for note in result.notes:
        lines.append(f"Note: {note}")
    return "\n".join(lines) + "\n"


def _numbered(d: Diagram, hops: tuple[Hop, ...]) -> list[str]:
    out = []
    for i, hop in enumerate(hops, 1):
        text = hop.detail if hop.check in (Check.DEPART, Check.DNS, Check.ARRIVE) \
            else f"{_at(d, hop.location)}: {hop.detail}"
        if hop.matched and not hop.matched.startswith("the VPC's default"):
            text += f" [{hop.matched}]"
        if not hop.passed:
            text += "  <-- BLOCKED"
        out.append(f"  {i}. {text}")
    return out


def _at(d: Diagram, rid: str) -> str:
    record = d.get(rid)
    if record is None:
        return "the internet" if rid == "internet" else f"the {rid} service"
    label = _kinds.kind(record.kind).label
    subnets = q.subnets_of(d, rid) if record.kind not in ("Vpc",) else []
    subnet = subnets[0].label if len(subnets) == 1 else ""
    subnet = subnet if subnet.lower().startswith("subnet") else f"subnet {subnet}"
    where = f", {subnet}" if len(subnets) == 1 and record.kind != "Subnet" else ""
    return f"{record.label} ({label}{where})"


def _name(d: Diagram, rid: str) -> str:
    record = d.get(rid)
    return f"{record.label} ({_kinds.kind(record.kind).label})" if record else rid


def _end(d: Diagram, name: str) -> str:
    record = d.get(name)
    return f"{record.label} ({name})" if record is not None and record.label != name else name


def _tls_lines(d: Diagram, tls: TlsReport) -> list[str]:
    lines = [f"TLS ({tls.pattern}):"]
    if tls.termination:
        where = _name(d, tls.termination)
        cert = _CERTIFICATES.get(tls.certificate, tls.certificate)
        can = "it can hold an ACM certificate" if tls.acm_possible else \
            "it cannot hold an ACM certificate"
        lines.append(f"  TLS ends at {where}, with {cert}; {can}.")
    else:
        lines.append("  No certificate of yours terminates TLS on this path.")
    for problem in tls.problems:
        lines.append(f"  Problem: {problem}.")
    return lines
