"""The ``tls`` goal check: where TLS ends on the way from an entry to the backends, and with which
kind of certificate (the notes' table of eight SSL-termination patterns).

::

    check:
      type: tls
      entry: www                                   # an id or a selector: a DNS record, CloudFront...
      terminates_at: {kind: CloudFrontDistribution}
      certificate: acm                             # acm | external | lightsail | amazon-issued
      match: all                                   # every path (default), or any

It reads :func:`validators.reachability.tls_paths`: one report per path from the entry. A path
passes when its termination matches ``terminates_at``, the certificate there is of the kind asked
(if asked), and the tracer found no TLS problem on it (a listener without a certificate, a server
asked for TLS that has none...).
"""

from __future__ import annotations

from dataclasses import dataclass

from model import queries as q
from model.diagram import Diagram
from model.yaml_source import LocatedMap
from validators.locale.trace_story import phrase, tls_pattern
from validators.reachability import TlsReport, tls_paths

from .outcome import Outcome
from .reading import Reader
from .selectors import Selector, parse_selector
from .text import LocalText, pair

__all__ = ["TlsCheck", "parse_tls", "CERTIFICATES", "certificate_name", "pattern_text"]

CERTIFICATES = ("acm", "external", "lightsail", "amazon-issued")

_CERT_NAMES = {
    "acm": ("an ACM certificate", "ACM証明書（ATS証明書）"),
    "external": ("an external certificate installed on the server", "サーバに設置した外部証明書"),
    "lightsail": ("a Lightsail certificate", "Lightsailの証明書（ATS証明書）"),
    "amazon-issued": ("a certificate issued by Amazon (ACM or Lightsail)",
                      "Amazonが発行する証明書（ATS証明書：ACMかLightsail）"),
    "aws": ("AWS's default certificate", "AWSの既定の証明書"),
}


def certificate_name(kind: str) -> LocalText:
    en, ja = _CERT_NAMES.get(kind, (kind or "no certificate", kind or "証明書なし"))
    return LocalText(en, ja)


def pattern_text(report: TlsReport) -> LocalText:
    """The report's pattern as the notes write it: ``Route 53 → CloudFront(+ATS証明書) → ALB → EC2``."""
    return LocalText(report.pattern, tls_pattern(report.pattern, "ja"))


@dataclass(frozen=True)
class TlsCheck:
    entry: Selector
    terminates_at: Selector
    certificate: str  # "" for any
    match: str

    type = "tls"

    def evaluate(self, d: Diagram) -> Outcome:
        entries = self.entry.select(d)
        if not entries:
            return Outcome(False, pair("Nothing in the design matches ", "設計の中に") + self.entry.noun()
                           + pair(".", "に当たるものがない．"))
        verdicts: list[tuple[bool, LocalText, TlsReport]] = []
        for entry in entries:
            for report in tls_paths(d, entry.id):
                verdicts.append(self._one(d, report))
        if not verdicts:
            return Outcome(False, pair("No path leads on from ", "") + self.entry.noun()
                           + pair(".", "から先へ続く経路がない．"), tuple(e.id for e in entries))
        good = [v for v in verdicts if v[0]]
        passed = len(good) == len(verdicts) if self.match == "all" else bool(good)
        shown = (good or verdicts)[0] if passed else next(v for v in verdicts if not v[0])
        reason = shown[1]
        if len(verdicts) > 1:
            reason = pair(f"{len(good)} of {len(verdicts)} paths as expected; ",
                          f"{len(verdicts)}通りの経路のうち{len(good)}通りが期待どおり．") + reason
        report = shown[2]
        resources = tuple(dict.fromkeys(report.chain + ((report.termination,) if report.termination else ())))
        return Outcome(passed, reason, resources, tls=tuple(v[2] for v in verdicts))

    def _one(self, d: Diagram, report: TlsReport) -> tuple[bool, LocalText, TlsReport]:
        entry = q.display(d, report.entry)
        pattern = pattern_text(report)
        term = d.get(report.termination) if report.termination else None
        shown = pair(" Pattern: ", "パターン：") + pattern + pair(".", "．")
        if term is None:
            text = pair(f"Nothing on the way from {entry} terminates TLS with a certificate you provide.",
                        f"「{entry}」からの経路には，用意した証明書でSSLを終端する場所がない．") + shown
            ok = False
        else:
            text = pair(f"TLS from {entry} ends at {term.label}, with ",
                        f"「{entry}」からのSSLは「{term.label}」で終端する．証明書は") \
                + certificate_name(report.certificate) + pair(".", "．") + shown
            ok = self.terminates_at.matches(d, term)
            if not ok:
                text = text + pair(" It should end at ", "終端は") + self.terminates_at.noun() \
                    + pair(".", "であるべき．")
        if term is not None and self.certificate and not _certificate_ok(report, self.certificate):
            ok = False
            text = text + pair(" The certificate there should be ", "そこには") \
                + certificate_name(self.certificate) + pair(".", "が必要．")
        if report.problems:
            ok = False
            problem = report.problems[0]
            text = text + pair(f" Problem: {problem}", f"問題：{phrase(problem, 'ja')}．")
        return ok, text, report


def _certificate_ok(report: TlsReport, wanted: str) -> bool:
    if wanted == "amazon-issued":
        return report.amazon_issued
    return report.certificate == wanted


def parse_tls(reader: Reader, spec: LocatedMap, what: str) -> TlsCheck:
    reader.known_keys(spec, ("type", "entry", "terminates_at", "certificate", "match"), what,
                      required=("entry", "terminates_at"))
    certificate = reader.choice(spec, "certificate", f"{what}: certificate", CERTIFICATES) \
        if "certificate" in spec else ""
    match = reader.choice(spec, "match", f"{what}: match", ("all", "any")) if "match" in spec else "all"
    return TlsCheck(parse_selector(reader, spec, "entry", f"{what}: entry"),
                    parse_selector(reader, spec, "terminates_at", f"{what}: terminates_at"),
                    certificate, match)
