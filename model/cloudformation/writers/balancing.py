"""Load balancers with their listeners and rules, and target groups."""

from __future__ import annotations

from ...resources import Resource
from ..writer import Writer
from . import writes
from .compute import invoke_permission
from .network import vpc_id

__all__ = ["load_balancer", "target_group"]

_SECURE = ("HTTPS", "TLS")


def _forward(w: Writer, group_id) -> list:
    group = w.ref(group_id) if group_id else None
    if group is None:  # nothing to forward to: answer, rather than leave the listener invalid
        return [{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "503"}}]
    return [{"Type": "forward", "TargetGroupArn": group}]


def _condition(text) -> dict:
    field, _, value = text.partition(":") if isinstance(text, str) else ("path", "", "/*")
    if field == "host":
        return {"Field": "host-header", "HostHeaderConfig": {"Values": [value]}}
    return {"Field": "path-pattern", "PathPatternConfig": {"Values": [value if field == "path"
                                                                      else text]}}


@writes("LoadBalancer")
def load_balancer(w: Writer, r: Resource) -> None:
    network = r.get("lb_type") == "network"
    groups = w.refs(r.get("security_groups"), "GroupId")
    logical = w.add(w.main(r), "AWS::ElasticLoadBalancingV2::LoadBalancer", {
        "Type": w.value(r.get("lb_type")), "Scheme": w.value(r.get("scheme")),
        "IpAddressType": w.value(r.get("ip_address_type")),
        "Subnets": w.refs(r.get("subnets")), "SecurityGroups": groups or None,
        "LoadBalancerAttributes": [{"Key": "load_balancing.cross_zone.enabled", "Value": "true"}]
        if network and r.get("cross_zone") is True else None,
        "Tags": w.tags(r)}, r)
    for i, listener in enumerate(r.get("listeners", ())):
        _listener(w, r, logical, i, listener)


def _listener(w: Writer, r: Resource, balancer: str, index: int, listener) -> None:
    protocol = listener.get("protocol")
    action = listener.get("action")
    if action == "redirect":
        actions = [{"Type": "redirect", "RedirectConfig": {
            "Protocol": "HTTPS", "Port": str(w.value(listener.get("redirect_port"))),
            "StatusCode": "HTTP_301"}}]
    elif action == "fixed-response":
        actions = [{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}]
    else:
        actions = _forward(w, listener.get("target_group"))
    certificates = None
    if protocol in _SECURE:
        certificate = w.ref(listener.get("certificate")) if listener.get("certificate") else None
        if certificate is None:
            certificate = w.parameter(f"{w.listener_ids[(r.id, index)]}CertificateArn", "String",
                                      f"The certificate of {r.label}'s {protocol} listener")
        certificates = [{"CertificateArn": certificate}]
    logical = w.add(w.listener_ids[(r.id, index)], "AWS::ElasticLoadBalancingV2::Listener", {
        "LoadBalancerArn": {"Ref": balancer}, "Protocol": w.value(protocol),
        "Port": w.value(listener.get("port")), "Certificates": certificates,
        "DefaultActions": actions}, r)
    for j, rule in enumerate(listener.get("rules", ()), start=1):
        w.add(w.helper_id(r, f"Listener{index + 1}Rule{j}"), "AWS::ElasticLoadBalancingV2::ListenerRule", {
            "ListenerArn": {"Ref": logical}, "Priority": w.value(rule.get("priority")),
            "Conditions": [_condition(rule.get("condition"))],
            "Actions": _forward(w, rule.get("target_group"))}, r)


@writes("TargetGroup")
def target_group(w: Writer, r: Resource) -> None:
    lambda_targets = r.get("target_type") == "lambda"
    check = r.get("health_check_protocol")
    http_check = check in ("HTTP", "HTTPS")
    targets, depends = [], []
    for target in r.get("targets", ()):
        record = w.d.get(target) if isinstance(target, str) else None
        if record is None:
            continue
        if record.kind == "LambdaFunction":
            targets.append({"Id": w.ref(record.id, "Arn")})
            depends.append(invoke_permission(w, record.id, "elasticloadbalancing.amazonaws.com", r))
        else:
            reference = w.ref(record.id)
            if reference is not None:
                targets.append({"Id": reference})
    props = {"TargetType": w.value(r.get("target_type")),
             "Protocol": None if lambda_targets else w.value(r.get("protocol")),
             "Port": None if lambda_targets else w.value(r.get("port")),
             "VpcId": None if lambda_targets else vpc_id(w, r),
             "Targets": targets or None,
             "HealthCheckProtocol": None if lambda_targets else w.value(check),
             "HealthCheckPort": None if lambda_targets else w.value(r.get("health_check_port")),
             "HealthCheckPath": w.value(r.get("health_check_path")) if http_check or lambda_targets
             else None,
             "HealthCheckIntervalSeconds": w.value(r.get("health_check_interval")),
             "HealthCheckTimeoutSeconds": w.value(r.get("health_check_timeout")),
             "HealthyThresholdCount": w.value(r.get("healthy_threshold")),
             "UnhealthyThresholdCount": w.value(r.get("unhealthy_threshold")),
             "Matcher": {"HttpCode": w.value(r.get("matcher"))} if http_check or lambda_targets
             else None,
             "Tags": w.tags(r)}
    w.add(w.main(r), "AWS::ElasticLoadBalancingV2::TargetGroup", props, r, depends_on=depends)
