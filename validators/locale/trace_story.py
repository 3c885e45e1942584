"""A trace told in the user's language: the story of :func:`validators.reachability.story.render_story`,
the hop sentences the editor's Trace panel lists, the verdict, the explanation code and its fix.

English is the tracer's own words. In another language the story is built from what each hop *is*
(its check, the component checked, whether it passed, the protocol and port) rather than from the
tracer's English sentences, so every hop and every verdict is said completely, whatever the tracer
writes in a new release; sentences of the tracer that carry no structure (notes, TLS problems, the
way taken) are translated by template and otherwise kept as they are. Every text comes from the
catalogue's ``story`` section (:data:`STORY_KEYS` lists what must be there).
"""

from __future__ import annotations

import re

from model import i18n as model_i18n
from model import queries as q
from model.diagram import Diagram
from model.i18n import TemplatePatterns

from ..i18n import catalogue, code_fix, code_meaning
from ..reachability.results import Check, Hop, TraceResult
from ..reachability.story import render_story as _english_story
from ..reachability.story import tls_for
from ..reachability.tls import TlsReport
from .matched import MATCHED_KEYS, matched_text

__all__ = ["render_story", "hop_sentence", "place", "verdict_line", "blocked_where", "phrase", "path_label",
           "tls_pattern", "story", "STORY_KEYS", "HOP_CHECKS", "missing_entries"]

#: Every check a hop can make (a sentence for passing and one for blocking each).
HOP_CHECKS = (Check.DEPART, Check.DNS, Check.SG_EGRESS, Check.NACL_OUTBOUND, Check.ROUTE,
              Check.GATEWAY, Check.LISTENER, Check.TARGET, Check.NACL_INBOUND, Check.SG_INGRESS,
              Check.ARRIVE)
#: The fixed texts of a story.
STORY_KEYS = ("tracing", "in_file", "way", "path_shown", "there", "back", "blocked_mark",
              "verdict_reachable", "all_paths", "verdict_blocked", "way_there", "way_back", "code",
              "why", "fix", "some_paths", "tls_heading", "tls_ends", "tls_none", "tls_problem",
              "acm_possible", "acm_impossible", "certificate_acm", "certificate_lightsail",
              "certificate_external", "note", "internet", "service", "place", "place_in_subnet",
              "default_security_group", "default_network_acl", "implicit_main_route_table",
              "flow_to")
_FLOW = re.compile(r"\b(?:tcp|udp|icmp)(?:/\d+(?:-\d+)?)?")
_PEER = re.compile(r" (?:sends|resolves) \S+ to (.+)$")


def story(key: str, language: str) -> str:
    """A fixed text of the story section (English: the tracer's own wording of the same)."""
    return ((catalogue(language).get("story") or {}).get(key)) or _ENGLISH.get(key, key)


def phrase(text: str, language: str) -> str:
    """One of the tracer's free sentences (a note, a TLS problem, the way taken) in ``language``:
    by template from the catalogue's ``phrases``; kept as it is when none matches."""
    if language == "en" or not text:
        return text
    translated = _phrases(language).translate(text, lambda _name, value: _internet(value, language))
    return translated if translated is not None else text


_PHRASE_CACHE: dict[str, TemplatePatterns] = {}


def _phrases(language: str) -> TemplatePatterns:
    if language not in _PHRASE_CACHE:
        entries = catalogue(language).get("phrases") or {}
        _PHRASE_CACHE[language] = TemplatePatterns(sorted(entries.items(), key=lambda kv: -len(kv[0])))
    return _PHRASE_CACHE[language]


def path_label(label: str, language: str) -> str:
    """A path's name (``the internet -> web-alb (public-a) -> web (app-a)``) in ``language``."""
    if language == "en":
        return label
    return " → ".join(_internet(part, language) for part in label.split(" -> "))


def _internet(value: str, language: str) -> str:
    return story("internet", language) if value in ("the internet", "internet") else value


def place(d: Diagram, rid: str, language: str, with_subnet: bool = True) -> str:
    """A place on the path: ``web-alb（ロードバランサー，サブネット「public-a」）``; the internet; a
    service."""
    record = d.get(rid)
    if record is None:
        return story("internet", language) if rid == "internet" else \
            story("service", language).format(service=rid)
    kind = model_i18n.kind_label(record.kind, language)
    subnets = q.subnets_of(d, rid) if record.kind not in ("Vpc", "Subnet") else []
    if with_subnet and len(subnets) == 1:
        return story("place_in_subnet", language).format(name=record.label, kind=kind,
                                                         subnet=subnets[0].label)
    return story("place", language).format(name=record.label, kind=kind)


def _component(d: Diagram, hop: Hop, language: str) -> str:
    record = d.get(hop.component)
    if hop.check in (Check.SG_EGRESS, Check.SG_INGRESS) and (record is None
                                                             or record.kind != "SecurityGroup"):
        return story("default_security_group", language)
    if hop.check in (Check.NACL_INBOUND, Check.NACL_OUTBOUND) and record is not None \
            and record.kind == "Subnet":
        return story("default_network_acl", language).format(subnet=record.label)
    if hop.check == Check.ROUTE and record is not None and record.kind == "Subnet":
        return story("implicit_main_route_table", language)
    if record is None:
        return place(d, hop.component, language)
    kind = model_i18n.kind_label(record.kind, language)
    words = (catalogue(language).get("words") or {}).get("kind_and_name") or "{kind} {name}"
    return words.format(kind=kind, name=record.label) if language != "en" else \
        f"{record.label} ({kind})"


def hop_sentence(d: Diagram, hop: Hop, language: str) -> str:
    """What one hop checked and found, as a sentence (English: the tracer's own detail)."""
    if language == "en":
        return hop.detail
    sentences = (catalogue(language).get("story") or {}).get("hops") or {}
    entry = sentences.get(hop.check) or {}
    template = entry.get("passed" if hop.passed else "blocked") or hop.detail
    found = _FLOW.search(hop.detail)
    peer = _PEER.search(hop.detail)
    peer_text = _internet(peer.group(1), language) if peer else ""
    if peer_text.startswith("the ") and peer_text.endswith(" service"):
        peer_text = story("service", language).format(service=peer_text[4:-8])
    return template.format(where=place(d, hop.location, language), component=_component(d, hop, language),
                           flow=found.group(0) if found else "",
                           to=story("flow_to", language).format(peer=peer_text) if peer_text else "")


def blocked_where(result: TraceResult, language: str) -> str:
    return story("way_there" if result.blocked.direction == "forward" else "way_back", language)


def verdict_line(d: Diagram, result: TraceResult, language: str) -> str:
    if result.reachable:
        return story("verdict_reachable", language)
    blocked = result.blocked
    return story("verdict_blocked", language).format(
        way=blocked_where(result, language), where=place(d, blocked.component, language, False)
        if d.get(blocked.component) is not None else blocked.component)


def render_story(d: Diagram, result: TraceResult, language: str = "en", path_name: str = "") -> str:
    """The whole story in ``language``; English is the tracer's own :func:`render_story`."""
    if language == "en":
        return _english_story(d, result, path_name)
    flow = result.flow
    what = flow.protocol if flow.protocol == "icmp" else f"{flow.protocol}/{flow.port}"
    lines = [story("tracing", language).format(source=_end(d, flow.source, language),
                                               destination=_end(d, flow.destination, language),
                                               flow=what)
             + (story("in_file", language).format(file=path_name) if path_name else "")]
    if result.route != "direct":
        lines.append(story("way", language).format(way=phrase(result.route, language)))
    path = result.deciding_path
    if path is not None:
        if len(result.paths) > 1:
            lines.append(story("path_shown", language).format(path=path_label(path.label, language)))
        lines += ["", story("there", language)]
        lines += _numbered(d, path.forward, language)
        if path.returning:
            lines += ["", story("back", language)]
            lines += _numbered(d, path.returning, language)
    lines.append("")
    total, passing = len(result.paths), sum(1 for p in result.paths if p.reachable)
    lines.append(verdict_line(d, result, language))
    if result.reachable:
        if total > 1:
            lines.append(story("all_paths", language).format(total=total))
    else:
        blocked = result.blocked
        lines.append(story("code", language).format(code=blocked.code,
                                                    meaning=code_meaning(blocked.code, language)))
        lines.append(story("fix", language).format(fix=code_fix(blocked.code, language)))
        if total > 1:
            lines.append(story("some_paths", language).format(passing=passing, total=total))
    tls = tls_for(d, result)
    if tls is not None:
        lines.append("")
        lines += _tls_lines(d, tls, language)
    for note in result.notes:
        lines.append(story("note", language).format(note=phrase(note, language)))
    return "\n".join(lines) + "\n"


def _numbered(d: Diagram, hops, language: str) -> list[str]:
    out = []
    for i, hop in enumerate(hops, 1):
        text = hop_sentence(d, hop, language)
        if hop.check not in (Check.DEPART, Check.DNS, Check.ARRIVE):
            text = f"{place(d, hop.location, language)}：{text}"
        if hop.matched and not hop.matched.startswith("the VPC's default"):
            text += f" [{matched_text(hop.matched, language)}]"
        if not hop.passed:
            text += story("blocked_mark", language)
        out.append(f"  {i}. {text}")
    return out


def _end(d: Diagram, name: str, language: str) -> str:
    record = d.get(name)
    if record is None:
        return story("internet", language) if name == "internet" else name
    return f"{record.label}（{name}）" if record.label != name else name


#: How the study notes write a pattern's certificates (their table: ``ALB(+ATS証明書)``, ``EC2(+外部証明書)``).
_NOTES_CERTIFICATES = {"ja": (("(+ACM)", "(+ATS証明書)"), ("(+external)", "(+外部証明書)"),
                              ("(+Lightsail certificate)", "(+ATS証明書)"), ("Route 53", "Route53"))}


def tls_pattern(pattern: str, language: str) -> str:
    """A TLS pattern (``Route 53 → CloudFront(+ACM) → ALB → EC2``) as the notes write it in
    ``language`` (``Route53 → CloudFront(+ATS証明書) → ALB → EC2``)."""
    for english, written in _NOTES_CERTIFICATES.get(language, ()):
        pattern = pattern.replace(english, written)
    return pattern


def _tls_lines(d: Diagram, tls: TlsReport, language: str) -> list[str]:
    lines = [story("tls_heading", language).format(pattern=tls_pattern(tls.pattern, language))]
    if tls.termination:
        cert = story(f"certificate_{tls.certificate}", language) \
            if tls.certificate in ("acm", "lightsail", "external") else tls.certificate
        can = story("acm_possible" if tls.acm_possible else "acm_impossible", language)
        lines.append("  " + story("tls_ends", language).format(
            where=place(d, tls.termination, language, False), certificate=cert, can=can))
    else:
        lines.append("  " + story("tls_none", language))
    for problem in tls.problems:
        lines.append("  " + story("tls_problem", language).format(problem=phrase(problem, language)))
    return lines


def missing_entries(language: str) -> list[str]:
    """Story texts and hop sentences the ``language`` catalogue lacks."""
    if language == "en":
        return []
    section = catalogue(language).get("story") or {}
    missing = [f"story {key}" for key in STORY_KEYS if not section.get(key)]
    words = catalogue(language).get("matched") or {}
    missing += [f"matched {key}" for key in MATCHED_KEYS if not words.get(key)]
    hops = section.get("hops") or {}
    for check in HOP_CHECKS:
        for state in ("passed", "blocked"):
            if not (hops.get(check) or {}).get(state):
                missing.append(f"story hop {check} ({state})")
    return missing


#: The same texts in English, for a language whose catalogue lacks one.
_ENGLISH = {
    "tracing": "Tracing {source} -> {destination} on {flow}", "in_file": " in {file}",
    "way": "Way: {way}", "path_shown": "Path shown: {path}", "there": "There:",
    "back": "Back (the reply):", "blocked_mark": "  <-- BLOCKED",
    "verdict_reachable": "Verdict: REACHABLE",
    "all_paths": "All {total} paths pass (every subnet of each end was checked).",
    "verdict_blocked": "Verdict: NOT REACHABLE - blocked {way} at {where}",
    "way_there": "on the way there", "way_back": "on the way back (the reply)",
    "code": "Code: {code} - {meaning}", "why": "Why: {why}", "fix": "Fix: {fix}",
    "some_paths": "{passing} of {total} paths pass; the one shown fails.",
    "tls_heading": "TLS ({pattern}):", "tls_ends": "TLS ends at {where}, with {certificate}; {can}.",
    "tls_none": "No certificate of yours terminates TLS on this path.",
    "tls_problem": "Problem: {problem}.", "acm_possible": "it can hold an ACM certificate",
    "acm_impossible": "it cannot hold an ACM certificate", "certificate_acm": "an ACM certificate",
    "certificate_lightsail": "a certificate Lightsail issues",
    "certificate_external": "a certificate brought from outside AWS (installed on the server)",
    "note": "Note: {note}", "internet": "the internet", "service": "the {service} service",
    "place": "{name} ({kind})", "place_in_subnet": "{name} ({kind}, subnet {subnet})",
    "default_security_group": "the VPC's default security group",
    "default_network_acl": "the default network ACL of subnet {subnet}",
    "implicit_main_route_table": "the VPC's implicit main route table (local routes only)",
    "flow_to": " to {peer}",
}
