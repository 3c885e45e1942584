"""cloudfront-cert-region: a CloudFront distribution whose ACM certificate is not in us-east-1."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import US_EAST_1
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, dist):
    cert = diagram.get(dist.get("certificate"))
    if cert is None or cert.kind != "AcmCertificate":
        return
    region = q.region_of(diagram, cert.id)
    if region != US_EAST_1:
        yield RULE.finding("CloudFront distribution {dist} uses certificate {cert} from {region}; "
                           "CloudFront only uses certificates in us-east-1.", [dist.id, cert.id],
                           dist=dist.label, cert=cert.label, region=region)


RULE = Rule(
    id="cloudfront-cert-region",
    severity=Severity.ERROR,
    title="CloudFront certificate outside us-east-1",
    fix="Request or import the certificate in US East (N. Virginia), us-east-1, and attach that one.",
    lesson=("ACM certificates are regional, and CloudFront, a global service, only looks for them "
            "in us-east-1. A certificate issued in the Region of your load balancer cannot be "
            "attached to the distribution; request a second one in us-east-1 for the same names."),
    docs="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html",
    watches=("CloudFrontDistribution", "AcmCertificate", "Region"),
    watches_properties={"CloudFrontDistribution": ("certificate",), "AcmCertificate": ("region",),
                        "Region": ("region",)},
    watches_metadata=("region",),
    watches_relations=False,
    scope=per_record("CloudFrontDistribution", check_one, reach=2),
)
