"""certificate-name-mismatch: a CloudFront alternate domain name its certificate does not cover, or
that no certificate covers at all."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import fqdn
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def covers(pattern: str, name: str) -> bool:
    """Whether a certificate name covers a host name: exactly, or by a wildcard for one label
    (``*.example.com`` covers ``www.example.com``, not ``example.com`` nor ``a.b.example.com``)."""
    pattern, name = fqdn(pattern), fqdn(name)
    if pattern.startswith("*."):
        head, _, rest = name.partition(".")
        return bool(head) and rest == pattern[2:]
    return pattern == name


def check_one(diagram: Diagram, dist):
    aliases = [a for a in dist.get("aliases", ()) if isinstance(a, str) and a]
    if aliases and not dist.get("certificate"):
        yield RULE.finding("CloudFront distribution {dist} serves {aliases} but has no certificate: "
                           "CloudFront's default certificate covers only the distribution's own domain name.", [dist.id],
                           dist=dist.label, aliases=", ".join(aliases))
        return
    cert = diagram.get(dist.get("certificate")) if isinstance(dist.get("certificate"), str) else None
    if cert is None or cert.kind != "AcmCertificate":
        return
    names = [cert.get("domain_name")] + list(cert.get("subject_alternative_names", ()))
    names = [n for n in names if isinstance(n, str) and n]
    for alias in dist.get("aliases", ()):
        if isinstance(alias, str) and alias and not any(covers(n, alias) for n in names):
            yield RULE.finding("CloudFront distribution {dist} serves {alias}, which certificate {cert} "
                               "({names}) does not cover.", [dist.id, cert.id], dist=dist.label,
                               alias=alias, cert=cert.label, names=", ".join(names))


RULE = Rule(
    id="certificate-name-mismatch",
    severity=Severity.ERROR,
    title="Alternate domain name not covered by the certificate",
    fix="Attach an ACM certificate from us-east-1 that names it (or a wildcard for its parent "
        "domain), or remove the alias.",
    lesson=("A browser only trusts a certificate that names the host it asked for. A wildcard "
            "covers exactly one label: *.example.com covers www.example.com but neither example.com "
            "nor a.b.example.com. CloudFront refuses an alternate domain name that its certificate "
            "does not cover, and one with no certificate attached at all."),
    docs="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html",
    watches=("CloudFrontDistribution", "AcmCertificate"),
    watches_properties={"CloudFrontDistribution": ("aliases", "certificate"),
                        "AcmCertificate": ("domain_name", "subject_alternative_names")},
    watches_relations=False,
    scope=per_record("CloudFrontDistribution", check_one, reach=1),
)
