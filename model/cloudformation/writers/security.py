"""Security groups, certificates and IAM."""

from __future__ import annotations

import json
import re

from ...kinds.security import DEFAULT_EGRESS
from ...resources import Resource
from ...schema import Unresolved
from ..writer import Writer
from . import writes
from .network import vpc_id

__all__ = ["NO_EGRESS_RULE", "ec2_description", "security_group", "certificate", "trust_policy", "iam_role",
           "iam_user", "iam_group", "iam_policy"]

#: What EC2 refuses in a security group's or rule's description: anything but letters, digits,
#: spaces and ._-:/()#,@[]+=&;{}!$* (the constraint on GroupDescription and rule Description in
#: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html).
_NOT_IN_DESCRIPTIONS = re.compile(r"[^a-zA-Z0-9 ._\-:/()#,@\[\]+=&;{}!$*]+")


def ec2_description(text):
    """``text`` with the characters EC2 refuses in descriptions left out (an apostrophe, Japanese
    text), spaces collapsed and at most 255 characters (EC2's limit). Symbolic values are written as they are. The design's own text is
    kept in the Kumozu metadata by the exporter's comparison, so nothing is lost on import."""
    if not isinstance(text, str):
        return text
    text = re.sub(r"['\u2018\u2019\"`]", "", text)  # "client's" reads better as "clients"
    return " ".join(_NOT_IN_DESCRIPTIONS.sub(" ", text).split())[:255]


#: The egress rule that stands for "no outbound traffic" (see mappers.security.NO_EGRESS_RULE).
NO_EGRESS_RULE = {"IpProtocol": "-1", "CidrIp": "127.0.0.1/32"}


def _rule(w: Writer, rule, peer_field: str, direction: str) -> dict:
    name = rule.get("protocol")
    out = {"IpProtocol": "-1" if name == "all" else w.value(name)}
    low, high = rule.get("from_port"), rule.get("to_port")
    if name in ("icmp", "icmpv6"):
        low, high = (-1 if low == 0 and high == 65535 else low), (-1 if high == 65535 else high)
    if name not in ("all", "icmpv6") or (name == "icmpv6" and (low, high) != (-1, -1)):
        out["FromPort"], out["ToPort"] = w.value(low), w.value(high)
    cidr = rule.get("cidr")
    if cidr:
        out["CidrIpv6" if isinstance(cidr, str) and ":" in cidr else "CidrIp"] = w.value(cidr)
    peer = rule.get(peer_field)
    if peer:
        key = "SourceSecurityGroupId" if direction == "ingress" else "DestinationSecurityGroupId"
        out[key] = w.ref(peer, "GroupId")
    if rule.get("prefix_list"):
        key = "SourcePrefixListId" if direction == "ingress" else "DestinationPrefixListId"
        out[key] = w.value(rule.get("prefix_list"))
    description = ec2_description(w.value(rule.get("description")))
    if description:
        out["Description"] = description
    return out


def _split(rules, peer_field: str) -> int:
    """How many rules, from the start, can be written inside the group. A rule naming another
    group is written as a resource of its own, as are all after it (keeping their order), because
    two groups naming each other inline would depend on each other."""
    for i, rule in enumerate(rules):
        if rule.get(peer_field):
            return i
    return len(rules)


@writes("SecurityGroup")
def security_group(w: Writer, r: Resource) -> None:
    ingress = list(r.get("ingress", ()))
    egress = list(r.get("egress", ()))
    inline_in = _split(ingress, "source_group")
    inline_out = _split(egress, "destination_group")
    vpc = w.vpc_of(r)
    props = {"GroupDescription": ec2_description(w.value(r.get("description")))
             or ec2_description(r.label) or w.main(r),
             "VpcId": None if vpc is not None and vpc.get("existing") == "default" else vpc_id(w, r),
             "SecurityGroupIngress": [_rule(w, x, "source_group", "ingress")
                                      for x in ingress[:inline_in]] or None,
             "Tags": w.tags(r)}
    default = [dict(x) for x in DEFAULT_EGRESS]
    if [dict(x) for x in egress[:inline_out]] == default:
        inline_out = 1  # AWS adds this rule itself: writing nothing keeps it
    elif inline_out == 0:
        props["SecurityGroupEgress"] = [NO_EGRESS_RULE]  # no rule inline means "allow all"
    else:
        props["SecurityGroupEgress"] = [_rule(w, x, "destination_group", "egress")
                                        for x in egress[:inline_out]]
    logical = w.add(w.main(r), "AWS::EC2::SecurityGroup", props, r)
    group = {"Fn::GetAtt": [logical, "GroupId"]}
    for i, rule in enumerate(ingress[inline_in:], start=inline_in + 1):
        w.add(w.helper_id(r, f"Ingress{i}"), "AWS::EC2::SecurityGroupIngress",
              {"GroupId": group, **_rule(w, rule, "source_group", "ingress")}, r)
    for i, rule in enumerate(egress[inline_out:], start=inline_out + 1):
        w.add(w.helper_id(r, f"Egress{i}"), "AWS::EC2::SecurityGroupEgress",
              {"GroupId": group, **_rule(w, rule, "destination_group", "egress")}, r)


@writes("AcmCertificate")
def certificate(w: Writer, r: Resource) -> None:
    names = r.get("subject_alternative_names")
    w.add(w.main(r), "AWS::CertificateManager::Certificate", {
        "DomainName": w.value(r.get("domain_name")) or r.label,
        "SubjectAlternativeNames": w.value(names) or None,
        "ValidationMethod": w.value(r.get("validation"))}, r)


def trust_policy(principal) -> dict:
    """A role's trust policy for one service (``lambda.amazonaws.com``) or AWS principal (an
    account id or an ARN)."""
    aws = isinstance(principal, str) and (principal.isdigit() or principal.startswith("arn:")
                                          or principal == "*")
    key = "AWS" if aws else "Service"
    return {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {key: principal},
                                                    "Action": "sts:AssumeRole"}]}


def _policy_arns(w: Writer, r: Resource) -> list | None:
    arns = [w.ref(p) for p in r.get("policies", ())]
    managed = r.get("managed_policy_arns", ())
    if isinstance(managed, Unresolved):
        return [a for a in arns if a is not None] + [w.symbolic(managed, "CommaDelimitedList")]
    arns += [w.value(a) for a in managed]
    return [a for a in arns if a is not None] or None


@writes("IamRole")
def iam_role(w: Writer, r: Resource) -> None:
    principal = w.value(r.get("trusted_service")) or "ec2.amazonaws.com"
    w.add(w.main(r), "AWS::IAM::Role", {"AssumeRolePolicyDocument": trust_policy(principal),
                                        "ManagedPolicyArns": _policy_arns(w, r)}, r)


@writes("IamUser")
def iam_user(w: Writer, r: Resource) -> None:
    logical = w.main(r)
    login = None
    if r.get("console_access"):
        password = w.parameter(f"{logical}Password", "String",
                               f"The first console password of {r.label}", NoEcho=True)
        login = {"Password": password, "PasswordResetRequired": True}
    w.add(logical, "AWS::IAM::User", {"Groups": w.refs(r.get("groups")) or None,
                                      "ManagedPolicyArns": _policy_arns(w, r),
                                      "LoginProfile": login}, r)
    if r.get("access_keys"):
        w.add(w.helper_id(r, "AccessKey"), "AWS::IAM::AccessKey", {"UserName": {"Ref": logical}}, r)


@writes("IamGroup")
def iam_group(w: Writer, r: Resource) -> None:
    w.add(w.main(r), "AWS::IAM::Group", {"ManagedPolicyArns": _policy_arns(w, r)}, r)


@writes("IamPolicy")
def iam_policy(w: Writer, r: Resource) -> None:
    document = None
    if isinstance(r.get("document"), Unresolved):
        document = w.value(r.get("document"))
    elif r.get("document"):
        try:
            document = json.loads(r.get("document"))
        except ValueError:
            document = None
    if document is None:
        statements = [{"Effect": w.value(s.get("effect")), "Action": w.value(s.get("actions")),
                       "Resource": w.value(s.get("resources"))} for s in r.get("statements", ())]
        if not statements:  # a policy needs a statement; this one grants what everyone has
            statements = [{"Effect": "Allow", "Action": "sts:GetCallerIdentity", "Resource": "*"}]
        document = {"Version": "2012-10-17", "Statement": statements}
    w.add(w.main(r), "AWS::IAM::ManagedPolicy", {"PolicyDocument": document}, r)
