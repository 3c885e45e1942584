"""apigw-cert-region: an API Gateway custom domain certificate from the wrong Region."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..facts import US_EAST_1
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, api):
    cert = diagram.get(api.get("certificate")) if isinstance(api.get("certificate"), str) else None
    if cert is None or cert.kind != "AcmCertificate":
        return
    edge = api.get("endpoint_type") == "EDGE"
    needed = US_EAST_1 if edge else q.region_of(diagram, api.id)
    found = q.region_of(diagram, cert.id)
    if found != needed:
        yield RULE.finding("API {api} ({endpoint}) uses certificate {cert} from {found}; it needs one "
                           "from {needed}.", [api.id, cert.id], api=api.label,
                           endpoint="edge-optimized" if edge else api.get("endpoint_type").lower(),
                           cert=cert.label, found=found, needed=needed)


RULE = Rule(
    id="apigw-cert-region",
    severity=Severity.ERROR,
    title="API Gateway domain certificate from the wrong Region",
    fix="Use a certificate from us-east-1 for an edge-optimized API, and from the API's own Region "
        "for a regional one.",
    lesson=("An edge-optimized API is served through CloudFront, so its custom domain's certificate "
            "must be in us-east-1, like every CloudFront certificate. A regional API terminates TLS "
            "in its own Region and needs a certificate from there."),
    docs="https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-edge-optimized-custom-domain-name.html",
    watches=("ApiGateway", "AcmCertificate", "Region"),
    watches_properties={"ApiGateway": ("certificate", "endpoint_type"), "AcmCertificate": ("region",),
                        "Region": ("region",)},
    watches_metadata=("region",),
    watches_relations=False,
    scope=per_record("ApiGateway", check_one, reach=2),
)
