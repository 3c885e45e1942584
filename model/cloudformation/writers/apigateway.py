"""API Gateway: REST APIs (resources, methods, a deployment and stages) and HTTP/WebSocket APIs
(integrations, routes, stages), with the permissions that let them invoke their functions."""

from __future__ import annotations

from ...resources import Resource
from ..ids import camel
from ..writer import Writer
from . import writes
from .compute import invoke_permission

__all__ = ["api_gateway"]

_LAMBDA_URI = ("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
               "${%s.Arn}/invocations")


def _split_route(route) -> tuple[str, str]:
    method, _, path = str(route).partition(" ")
    if not path:
        return "ANY", method if method.startswith("/") else "/"
    return method.upper(), path


def _target_uri(w: Writer, target, kind: str):
    record = w.d.get(target) if isinstance(target, str) else None
    if record is None or record.id not in w.logical:
        return None
    logical = w.logical[record.id]
    if record.kind == "LambdaFunction":
        return {"Fn::Sub": _LAMBDA_URI % logical}
    if record.kind in ("LoadBalancer",):
        return {"Fn::Sub": f"http://${{{logical}.DNSName}}/"}
    if record.kind == "Instance":
        return {"Fn::Sub": f"http://${{{logical}.PublicDnsName}}/"}
    if record.kind == "SqsQueue":
        return {"Fn::Sub": f"arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:sqs:path/"
                           f"${{AWS::AccountId}}/${{{logical}.QueueName}}"}
    if record.kind == "SnsTopic":
        return {"Fn::Sub": f"arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:sns:action/Publish"
                           f"?TopicArn=${{{logical}}}"}
    if record.kind == "DynamoDbTable":
        return {"Fn::Sub": f"arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:dynamodb:action/"
                           f"PutItem?TableName=${{{logical}}}"}
    return None


@writes("ApiGateway")
def api_gateway(w: Writer, r: Resource) -> None:
    if r.get("api_type") == "REST":
        _rest(w, r)
    else:
        _http(w, r)


def _rest(w: Writer, r: Resource) -> None:
    api = w.add(w.main(r), "AWS::ApiGateway::RestApi", {
        "Name": r.label, "EndpointConfiguration": {"Types": [w.value(r.get("endpoint_type"))]}}, r)
    paths: dict[str, object] = {"/": {"Fn::GetAtt": [api, "RootResourceId"]}}
    methods = []
    for i, row in enumerate(r.get("integrations", ()), start=1):
        method, path = _split_route(row.get("route"))
        parent = paths["/"]
        walked = ""
        for part in [p for p in path.split("/") if p]:
            walked += "/" + part
            if walked not in paths:
                logical = w.add(w.helper_id(r, f"Resource{camel(walked) if camel(walked) != 'Resource' else i}"),
                                "AWS::ApiGateway::Resource",
                                {"RestApiId": {"Ref": api}, "ParentId": parent, "PathPart": part}, r)
                paths[walked] = {"Ref": logical}
            parent = paths[walked]
        methods.append(w.add(w.helper_id(r, f"Method{i}"), "AWS::ApiGateway::Method", {
            "RestApiId": {"Ref": api}, "ResourceId": parent, "HttpMethod": method,
            "AuthorizationType": "NONE", "Integration": _rest_integration(w, r, row, api)}, r))
    if not methods:
        return  # an API without methods cannot be deployed; its stages stay in the design only
    deployment = w.add(w.helper_id(r, "Deployment"), "AWS::ApiGateway::Deployment",
                       {"RestApiId": {"Ref": api}}, r, depends_on=methods)
    stages = []
    for name in r.get("stages", ()):
        stages.append(w.add(w.helper_id(r, f"Stage{camel(str(name))}"), "AWS::ApiGateway::Stage", {
            "RestApiId": {"Ref": api}, "DeploymentId": {"Ref": deployment},
            "StageName": w.value(name)}, r))
    _custom_domain(w, r, api, stages, "AWS::ApiGateway::DomainName", "AWS::ApiGateway::BasePathMapping")


def _rest_integration(w: Writer, r: Resource, row, api: str) -> dict:
    kind = row.get("integration_type")
    uri = _target_uri(w, row.get("target"), kind)
    timeout = w.value(row.get("timeout_ms"))
    if kind == "lambda" and uri is not None:
        invoke_permission(w, row.get("target"), "apigateway.amazonaws.com", r,
                          {"Fn::Sub": f"arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:"
                                      f"${{AWS::AccountId}}:${{{api}}}/*"})
        return {"Type": "AWS_PROXY", "IntegrationHttpMethod": "POST", "Uri": uri,
                "TimeoutInMillis": timeout}
    if kind in ("http", "vpc-link") and uri is not None:
        return {"Type": "HTTP_PROXY", "IntegrationHttpMethod": "ANY", "Uri": uri,
                "TimeoutInMillis": timeout}
    if kind == "aws-service" and uri is not None:
        role = w.parameter(f"{w.main(r)}IntegrationRoleArn", "String",
                           f"The role {r.label} uses to call AWS services")
        return {"Type": "AWS", "IntegrationHttpMethod": "POST", "Uri": uri, "Credentials": role,
                "TimeoutInMillis": timeout}
    return {"Type": "MOCK", "RequestTemplates": {"application/json": '{"statusCode": 200}'},
            "TimeoutInMillis": timeout}


def _http(w: Writer, r: Resource) -> None:
    websocket = r.get("api_type") == "WEBSOCKET"
    api = w.add(w.main(r), "AWS::ApiGatewayV2::Api", {
        "Name": r.label, "ProtocolType": w.value(r.get("api_type")),
        "RouteSelectionExpression": "$request.body.action" if websocket else None}, r)
    routes = []
    for i, row in enumerate(r.get("integrations", ()), start=1):
        kind = row.get("integration_type")
        target = row.get("target")
        uri = w.ref(target, "Arn") if kind == "lambda" and target else _target_uri(w, target, kind)
        if kind == "lambda" and uri is not None:
            invoke_permission(w, target, "apigateway.amazonaws.com", r,
                              {"Fn::Sub": f"arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:"
                                          f"${{AWS::AccountId}}:${{{api}}}/*"})
            props = {"IntegrationType": "AWS_PROXY", "IntegrationUri": uri,
                     "PayloadFormatVersion": "1.0" if websocket else "2.0"}
        elif uri is not None and kind in ("http", "vpc-link"):
            props = {"IntegrationType": "HTTP_PROXY", "IntegrationMethod": "ANY", "IntegrationUri": uri,
                     "PayloadFormatVersion": "1.0"}
        else:
            props = {"IntegrationType": "MOCK"} if websocket else {
                "IntegrationType": "HTTP_PROXY", "IntegrationMethod": "ANY",
                "IntegrationUri": w.parameter(f"{w.main(r)}Integration{i}Uri", "String",
                                              f"The backend of {r.label}'s route {row.get('route')}"),
                "PayloadFormatVersion": "1.0"}
        integration = w.add(w.helper_id(r, f"Integration{i}"), "AWS::ApiGatewayV2::Integration", {
            "ApiId": {"Ref": api}, **props, "TimeoutInMillis": w.value(row.get("timeout_ms"))}, r)
        if row.get("route"):
            routes.append(w.add(w.helper_id(r, f"Route{i}"), "AWS::ApiGatewayV2::Route", {
                "ApiId": {"Ref": api}, "RouteKey": w.value(row.get("route")),
                "Target": {"Fn::Join": ["/", ["integrations", {"Ref": integration}]]}}, r))
    stages = []
    for name in r.get("stages", ()):
        stages.append(w.add(w.helper_id(r, f"Stage{camel(str(name))}"), "AWS::ApiGatewayV2::Stage", {
            "ApiId": {"Ref": api}, "StageName": w.value(name), "AutoDeploy": True}, r,
            depends_on=routes))
    _custom_domain(w, r, api, stages, "AWS::ApiGatewayV2::DomainName", "AWS::ApiGatewayV2::ApiMapping")


def _custom_domain(w: Writer, r: Resource, api: str, stages: list, domain_type: str,
                   mapping_type: str) -> None:
    logical = w.api_domains.get((r.id, "domain"))
    if logical is None:
        return
    certificate = w.ref(r.get("certificate")) if r.get("certificate") else None
    if certificate is None:
        certificate = w.parameter(f"{logical}CertificateArn", "String",
                                  f"The certificate of {r.label}'s custom domain")
    if domain_type == "AWS::ApiGateway::DomainName":
        props = {"DomainName": w.value(r.get("custom_domain")), "RegionalCertificateArn": certificate,
                 "EndpointConfiguration": {"Types": ["REGIONAL"]}}
    else:
        props = {"DomainName": w.value(r.get("custom_domain")),
                 "DomainNameConfigurations": [{"CertificateArn": certificate,
                                               "EndpointType": "REGIONAL"}]}
    w.add(logical, domain_type, props, r)
    if not stages:
        return
    stage_name = w.resources[stages[0]]["Properties"]["StageName"]
    if mapping_type == "AWS::ApiGateway::BasePathMapping":
        mapping = {"DomainName": {"Ref": logical}, "RestApiId": {"Ref": api}, "Stage": stage_name}
    else:
        mapping = {"DomainName": {"Ref": logical}, "ApiId": {"Ref": api}, "Stage": stage_name}
    w.add(w.helper_id(r, "DomainMapping"), mapping_type, mapping, r, depends_on=stages)
