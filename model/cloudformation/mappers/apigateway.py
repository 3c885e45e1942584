"""API Gateway, REST (``AWS::ApiGateway::*``) and HTTP/WebSocket (``AWS::ApiGatewayV2::*``).

An API is one model resource; its resources, methods, routes, integrations, deployments, stages and
custom domain are folded into it: each method or route becomes an ``integrations`` row
(``GET /items`` -> the function it invokes), each stage a name in ``stages``.
"""

from __future__ import annotations

from typing import Any

from ..context import ImportContext
from ..intrinsics import ResourceRef, mentioned_resources
from . import maps
from .common import choice, fold_target, get_number, get_text, is_ref_to

__all__ = ["rest_api", "http_api", "api_resource", "method", "deployment", "stage", "stage_v2",
           "integration_v2", "route_v2", "finish_v2", "domain_name", "base_path_mapping"]

_TARGETS = ("LambdaFunction", "LoadBalancer", "SqsQueue", "SnsTopic", "DynamoDbTable", "Instance")
_V1 = "AWS::ApiGateway::RestApi"
_V2 = "AWS::ApiGatewayV2::Api"


@maps(_V1, kind="ApiGateway")
def rest_api(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    config = p.get("EndpointConfiguration") if isinstance(p.get("EndpointConfiguration"), dict) else {}
    types = config.get("Types")
    ctx.new(logical, api_type="REST",
            endpoint_type=choice(ctx, logical, "EndpointConfiguration",
                                 types[0] if isinstance(types, list) and types else None,
                                 ("REGIONAL", "EDGE", "PRIVATE"), "EDGE"),
            stages=[], integrations=[])


@maps(_V2, kind="ApiGateway")
def http_api(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    integrations = []
    if p.get("Target") is not None:  # quick create: one $default route to one target
        integrations.append(ctx.record("ApiGateway", "integrations", route="$default",
                                       integration_type="lambda",
                                       target=ctx.ref(logical, "Target", p["Target"], _TARGETS),
                                       timeout_ms=30000))
    ctx.new(logical, api_type=choice(ctx, logical, "ProtocolType", p.get("ProtocolType"),
                                     ("HTTP", "WEBSOCKET"), "HTTP"),
            endpoint_type="REGIONAL", stages=["$default"] if p.get("Target") is not None else [],
            integrations=integrations)


def _api(ctx: ImportContext, value: Any) -> Any:
    return fold_target(ctx, value, "ApiGateway")


def _plan_part(key: str = "RestApiId", types: tuple = (_V1,)):
    def plan(ctx: ImportContext, logical: str):
        return None if is_ref_to(ctx, ctx.props(logical).get(key), *types) else "GenericResource"
    return plan


def _path(ctx: ImportContext, value: Any, seen: tuple = ()) -> str | None:
    """The path of a REST API resource: ``/items/{id}``; the root is ``/``."""
    if isinstance(value, ResourceRef) and value.attribute == "RootResourceId":
        return "/"
    if not is_ref_to(ctx, value, "AWS::ApiGateway::Resource") or value.id in seen:
        return None
    p = ctx.props(ctx.logical_of(value.id))
    parent = _path(ctx, p.get("ParentId"), seen + (value.id,))
    part = p.get("PathPart")
    if parent is None or not isinstance(part, str):
        return None
    return parent.rstrip("/") + "/" + part


@maps("AWS::ApiGateway::Resource", plan=_plan_part())
def api_resource(ctx: ImportContext, logical: str) -> None:
    ctx.fold(logical, _api(ctx, ctx.props(logical)["RestApiId"]).id)


def _integration_type(kind: Any, uri: Any, connection: Any) -> str:
    text_uri = str(getattr(uri, "form", uri))
    if connection == "VPC_LINK":
        return "vpc-link"
    if kind in ("AWS_PROXY",) or (kind == "AWS" and ":lambda:path" in text_uri):
        return "lambda"
    if kind == "AWS":
        return "aws-service"
    if kind in ("HTTP", "HTTP_PROXY"):
        return "http"
    return "mock"


@maps("AWS::ApiGateway::Method", plan=_plan_part())
def method(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    api = _api(ctx, p["RestApiId"])
    ctx.fold(logical, api.id)
    path = _path(ctx, p.get("ResourceId"))
    if path is None:
        ctx.note(logical, "the method's resource path cannot be worked out; it is drawn as /")
        path = "/"
    integration = p.get("Integration") if isinstance(p.get("Integration"), dict) else {}
    uri = integration.get("Uri")
    kind = _integration_type(integration.get("Type", "MOCK"), uri, integration.get("ConnectionType"))
    api.props["integrations"].append(ctx.record(
        "ApiGateway", "integrations", route=f"{get_text(ctx, logical, p, 'HttpMethod', 'ANY')} {path}",
        integration_type=kind,
        target=ctx.ref(logical, "Integration.Uri", uri, _TARGETS) if uri is not None else "",
        timeout_ms=get_number(ctx, logical, integration, "TimeoutInMillis", 29000)))


def _add_stage(api, name: Any) -> None:
    if name and name not in api.props["stages"]:
        api.props["stages"].append(name)


@maps("AWS::ApiGateway::Deployment", plan=_plan_part())
def deployment(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    api = _api(ctx, p["RestApiId"])
    ctx.fold(logical, api.id)
    if p.get("StageName") is not None:
        _add_stage(api, get_text(ctx, logical, p, "StageName"))


@maps("AWS::ApiGateway::Stage", plan=_plan_part())
def stage(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    api = _api(ctx, p["RestApiId"])
    ctx.fold(logical, api.id)
    _add_stage(api, get_text(ctx, logical, p, "StageName"))


@maps("AWS::ApiGatewayV2::Stage", plan=_plan_part("ApiId", (_V2,)))
def stage_v2(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    api = _api(ctx, p["ApiId"])
    ctx.fold(logical, api.id)
    _add_stage(api, get_text(ctx, logical, p, "StageName"))


def _v2_integrations(ctx: ImportContext) -> dict:
    found = getattr(ctx, "_v2_integrations", None)
    if found is None:
        found = ctx._v2_integrations = {}
    return found


@maps("AWS::ApiGatewayV2::Integration", plan=_plan_part("ApiId", (_V2,)))
def integration_v2(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    api = _api(ctx, p["ApiId"])
    ctx.fold(logical, api.id)
    uri = p.get("IntegrationUri")
    row = ctx.record("ApiGateway", "integrations", route="",
                     integration_type=_integration_type(p.get("IntegrationType"), uri,
                                                        p.get("ConnectionType")),
                     target=ctx.ref(logical, "IntegrationUri", uri, _TARGETS) if uri is not None else "",
                     timeout_ms=get_number(ctx, logical, p, "TimeoutInMillis", 30000))
    _v2_integrations(ctx)[logical] = (api.id, row)


@maps("AWS::ApiGatewayV2::Route", phase=2, plan=_plan_part("ApiId", (_V2,)))
def route_v2(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    api = _api(ctx, p["ApiId"])
    ctx.fold(logical, api.id)
    target = p.get("Target")
    found = next((row for name, (api_id, row) in _v2_integrations(ctx).items()
                  if api_id == api.id and name in mentioned_resources(target)), None)
    route_key = get_text(ctx, logical, p, "RouteKey")
    if found is None:
        api.props["integrations"].append(ctx.record("ApiGateway", "integrations", route=route_key,
                                                    integration_type="mock", target="",
                                                    timeout_ms=30000))
        return
    if found["route"]:  # one integration serving several routes: one row per route
        found = dict(found)
    found["route"] = route_key
    api.props["integrations"].append(found)


def finish_v2(ctx: ImportContext) -> None:
    """Integrations no route uses still belong to their API (listed without a route)."""
    for api_id, row in _v2_integrations(ctx).values():
        if not row["route"]:
            ctx.drafts[api_id].props["integrations"].append(row)


def _domain_users(ctx: ImportContext) -> dict:
    """Custom domain logical id -> the API a base path mapping (or API mapping) ties it to."""
    users = getattr(ctx, "_domain_users", None)
    if users is not None:
        return users
    users = {}
    for kind, api_key in (("AWS::ApiGateway::BasePathMapping", "RestApiId"),
                          ("AWS::ApiGatewayV2::ApiMapping", "ApiId")):
        for mapping in ctx.of_type(kind):
            p = ctx.props(mapping)
            domain = p.get("DomainName")
            api = ctx.target(p.get(api_key)) if isinstance(p.get(api_key), ResourceRef) else None
            for name in mentioned_resources(domain):
                if api and ctx.kinds.get(api) == "ApiGateway":
                    users.setdefault(ctx.logical_of(name), api)
    ctx._domain_users = users
    return users


def _plan_domain(ctx: ImportContext, logical: str):
    """A custom domain mapped to a template API is folded into the API, at once, so that alias
    records naming the domain refer to the API."""
    api = _domain_users(ctx).get(logical)
    if api is None:
        return "GenericResource"
    ctx.fold(logical, api)
    return None


@maps("AWS::ApiGateway::DomainName", "AWS::ApiGatewayV2::DomainName", plan=_plan_domain)
def domain_name(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    api = ctx.drafts[_domain_users(ctx)[logical]]
    ctx.fold(logical, api.id)
    certificate = p.get("RegionalCertificateArn", p.get("CertificateArn"))
    configurations = p.get("DomainNameConfigurations")
    if certificate is None and isinstance(configurations, list) and configurations \
            and isinstance(configurations[0], dict):
        certificate = configurations[0].get("CertificateArn")
    api.props["custom_domain"] = get_text(ctx, logical, p, "DomainName")
    api.props["certificate"] = ctx.ref(logical, "CertificateArn", certificate, ("AcmCertificate",))


def _plan_mapping(ctx: ImportContext, logical: str):
    p = ctx.props(logical)
    names = mentioned_resources(p.get("DomainName"))
    return None if any(ctx.logical_of(n) in _domain_users(ctx) for n in names) else "GenericResource"


@maps("AWS::ApiGateway::BasePathMapping", "AWS::ApiGatewayV2::ApiMapping", plan=_plan_mapping)
def base_path_mapping(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    ctx.fold(logical, ctx.target(p.get("RestApiId", p.get("ApiId"))))
