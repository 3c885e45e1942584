"""Elastic Load Balancing v2: load balancers, their listeners and rules, and target groups."""

from __future__ import annotations

from typing import Any

from ..context import ImportContext
from ..values import as_list, is_unknown, number, text
from . import maps
from .common import choice, fold_target, get_number, get_text, is_ref_to

__all__ = ["load_balancer", "listener", "listener_rule", "health_check_defaults", "target_group"]

_LB_TYPES = ("application", "network")
_PROTOCOLS = ("HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP")
_TG_PROTOCOLS = _PROTOCOLS + ("GENEVE",)


def _plan_load_balancer(ctx: ImportContext, logical: str):
    kind = ctx.props(logical).get("Type", "application")
    if kind == "gateway":
        ctx.note(logical, "Gateway Load Balancers are kept as generic resources")
        return "GenericResource"
    return "LoadBalancer"


@maps("AWS::ElasticLoadBalancingV2::LoadBalancer", kind="LoadBalancer", plan=_plan_load_balancer)
def load_balancer(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    subnets = p.get("Subnets")
    mappings = p.get("SubnetMappings")
    if subnets is None and isinstance(mappings, list):
        subnets = [m.get("SubnetId") for m in mappings if isinstance(m, dict)]
    attributes = {}
    for item in p.get("LoadBalancerAttributes") or []:
        if isinstance(item, dict) and isinstance(item.get("Key"), str):
            attributes[item["Key"]] = item.get("Value")
    cross_zone = str(attributes.get("load_balancing.cross_zone.enabled", "false")).lower() == "true"
    ctx.new(logical,
            lb_type=choice(ctx, logical, "Type", p.get("Type"), _LB_TYPES, "application"),
            scheme=choice(ctx, logical, "Scheme", p.get("Scheme"), ("internet-facing", "internal"),
                          "internet-facing"),
            ip_address_type=choice(ctx, logical, "IpAddressType", p.get("IpAddressType"),
                                   ("ipv4", "dualstack"), "ipv4"),
            subnets=ctx.refs(logical, "Subnets", subnets, ("Subnet",)),
            security_groups=ctx.refs(logical, "SecurityGroups", p.get("SecurityGroups"),
                                     ("SecurityGroup",)),
            cross_zone=cross_zone, listeners=[])


def _listener_slots(ctx: ImportContext) -> dict:
    slots = getattr(ctx, "_listener_slots", None)
    if slots is None:
        slots = ctx._listener_slots = {}
    return slots


def _plan_listener(ctx: ImportContext, logical: str):
    return None if is_ref_to(ctx, ctx.props(logical).get("LoadBalancerArn"),
                             "AWS::ElasticLoadBalancingV2::LoadBalancer") \
        and ctx.kinds.get(ctx.target(ctx.props(logical)["LoadBalancerArn"])) == "LoadBalancer" \
        else "GenericResource"


@maps("AWS::ElasticLoadBalancingV2::Listener", plan=_plan_listener)
def listener(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    balancer = fold_target(ctx, p.get("LoadBalancerArn"), "LoadBalancer")
    ctx.fold(logical, balancer.id)
    certificates = p.get("Certificates")
    certificate = ""
    if isinstance(certificates, list) and certificates and isinstance(certificates[0], dict):
        certificate = ctx.ref(logical, "Certificates", certificates[0].get("CertificateArn"),
                              ("AcmCertificate",))
    action, target_group, redirect_port = _action(ctx, logical, p.get("DefaultActions"))
    record = ctx.record("LoadBalancer", "listeners",
                        protocol=choice(ctx, logical, "Protocol", p.get("Protocol"), _PROTOCOLS,
                                        "HTTP" if balancer.props["lb_type"] == "application" else "TCP"),
                        port=get_number(ctx, logical, p, "Port", 80), certificate=certificate,
                        action=action, target_group=target_group, redirect_port=redirect_port,
                        rules=[])
    balancer.props["listeners"].append(record)
    _listener_slots(ctx)[logical] = (balancer.id, len(balancer.props["listeners"]) - 1)


def _action(ctx: ImportContext, logical: str, actions: Any) -> tuple[str, Any, int]:
    """The action a listener or rule takes: forward (to which group), redirect (to which port) or
    a fixed response. Authentication steps before it are noted and skipped."""
    for item in as_list(actions) if not is_unknown(actions) else []:
        if not isinstance(item, dict):
            continue
        kind = item.get("Type")
        if kind == "forward":
            group = item.get("TargetGroupArn")
            forward = item.get("ForwardConfig")
            if group is None and isinstance(forward, dict):
                groups = forward.get("TargetGroups") or []
                group = groups[0].get("TargetGroupArn") if groups and isinstance(groups[0], dict) \
                    else None
                if len(groups) > 1:
                    ctx.note(logical, "a weighted forward to several target groups is drawn as a "
                                      "forward to the first")
            return "forward", ctx.ref(logical, "TargetGroupArn", group, ("TargetGroup",)), 443
        if kind == "redirect":
            config = item.get("RedirectConfig") if isinstance(item.get("RedirectConfig"), dict) else {}
            port = config.get("Port", "443")
            try:
                return "redirect", "", number(port, 443)
            except ValueError:
                ctx.note(logical, f"the redirect keeps the port ({port}); it is drawn as 443")
                return "redirect", "", 443
        if kind == "fixed-response":
            return "fixed-response", "", 443
        if isinstance(kind, str) and kind.startswith("authenticate"):
            ctx.note(logical, f"the {kind} step is not drawn")
    return "forward", "", 443


def _plan_rule(ctx: ImportContext, logical: str):
    p = ctx.props(logical)
    if not is_ref_to(ctx, p.get("ListenerArn"), "AWS::ElasticLoadBalancingV2::Listener") \
            or ctx.logical_of(p["ListenerArn"].id) not in ctx.resources \
            or _plan_listener(ctx, ctx.logical_of(p["ListenerArn"].id)) is not None:
        return "GenericResource"
    if _condition(p.get("Conditions")) is None:
        ctx.note(logical, "its conditions are not a single path or host pattern; the rule is kept "
                          "as a generic resource")
        return "GenericResource"
    return None


def _condition(conditions: Any) -> str | None:
    if not isinstance(conditions, list) or len(conditions) != 1 or not isinstance(conditions[0], dict):
        return None
    item = conditions[0]
    prefix = {"path-pattern": "path", "host-header": "host"}.get(item.get("Field"))
    config = item.get("PathPatternConfig" if prefix == "path" else "HostHeaderConfig")
    values = item.get("Values") or (config.get("Values") if isinstance(config, dict) else None)
    if prefix is None or not isinstance(values, list) or len(values) != 1 \
            or not isinstance(values[0], str):
        return None
    return f"{prefix}:{values[0]}"


@maps("AWS::ElasticLoadBalancingV2::ListenerRule", phase=2, plan=_plan_rule)
def listener_rule(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    balancer_id, index = _listener_slots(ctx)[ctx.logical_of(p["ListenerArn"].id)]
    balancer = ctx.drafts[balancer_id]
    ctx.fold(logical, balancer_id)
    _, target_group, _ = _action(ctx, logical, p.get("Actions"))
    balancer.props["listeners"][index]["rules"].append(ctx.record(
        "LoadBalancer", "listeners.rules", priority=get_number(ctx, logical, p, "Priority", 1),
        condition=_condition(p.get("Conditions")), target_group=target_group))


def health_check_defaults(protocol: Any, check_protocol: Any) -> dict:
    """What AWS uses for health-check settings a target group leaves out: ALB-style HTTP checks
    time out after 5 s, NLB TCP checks after 10 s and NLB HTTP checks after 6 s."""
    network = protocol in ("TCP", "TLS", "UDP", "TCP_UDP", "GENEVE")
    if network:
        timeout = 10 if check_protocol in ("TCP", None) else 6
    else:
        timeout = 5
    return {"timeout": timeout, "healthy": 5, "unhealthy": 2}


@maps("AWS::ElasticLoadBalancingV2::TargetGroup", kind="TargetGroup")
def target_group(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    protocol = choice(ctx, logical, "Protocol", p.get("Protocol"), _TG_PROTOCOLS, "HTTP")
    default_check = "HTTP" if protocol in ("HTTP", "HTTPS") else "TCP"
    check = choice(ctx, logical, "HealthCheckProtocol", p.get("HealthCheckProtocol"),
                   ("HTTP", "HTTPS", "TCP"), default_check)
    defaults = health_check_defaults(protocol, check)
    matcher = p.get("Matcher") if isinstance(p.get("Matcher"), dict) else {}
    targets = []
    for item in p.get("Targets") or []:
        if isinstance(item, dict):
            found = ctx.ref(logical, "Targets", item.get("Id"),
                            ("Instance", "LambdaFunction", "LoadBalancer"))
            if found != "":
                targets.append(found)
    draft = ctx.new(logical, protocol=protocol, port=get_number(ctx, logical, p, "Port", 80),
                    target_type=choice(ctx, logical, "TargetType", p.get("TargetType"),
                                       ("instance", "ip", "lambda", "alb"), "instance"),
                    targets=targets, health_check_protocol=check,
                    health_check_port=get_text(ctx, logical, p, "HealthCheckPort", "traffic-port"),
                    health_check_path=get_text(ctx, logical, p, "HealthCheckPath", "/"),
                    health_check_interval=get_number(ctx, logical, p, "HealthCheckIntervalSeconds", 30),
                    health_check_timeout=get_number(ctx, logical, p, "HealthCheckTimeoutSeconds",
                                                    defaults["timeout"]),
                    healthy_threshold=get_number(ctx, logical, p, "HealthyThresholdCount",
                                                 defaults["healthy"]),
                    unhealthy_threshold=get_number(ctx, logical, p, "UnhealthyThresholdCount",
                                                   defaults["unhealthy"]),
                    matcher=ctx.attempt(logical, "Matcher", text, matcher.get("HttpCode"), "200"))
    draft.parent_hint = ctx.vpc(logical, p.get("VpcId")) if p.get("VpcId") is not None else None
