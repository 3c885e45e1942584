"""Field labels and help as people read them, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model.i18n import choice_label, field_help, field_label, field_owner
from model.schema import Field

from ..translations import current_language

__all__ = ["display_label", "display_help", "display_choice"]

#: Words the model's generated labels write in lower case ("Network acl") that people write in capitals.
_ACRONYMS = {"acl": "ACL", "ip": "IP", "ipv4": "IPv4", "ipv6": "IPv6", "dns": "DNS", "ttl": "TTL",
             "tls": "TLS", "asn": "ASN", "iam": "IAM", "arn": "ARN", "arns": "ARNs", "ami": "AMI",
             "id": "ID", "http": "HTTP", "https": "HTTPS", "vpc": "VPC", "vpcs": "VPCs", "az": "AZ",
             "ecs": "ECS", "sqs": "SQS", "sns": "SNS", "kms": "KMS", "cpu": "CPU", "s3": "S3",
             "db": "DB", "nat": "NAT", "sse": "SSE", "mfa": "MFA", "url": "URL"}


def _english(field: Field) -> str:
    return " ".join(_ACRONYMS[word.lower()] if word.lower() in _ACRONYMS
                    and word in (word.lower(), word.capitalize()) else word
                    for word in field.label.split(" "))


def display_label(field: Field) -> str:
    """The field's label: acronyms in capitals (the model derives labels from names), in the
    interface language (the model's catalogue for the kinds' fields, the Qt translation for the
    editor's own fields, whose labels are marked with ``QT_TRANSLATE_NOOP("Fields", ...)``)."""
    english = _english(field)
    language = current_language()
    if language == "en":
        return english
    owner = field_owner(field)
    if owner is not None:
        return field_label(owner[0], owner[1], language, english)
    return QCoreApplication.translate("Fields", field.label)


def display_help(field: Field) -> str:
    """The field's help text in the interface language ("" when it has none)."""
    if not field.help:
        return ""
    language = current_language()
    if language == "en":
        return field.help
    owner = field_owner(field)
    if owner is not None:
        return field_help(owner[0], owner[1], language)
    return QCoreApplication.translate("Fields", field.help)


def display_choice(value: str) -> str:
    """An enumerated value as the combo box shows it ("パブリック（public）"; technical values as they
    are)."""
    return choice_label(value, current_language())
