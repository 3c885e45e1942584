"""lb-certificate-region: a listener certificate from another Region than the load balancer's."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, lb):
    here = q.region_of(diagram, lb.id)
    reported = set()
    for listener in lb.get("listeners", ()):
        cert = diagram.get(listener.get("certificate")) if isinstance(listener.get("certificate"), str) else None
        if cert is None or cert.kind != "AcmCertificate" or cert.id in reported:
            continue
        there = q.region_of(diagram, cert.id)
        if there != here:
            reported.add(cert.id)
            yield RULE.finding("Load balancer {lb} in {region} uses certificate {cert} from {cert_region}.",
                               [lb.id, cert.id], lb=lb.label, region=here, cert=cert.label,
                               cert_region=there)


RULE = Rule(
    id="lb-certificate-region",
    severity=Severity.ERROR,
    title="Load balancer certificate from another Region",
    fix="Request or import the certificate in the load balancer's own Region.",
    lesson=("ACM certificates are regional resources and cannot be copied between Regions. A load "
            "balancer can only use certificates from its own Region, so a site served in two "
            "Regions, or through CloudFront as well, needs a certificate in each."),
    docs="https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html",
    watches=("LoadBalancer", "AcmCertificate", "Region", "Vpc"),
    watches_properties={"LoadBalancer": ("listeners",), "AcmCertificate": ("region",),
                        "Region": ("region",), "Vpc": ()},
    watches_metadata=("region",),
    watches_relations=False,
    scope=per_record("LoadBalancer", check_one, reach=2),
)
