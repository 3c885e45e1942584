"""dns-alias-target: an alias record whose type or target Route 53 does not accept."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import fqdn, record_fqdn
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

_WRONG_TYPE = "Alias record {record} is of type {type}; an alias to {target} must be A or AAAA."
_GATEWAY_ENDPOINT = "Alias record {record} points at gateway endpoint {target}; only interface endpoints have DNS names."
_OTHER_ZONE = "Alias record {record} points at record {target} of another hosted zone."
_OTHER_TYPE = "Alias record {record} ({type}) points at record {target} of type {target_type}; the types must match."
_NOT_WEBSITE = "Alias record {record} points at S3 bucket {target}, which is not a static website."
_BUCKET_NAME = "Alias record {record} ({name}) points at S3 bucket {target} named {bucket}; the bucket name must equal the record name."


def check_one(diagram: Diagram, record):
    target = diagram.get(record.get("alias_target")) if isinstance(record.get("alias_target"), str) else None
    zone = diagram.get(record.parent)
    if target is None or zone is None:
        return
    params = dict(record=record.label, target=target.label, type=record.get("record_type"))
    ids = [record.id, target.id]
    if target.kind == "DnsRecord":
        if target.parent != record.parent:
            yield RULE.finding(_OTHER_ZONE, ids, **params)
        elif target.get("record_type") != record.get("record_type"):
            yield RULE.finding(_OTHER_TYPE, ids, target_type=target.get("record_type"), **params)
        return
    if record.get("record_type") not in ("A", "AAAA"):
        yield RULE.finding(_WRONG_TYPE, ids, **params)
    if target.kind == "VpcEndpoint" and target.get("endpoint_type") != "interface":
        yield RULE.finding(_GATEWAY_ENDPOINT, ids, **params)
    if target.kind == "S3Bucket":
        name = record_fqdn(record, zone)
        if not target.get("website"):
            yield RULE.finding(_NOT_WEBSITE, ids, **params)
        elif fqdn(target.get("bucket_name")) != name:
            yield RULE.finding(_BUCKET_NAME, ids, name=name, bucket=target.get("bucket_name") or "(unnamed)",
                               **params)


RULE = Rule(
    id="dns-alias-target",
    severity=Severity.ERROR,
    title="Alias record Route 53 cannot resolve",
    fix="Alias AWS resources with A or AAAA records; point at interface endpoints, website buckets "
        "named exactly like the record, or records of the same type in the same zone.",
    lesson=("An alias record answers with the current addresses of an AWS resource, so it only "
            "works for resources that have them: load balancers, CloudFront, API Gateway, interface "
            "endpoints, S3 website buckets whose name equals the record name, or another record of "
            "the same type in the same zone. Aliases to AWS resources are A or AAAA records."),
    docs="https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html",
    watches=("DnsRecord", "HostedZone", "VpcEndpoint", "S3Bucket", "LoadBalancer",
             "CloudFrontDistribution", "ApiGateway"),
    watches_properties={"DnsRecord": ("alias_target", "record_type", "record_name"),
                        "HostedZone": ("domain",), "VpcEndpoint": ("endpoint_type",),
                        "S3Bucket": ("website", "bucket_name"), "LoadBalancer": (),
                        "CloudFrontDistribution": (), "ApiGateway": ()},
    watches_relations=False,
    scope=per_record("DnsRecord", check_one, reach=2),
)
