"""Field labels as people write them."""

from __future__ import annotations

from model.schema import Field

__all__ = ["display_label"]

#: Words the model's generated labels write in lower case ("Network acl") that people write in capitals.
_ACRONYMS = {"acl": "ACL", "ip": "IP", "ipv4": "IPv4", "ipv6": "IPv6", "dns": "DNS", "ttl": "TTL",
             "tls": "TLS", "asn": "ASN", "iam": "IAM", "arn": "ARN", "arns": "ARNs", "ami": "AMI",
             "id": "ID", "http": "HTTP", "https": "HTTPS", "vpc": "VPC", "vpcs": "VPCs", "az": "AZ",
             "ecs": "ECS", "sqs": "SQS", "sns": "SNS", "kms": "KMS", "cpu": "CPU", "s3": "S3",
             "db": "DB", "nat": "NAT", "sse": "SSE", "mfa": "MFA", "url": "URL"}


def display_label(field: Field) -> str:
    """The field's label with acronyms in capitals (the model derives labels from names)."""
    return " ".join(_ACRONYMS[word.lower()] if word.lower() in _ACRONYMS
                    and word in (word.lower(), word.capitalize()) else word
                    for word in field.label.split(" "))
