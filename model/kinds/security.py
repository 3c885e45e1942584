"""Security & identity: security groups, network ACLs, certificates and IAM."""

from __future__ import annotations

from ..frozen import freeze
from ..schema import ROOT, Kind
from ._fields import (choice, flag, longtext, nacl_rule_fields, records, ref, refs, sg_rule_fields,
                      text, texts)

CATEGORY = "Security & identity"

#: A new security group allows all outbound traffic and nothing inbound (AWS's own default).
DEFAULT_EGRESS = freeze([{"protocol": "all", "from_port": 0, "to_port": 65535, "cidr": "0.0.0.0/0",
                          "destination_group": "", "prefix_list": "",
                          "description": "All outbound traffic"}])

_INGRESS = sg_rule_fields("source_group", "allows traffic from")
_EGRESS = sg_rule_fields("destination_group", "allows traffic to")

KINDS = (
    Kind("SecurityGroup", "Security group", CATEGORY, ("Vpc",), cfn_type="AWS::EC2::SecurityGroup",
         description=(
             "A stateful firewall on network interfaces: allow rules only, and replies to allowed "
             "traffic are always let back."), fields=(
        text("description", "Managed by Kumozu"),
        records("ingress", *_INGRESS, label="Inbound rules"),
        records("egress", *_EGRESS, default=DEFAULT_EGRESS, label="Outbound rules"),
    )),
    Kind("NetworkAcl", "Network ACL", CATEGORY, ("Vpc",), cfn_type="AWS::EC2::NetworkAcl",
         description=(
             "A stateless firewall at the subnet boundary: numbered allow and deny rules, checked "
             "lowest number first, in each direction separately."), fields=(
        flag("default", False, label="Default network ACL",
             help="The VPC's default ACL, used by every subnet without one of its own."),
        records("inbound", *nacl_rule_fields(), label="Inbound rules"),
        records("outbound", *nacl_rule_fields(), label="Outbound rules"),
    )),
    Kind("AcmCertificate", "ACM certificate", CATEGORY, ("Region", ROOT),
         cfn_type="AWS::CertificateManager::Certificate", description=(
             "A TLS certificate from AWS Certificate Manager. Certificates are regional: CloudFront "
             "only uses ones in us-east-1."), fields=(
        text("domain_name", "example.com"),
        texts("subject_alternative_names", label="Other names"),
        text("region", "", help="Empty: the Region it is drawn in, or the design's Region."),
        choice("validation", ("DNS", "EMAIL"), "DNS"),
        choice("source", ("amazon-issued", "imported"), "amazon-issued",
               help="Issued by Amazon Trust Services, or imported from another authority."),
    )),
    Kind("IamUser", "IAM user", CATEGORY, (ROOT,), cfn_type="AWS::IAM::User", description=(
        "A person or program with long-term credentials and the permissions of its policies and "
        "groups."), fields=(
        refs("groups", ("IamGroup",), "member of"),
        refs("policies", ("IamPolicy",), "has policy", drawn=False),
        flag("console_access", True),
        flag("access_keys", False, label="Has access keys"),
        flag("mfa", True, label="MFA required"),
    )),
    Kind("IamGroup", "IAM group", CATEGORY, (ROOT,), cfn_type="AWS::IAM::Group", description=(
        "A set of users who share permissions. Groups hold users only; they cannot be nested."), fields=(
        refs("policies", ("IamPolicy",), "has policy"),
    )),
    Kind("IamRole", "IAM role", CATEGORY, (ROOT,), cfn_type="AWS::IAM::Role", description=(
        "An identity with temporary credentials, assumed by a trusted service or principal."), fields=(
        text("trusted_service", "ec2.amazonaws.com", suggestions=(
            "ec2.amazonaws.com", "lambda.amazonaws.com", "ecs-tasks.amazonaws.com",
            "codedeploy.amazonaws.com", "events.amazonaws.com"),
            help="The principal allowed to assume the role."),
        refs("policies", ("IamPolicy",), "has policy"),
        texts("managed_policy_arns", label="AWS managed policies"),
    )),
    Kind("IamPolicy", "IAM policy", CATEGORY, (ROOT,), cfn_type="AWS::IAM::ManagedPolicy", description=(
        "A document of Allow and Deny statements. An explicit Deny always wins."), fields=(
        records("statements",
                choice("effect", ("Allow", "Deny"), "Allow"),
                texts("actions", ("s3:GetObject",)),
                texts("resources", ("*",)),
                label="Statements"),
        longtext("document", "", help="The policy JSON, when it does not fit the statements table."),
    )),
)
