"""CloudFront distributions, Route 53 hosted zones and records."""

from __future__ import annotations

from ...resources import Resource
from ...schema import Unresolved
from ..regions import CLOUDFRONT_HOSTED_ZONE, S3_WEBSITE_HOSTED_ZONES
from ..writer import Writer
from . import writes

#: The managed "CachingOptimized" cache policy, which every distribution can use.
CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"


def _origin(w: Writer, r: Resource, origin, index: int) -> dict:
    out = {"Id": w.value(origin.get("origin_id")) or f"origin{index}"}
    target = origin.get("target")
    record = w.d.get(target) if isinstance(target, str) else None
    custom = {"CustomOriginConfig": {"OriginProtocolPolicy": w.value(origin.get("protocol_policy")),
                                     "HTTPPort": 80, "HTTPSPort": 443}}
    if isinstance(target, Unresolved):
        out["DomainName"] = w.symbolic(target)
        out.update(custom)
    elif record is not None and record.kind == "S3Bucket" and record.id in w.logical:
        out["DomainName"] = w.ref(record.id, "RegionalDomainName")
        access = origin.get("access_control")
        out["S3OriginConfig"] = {"OriginAccessIdentity": ""}
        if access == "oac":
            oac = w.add(w.helper_id(r, f"Origin{index}Access"), "AWS::CloudFront::OriginAccessControl", {
                "OriginAccessControlConfig": {"Name": f"{w.main(r)}-{index}",
                                              "OriginAccessControlOriginType": "s3",
                                              "SigningBehavior": "always", "SigningProtocol": "sigv4"}}, r)
            out["OriginAccessControlId"] = {"Fn::GetAtt": [oac, "Id"]}
        elif access == "oai":
            oai = w.add(w.helper_id(r, f"Origin{index}Identity"),
                        "AWS::CloudFront::CloudFrontOriginAccessIdentity",
                        {"CloudFrontOriginAccessIdentityConfig": {"Comment": r.label}}, r)
            out["S3OriginConfig"] = {"OriginAccessIdentity": {
                "Fn::Sub": f"origin-access-identity/cloudfront/${{{oai}}}"}}
    elif record is not None and record.id in w.logical and record.kind in _DOMAINS:
        out["DomainName"] = _DOMAINS[record.kind](w, record)
        out.update(custom)
    else:
        out["DomainName"] = w.parameter(f"{w.main(r)}Origin{index}Domain", "String",
                                        f"The domain name of {r.label}'s origin {out['Id']}")
        out.update(custom)
    return out

__all__ = ["CACHING_OPTIMIZED", "distribution", "hosted_zone", "dns_record"]


_DOMAINS = {
    "LoadBalancer": lambda w, rec: w.ref(rec.id, "DNSName"),
    "Instance": lambda w, rec: w.ref(rec.id, "PublicDnsName"),
    "ApiGateway": lambda w, rec: {"Fn::Sub": f"${{{w.logical[rec.id]}}}.execute-api.${{AWS::Region}}."
                                             f"${{AWS::URLSuffix}}"},
}


@writes("CloudFrontDistribution")
def distribution(w: Writer, r: Resource) -> None:
    origins = [_origin(w, r, o, i) for i, o in enumerate(r.get("origins", ()), start=1)]
    if not origins:
        origins = [{"Id": "origin", "DomainName": w.parameter(f"{w.main(r)}OriginDomain", "String",
                                                              f"The origin of {r.label}"),
                    "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}}]
    aliases = w.value(r.get("aliases"))
    certificate = w.ref(r.get("certificate")) if r.get("certificate") else None
    if certificate is None and aliases:
        certificate = w.parameter(f"{w.main(r)}CertificateArn", "String",
                                  f"The us-east-1 certificate of {r.label}")
    viewer = {"CloudFrontDefaultCertificate": True} if certificate is None else {
        "AcmCertificateArn": certificate, "SslSupportMethod": "sni-only",
        "MinimumProtocolVersion": w.value(r.get("minimum_tls"))}
    w.add(w.main(r), "AWS::CloudFront::Distribution", {"DistributionConfig": {
        "Enabled": True, "Aliases": aliases or None, "Origins": origins,
        "DefaultCacheBehavior": {"TargetOriginId": origins[0]["Id"],
                                 "ViewerProtocolPolicy": w.value(r.get("viewer_protocol_policy")),
                                 "CachePolicyId": CACHING_OPTIMIZED},
        "ViewerCertificate": viewer}}, r)


@writes("HostedZone")
def hosted_zone(w: Writer, r: Resource) -> None:
    vpcs = [{"VPCId": v, "VPCRegion": {"Ref": "AWS::Region"}} for v in w.refs(r.get("vpcs"))] \
        if r.get("private") is True else []
    w.add(w.main(r), "AWS::Route53::HostedZone", {"Name": w.value(r.get("domain")),
                                                  "VPCs": vpcs or None}, r)


def _fqdn(zone: Resource | None, name) -> object:
    domain = zone.get("domain") if zone is not None else None
    if not isinstance(domain, str) or not isinstance(name, str):
        return name
    domain = domain.rstrip(".")
    if name in ("", "@"):
        return f"{domain}."
    if name.rstrip(".").endswith(domain):
        return name.rstrip(".") + "."
    return f"{name}.{domain}."


def _alias(w: Writer, r: Resource, zone: Resource, target) -> dict | None:
    record = w.d.get(target) if isinstance(target, str) else None
    if record is None or record.id not in w.logical and record.kind != "DnsRecord":
        return None
    kind = record.kind
    if kind == "LoadBalancer":
        return {"DNSName": w.ref(record.id, "DNSName"),
                "HostedZoneId": w.ref(record.id, "CanonicalHostedZoneID")}
    if kind == "CloudFrontDistribution":
        return {"DNSName": w.ref(record.id, "DomainName"), "HostedZoneId": CLOUDFRONT_HOSTED_ZONE}
    if kind == "S3Bucket" and w.region in S3_WEBSITE_HOSTED_ZONES:
        return {"DNSName": {"Fn::Sub": "s3-website-${AWS::Region}.amazonaws.com"},
                "HostedZoneId": S3_WEBSITE_HOSTED_ZONES[w.region]}
    if kind == "VpcEndpoint":
        entry = {"Fn::Select": [0, {"Fn::GetAtt": [w.logical[record.id], "DnsEntries"]}]}
        return {"DNSName": {"Fn::Select": [1, {"Fn::Split": [":", entry]}]},
                "HostedZoneId": {"Fn::Select": [0, {"Fn::Split": [":", entry]}]}}
    if kind == "DnsRecord" and record.parent == zone.id:
        return {"DNSName": w.value(_fqdn(zone, record.get("record_name"))), "HostedZoneId": w.ref(zone.id)}
    if kind == "ApiGateway" and (record.id, "domain") in w.api_domains:
        domain = w.api_domains[(record.id, "domain")]
        return {"DNSName": {"Fn::GetAtt": [domain, "RegionalDomainName"]},
                "HostedZoneId": {"Fn::GetAtt": [domain, "RegionalHostedZoneId"]}}
    return None


@writes("DnsRecord")
def dns_record(w: Writer, r: Resource) -> None:
    zone = w.d.get(r.parent)
    alias = _alias(w, r, zone, r.get("alias_target")) if r.get("alias_target") else None
    values = w.value(r.get("values"))
    props = {"HostedZoneId": w.ref(zone.id) if zone is not None else None,
             "Name": w.value(_fqdn(zone, r.get("record_name"))), "Type": w.value(r.get("record_type"))}
    if alias is not None:
        props["AliasTarget"] = alias
    else:
        props["TTL"] = str(w.value(r.get("ttl")))
        props["ResourceRecords"] = values or w.parameter(
            f"{w.main(r)}Values", "CommaDelimitedList", f"The values of the record {r.label}")
    w.add(w.main(r), "AWS::Route53::RecordSet", props, r)
