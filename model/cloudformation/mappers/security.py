"""Security groups and their rules, certificates, and IAM."""

from __future__ import annotations

import json
from typing import Any

from ...kinds.security import DEFAULT_EGRESS
from ..context import ImportContext
from ..intrinsics import to_form
from ..values import ValueProblem, as_list, is_unknown, protocol, text, texts, unresolved
from . import maps
from .common import choice, fold_target, get_number, get_text, is_ref_to, plan_fold

__all__ = ["NO_EGRESS_RULE", "sg_rule", "security_group", "security_group_ingress",
           "security_group_egress", "certificate", "iam_role", "iam_user", "access_key",
           "user_to_group", "iam_group", "iam_policy", "attach_policies", "instance_profile"]

#: The rule CloudFormation users write to remove a group's default allow-all egress: traffic only
#: to the loopback address, which never leaves the instance (AWS::EC2::SecurityGroup documentation).
NO_EGRESS_RULE = {"IpProtocol": "-1", "CidrIp": "127.0.0.1/32"}


def sg_rule(ctx: ImportContext, logical: str, rule: Any, direction: str) -> dict | None:
    """One security group rule as a model record, or None (noted) when it cannot be one."""
    if not isinstance(rule, dict):
        ctx.note(logical, f"a {direction} rule is not a mapping and is left out")
        return None
    peer_key = "SourceSecurityGroupId" if direction == "ingress" else "DestinationSecurityGroupId"
    list_key = "SourcePrefixListId" if direction == "ingress" else "DestinationPrefixListId"
    peer_field = "source_group" if direction == "ingress" else "destination_group"
    try:
        name = protocol(rule.get("IpProtocol"))
    except ValueProblem as problem:
        ctx.note(logical, f"a {direction} rule is left out: {problem}")
        return None
    if "SourceSecurityGroupName" in rule:
        ctx.note(logical, "a rule names its source group by name (default VPC only); it is left out")
        return None
    low = get_number(ctx, logical, rule, "FromPort", -1)
    high = get_number(ctx, logical, rule, "ToPort", -1)
    if name == "all":
        low, high = 0, 65535
    else:
        low = 0 if low == -1 else low
        high = 65535 if high == -1 else high
    cidr = rule.get("CidrIp", rule.get("CidrIpv6"))
    return ctx.record("SecurityGroup", direction, protocol=name, from_port=low, to_port=high,
                      cidr=ctx.attempt(logical, "CidrIp", text, cidr, ""),
                      **{peer_field: ctx.ref(logical, peer_key, rule.get(peer_key),
                                             ("SecurityGroup",))},
                      prefix_list=ctx.attempt(logical, list_key, text, rule.get(list_key), ""),
                      description=ctx.attempt(logical, "Description", text, rule.get("Description"),
                                              ""))


@maps("AWS::EC2::SecurityGroup", kind="SecurityGroup")
def security_group(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    vpc_id = ctx.vpc(logical, p.get("VpcId")) or ctx.default_vpc(logical)
    ingress = _rules(ctx, logical, p.get("SecurityGroupIngress"), "ingress")
    written = p.get("SecurityGroupEgress")
    if written is None:
        egress = [dict(r) for r in DEFAULT_EGRESS]
    elif isinstance(written, list) and len(written) == 1 and _plain(written[0]) == NO_EGRESS_RULE:
        egress = []
    else:
        egress = _rules(ctx, logical, written, "egress")
    draft = ctx.new(logical, description=get_text(ctx, logical, p, "GroupDescription"),
                    ingress=ingress, egress=egress)
    draft.parent_hint = vpc_id


def _plain(value: Any) -> Any:
    return {k: str(v) for k, v in value.items()} if isinstance(value, dict) else value


def _rules(ctx: ImportContext, logical: str, value: Any, direction: str) -> list:
    items = as_list(value)
    if is_unknown(items):
        ctx.note(logical, f"the {direction} rules depend on {unresolved(items).expression} and are "
                          f"left out")
        return []
    return [r for r in (sg_rule(ctx, logical, item, direction) for item in items) if r is not None]


@maps("AWS::EC2::SecurityGroupIngress", plan=plan_fold("GroupId", "AWS::EC2::SecurityGroup"))
def security_group_ingress(ctx: ImportContext, logical: str) -> None:
    _standalone_rule(ctx, logical, "ingress")


@maps("AWS::EC2::SecurityGroupEgress", plan=plan_fold("GroupId", "AWS::EC2::SecurityGroup"))
def security_group_egress(ctx: ImportContext, logical: str) -> None:
    _standalone_rule(ctx, logical, "egress")


def _standalone_rule(ctx: ImportContext, logical: str, direction: str) -> None:
    p = ctx.props(logical)
    group = fold_target(ctx, p.get("GroupId"), "SecurityGroup")
    ctx.fold(logical, group.id)
    rule = sg_rule(ctx, logical, p, direction)
    if rule is not None:
        group.props[direction].append(rule)


@maps("AWS::CertificateManager::Certificate", kind="AcmCertificate")
def certificate(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    ctx.new(logical, domain_name=get_text(ctx, logical, p, "DomainName"),
            subject_alternative_names=_texts(ctx, logical, p, "SubjectAlternativeNames"),
            validation=choice(ctx, logical, "ValidationMethod", p.get("ValidationMethod"),
                              ("DNS", "EMAIL"), "EMAIL"),
            source="amazon-issued")


def _texts(ctx: ImportContext, logical: str, props: dict, key: str) -> Any:
    return ctx.attempt(logical, key, texts, props.get(key), [])


# ---------------------------------------------------------------------- IAM
def _policy_refs(ctx: ImportContext, logical: str, props: dict) -> tuple[list, list]:
    """``ManagedPolicyArns`` split into references to template policies and AWS managed ARNs."""
    refs, arns = [], []
    items = as_list(props.get("ManagedPolicyArns"))
    if is_unknown(items):
        return [], unresolved(items)
    for item in items:
        if is_ref_to(ctx, item, "AWS::IAM::ManagedPolicy"):
            refs.append(ctx.ref(logical, "ManagedPolicyArns", item, ("IamPolicy",)))
        else:
            arns.append(ctx.attempt(logical, "ManagedPolicyArns", text, item, ""))
    return refs, arns


@maps("AWS::IAM::Role", kind="IamRole")
def iam_role(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    refs, arns = _policy_refs(ctx, logical, p)
    ctx.new(logical, trusted_service=_trusted_service(ctx, logical, p.get("AssumeRolePolicyDocument")),
            policies=refs, managed_policy_arns=arns)
    if p.get("Policies"):
        ctx.note(logical, "inline policies (Policies) are not drawn; attach managed policies to "
                          "see them")


def _trusted_service(ctx: ImportContext, logical: str, document: Any) -> Any:
    statements = document.get("Statement") if isinstance(document, dict) else None
    for statement in as_list(statements) if not is_unknown(statements) else []:
        principal = statement.get("Principal") if isinstance(statement, dict) else None
        if isinstance(principal, dict) and "Service" in principal:
            service = principal["Service"]
            service = service[0] if isinstance(service, list) and service else service
            return ctx.attempt(logical, "Principal", text, service, "")
        if isinstance(principal, dict) and "AWS" in principal:
            return ctx.attempt(logical, "Principal", text,
                               principal["AWS"][0] if isinstance(principal["AWS"], list)
                               else principal["AWS"], "")
    return ""


@maps("AWS::IAM::User", kind="IamUser")
def iam_user(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    refs, _ = _policy_refs(ctx, logical, p)
    ctx.new(logical, groups=ctx.refs(logical, "Groups", p.get("Groups"), ("IamGroup",)),
            policies=refs, console_access="LoginProfile" in p,
            access_keys=any(is_ref_to(ctx, ctx.props(key).get("UserName"), "AWS::IAM::User")
                            and ctx.target(ctx.props(key)["UserName"]) == ctx.model_ids[logical]
                            for key in ctx.of_type("AWS::IAM::AccessKey")))


@maps("AWS::IAM::AccessKey", plan=plan_fold("UserName", "AWS::IAM::User"))
def access_key(ctx: ImportContext, logical: str) -> None:
    user = fold_target(ctx, ctx.props(logical).get("UserName"), "IamUser")
    ctx.fold(logical, user.id)


@maps("AWS::IAM::UserToGroupAddition", plan=plan_fold("GroupName", "AWS::IAM::Group"))
def user_to_group(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    group = fold_target(ctx, p.get("GroupName"), "IamGroup")
    ctx.fold(logical, group.id)
    for user in as_list(p.get("Users")) if not is_unknown(p.get("Users")) else []:
        draft = fold_target(ctx, user, "IamUser")
        if draft is not None and group.id not in draft.props["groups"]:
            draft.props["groups"].append(group.id)


@maps("AWS::IAM::Group", kind="IamGroup")
def iam_group(ctx: ImportContext, logical: str) -> None:
    refs, _ = _policy_refs(ctx, logical, ctx.props(logical))
    ctx.new(logical, policies=refs)


@maps("AWS::IAM::ManagedPolicy", "AWS::IAM::Policy", kind="IamPolicy")
def iam_policy(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    statements, document = _statements(ctx, logical, p.get("PolicyDocument"))
    ctx.new(logical, statements=statements, document=document)


def attach_policies(ctx: ImportContext) -> None:
    """Policies name their roles, users and groups (``Roles: [!Ref R]``); the model keeps the
    attachment on the role, user or group."""
    for logical in ctx.of_type("AWS::IAM::ManagedPolicy", "AWS::IAM::Policy"):
        policy_id = ctx.model_ids.get(logical)
        if policy_id is None:
            continue
        p = ctx.props(logical)
        for key, kind in (("Roles", "IamRole"), ("Users", "IamUser"), ("Groups", "IamGroup")):
            items = as_list(p.get(key))
            for item in items if not is_unknown(items) else []:
                draft = fold_target(ctx, item, kind)
                if draft is not None and policy_id not in draft.props["policies"]:
                    draft.props["policies"].append(policy_id)


def _statements(ctx: ImportContext, logical: str, document: Any) -> tuple[list, str]:
    """A policy document as statement rows when it is just Effect/Action/Resource, else as text."""
    if not isinstance(document, dict):
        return [], "" if document is None else json.dumps(to_form(document), indent=2)
    rows = []
    for statement in as_list(document.get("Statement")):
        if not isinstance(statement, dict) or set(statement) - {"Sid", "Effect", "Action",
                                                                "Resource"} or "Sid" in statement:
            return [], json.dumps(to_form(document), indent=2)
        try:
            actions, resources = (texts(_listed(statement.get("Action"))),
                                  texts(_listed(statement.get("Resource"))))
        except ValueProblem:
            return [], json.dumps(to_form(document), indent=2)
        if not isinstance(actions, tuple) or not isinstance(resources, tuple):
            return [], json.dumps(to_form(document), indent=2)
        rows.append(ctx.record("IamPolicy", "statements",
                               effect=choice(ctx, logical, "Effect", statement.get("Effect"),
                                             ("Allow", "Deny"), "Allow"),
                               actions=list(actions), resources=list(resources)))
    return rows, ""


def _plan_profile(ctx: ImportContext, logical: str):
    """An instance profile with one template role is folded into the role, and folded at once, so
    that instances and launch templates naming the profile refer to the role."""
    roles = as_list(ctx.props(logical).get("Roles"))
    if not is_unknown(roles) and len(roles) == 1 and is_ref_to(ctx, roles[0], "AWS::IAM::Role"):
        ctx.fold(logical, roles[0].id)
        return None
    return "GenericResource"


def _listed(value: Any) -> Any:
    """A statement's Action or Resource as a list: one value (even a symbolic one) is a list of one."""
    return value if isinstance(value, list) or value is None else [value]


@maps("AWS::IAM::InstanceProfile", plan=_plan_profile)
def instance_profile(ctx: ImportContext, logical: str) -> None:
    ctx.fold(logical, ctx.props(logical)["Roles"][0].id)
