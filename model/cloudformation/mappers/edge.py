"""CloudFront distributions and Route 53 zones and records."""

from __future__ import annotations

from typing import Any

from ...kinds.edge import ALIAS_KINDS, ORIGIN_KINDS
from ..context import ImportContext
from ..intrinsics import ResourceRef
from ..values import as_list, is_unknown, text, texts
from . import maps
from .common import choice, get_number, get_text, is_ref_to

_ORIGIN_ACCESS_TYPES = ("AWS::CloudFront::OriginAccessControl",
                        "AWS::CloudFront::CloudFrontOriginAccessIdentity")


@maps("AWS::CloudFront::Distribution", kind="CloudFrontDistribution")
def distribution(ctx: ImportContext, logical: str) -> None:
    config = ctx.props(logical).get("DistributionConfig")
    config = config if isinstance(config, dict) else {}
    viewer = config.get("ViewerCertificate") if isinstance(config.get("ViewerCertificate"), dict) else {}
    behaviour = config.get("DefaultCacheBehavior") if isinstance(config.get("DefaultCacheBehavior"),
                                                                 dict) else {}
    origins = []
    for item in as_list(config.get("Origins")) if not is_unknown(config.get("Origins")) else []:
        if isinstance(item, dict):
            origins.append(_origin(ctx, logical, item))
    ctx.new(logical, aliases=ctx.attempt(logical, "Aliases", texts, config.get("Aliases"), []),
            certificate=ctx.ref(logical, "AcmCertificateArn", viewer.get("AcmCertificateArn"),
                                ("AcmCertificate",)),
            viewer_protocol_policy=choice(ctx, logical, "ViewerProtocolPolicy",
                                          behaviour.get("ViewerProtocolPolicy"),
                                          ("redirect-to-https", "https-only", "allow-all"), "allow-all"),
            minimum_tls=get_text(ctx, logical, viewer, "MinimumProtocolVersion", "TLSv1"),
            origins=origins)

__all__ = ["distribution", "origin_access", "hosted_zone", "record_values", "record_set",
           "record_set_group"]


def _origin(ctx: ImportContext, logical: str, item: dict) -> dict:
    custom = item.get("CustomOriginConfig") if isinstance(item.get("CustomOriginConfig"), dict) else None
    s3 = item.get("S3OriginConfig") if isinstance(item.get("S3OriginConfig"), dict) else None
    access = "none"
    if item.get("OriginAccessControlId"):
        access = "oac"
    elif s3 is not None and s3.get("OriginAccessIdentity"):
        access = "oai"
    policy = custom.get("OriginProtocolPolicy") if custom is not None else "https-only"
    return ctx.record("CloudFrontDistribution", "origins",
                      origin_id=get_text(ctx, logical, item, "Id"),
                      target=ctx.ref(logical, "DomainName", item.get("DomainName"), ORIGIN_KINDS),
                      protocol_policy=choice(ctx, logical, "OriginProtocolPolicy", policy,
                                             ("https-only", "http-only", "match-viewer"), "https-only"),
                      access_control=access, vpc_origin=isinstance(item.get("VpcOriginConfig"), dict))


def _plan_origin_access(ctx: ImportContext, logical: str):
    user = _distribution_using(ctx, logical)
    return None if user is not None else "GenericResource"


def _distribution_using(ctx: ImportContext, logical: str) -> str | None:
    rid = ctx.model_ids.get(logical, logical)
    for distribution_id in ctx.of_type("AWS::CloudFront::Distribution"):
        config = ctx.props(distribution_id).get("DistributionConfig")
        origins = config.get("Origins") if isinstance(config, dict) else None
        for item in origins if isinstance(origins, list) else []:
            if not isinstance(item, dict):
                continue
            s3 = item.get("S3OriginConfig") if isinstance(item.get("S3OriginConfig"), dict) else {}
            for value in (item.get("OriginAccessControlId"), s3.get("OriginAccessIdentity")):
                if isinstance(value, ResourceRef) and value.id == rid:
                    return distribution_id
                if is_unknown(value) and rid in getattr(value, "resources", ()):
                    return distribution_id
    return None


@maps(*_ORIGIN_ACCESS_TYPES, plan=_plan_origin_access)
def origin_access(ctx: ImportContext, logical: str) -> None:
    """Folded into the distribution that uses it (an origin's ``access_control``)."""
    ctx.fold(logical, ctx.model_ids[_distribution_using(ctx, logical)])


@maps("AWS::Route53::HostedZone", kind="HostedZone")
def hosted_zone(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    vpcs = []
    for item in as_list(p.get("VPCs")) if not is_unknown(p.get("VPCs")) else []:
        if isinstance(item, dict):
            vpc = ctx.vpc(logical, item.get("VPCId"))
            if vpc:
                vpcs.append(vpc)
    name = get_text(ctx, logical, p, "Name")
    ctx.new(logical, domain=name.rstrip(".") if isinstance(name, str) else name,
            private=bool(vpcs), vpcs=vpcs)


def _zone_of(ctx: ImportContext, props: dict) -> str | None:
    """The model id of the template zone a record set names, by id or by name."""
    zone = props.get("HostedZoneId")
    if is_ref_to(ctx, zone, "AWS::Route53::HostedZone"):
        return ctx.target(zone)
    name = props.get("HostedZoneName")
    if isinstance(name, str):
        for logical in ctx.of_type("AWS::Route53::HostedZone"):
            if str(ctx.props(logical).get("Name", "")).rstrip(".") == name.rstrip("."):
                return ctx.model_ids.get(logical)
    return None


def _plan_record(ctx: ImportContext, logical: str):
    if _zone_of(ctx, ctx.props(logical)) is None:
        ctx.note(logical, "its hosted zone is not in the template; the record is kept as a generic "
                          "resource")
        return "GenericResource"
    return "DnsRecord"


_RECORD_TYPES = ("A", "AAAA", "CNAME", "MX", "TXT", "NS", "CAA")


def record_values(ctx: ImportContext, logical: str, item: dict, zone_domain: Any) -> dict:
    """A record set (alone or in a group) as DnsRecord properties."""
    name = ctx.attempt(logical, "Name", text, item.get("Name"), "")
    relative = name
    if isinstance(name, str) and isinstance(zone_domain, str):
        full, domain = name.rstrip(".").lower(), zone_domain.rstrip(".").lower()
        if full == domain:
            relative = "@"
        elif full.endswith("." + domain):
            relative = name.rstrip(".")[: -len(domain) - 1]
    alias = item.get("AliasTarget") if isinstance(item.get("AliasTarget"), dict) else None
    values = item.get("ResourceRecords")
    return {"record_name": relative,
            "record_type": choice(ctx, logical, "Type", item.get("Type"), _RECORD_TYPES, "A"),
            "alias_target": ctx.ref(logical, "AliasTarget", alias.get("DNSName"), ALIAS_KINDS)
            if alias else "",
            "values": ctx.attempt(logical, "ResourceRecords", texts, values, []),
            "ttl": get_number(ctx, logical, item, "TTL", 300) if not alias else 300}


@maps("AWS::Route53::RecordSet", kind="DnsRecord", plan=_plan_record)
def record_set(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    zone = _zone_of(ctx, p)
    draft = ctx.new(logical, **record_values(ctx, logical, p, _zone_domain(ctx, zone)))
    draft.parent_hint = zone
    if "name" not in ctx.kumozu(logical) and isinstance(p.get("Name"), str):
        draft.name = p["Name"].rstrip(".")


def _zone_domain(ctx: ImportContext, zone_id: str | None) -> Any:
    draft = ctx.drafts.get(zone_id) if zone_id else None
    return draft.props.get("domain") if draft is not None else None


def _plan_record_group(ctx: ImportContext, logical: str):
    return None if _zone_of(ctx, ctx.props(logical)) is not None else "GenericResource"


@maps("AWS::Route53::RecordSetGroup", plan=_plan_record_group)
def record_set_group(ctx: ImportContext, logical: str) -> None:
    """Each record set of the group becomes a DNS record of its own (``<Group>Record1``...)."""
    p = ctx.props(logical)
    zone = _zone_of(ctx, p)
    ctx.fold(logical, zone)
    for i, item in enumerate(as_list(p.get("RecordSets")) if not is_unknown(p.get("RecordSets"))
                             else [], start=1):
        if not isinstance(item, dict):
            continue
        rid = ctx.reserve(f"{ctx.model_ids.get(logical, logical)}Record{i}", "DnsRecord")
        values = record_values(ctx, logical, item, _zone_domain(ctx, zone))
        name = item.get("Name") if isinstance(item.get("Name"), str) else rid
        draft = ctx.add(rid, "DnsRecord", name.rstrip("."), **values)
        draft.parent_hint = zone
