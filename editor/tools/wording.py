"""Kind labels inside sentences: "a subnet", "2 route tables", "an Availability Zone"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model import kinds as _kinds
from model.i18n import kind_label as _kind_label
from model.naming import with_article

from ..translations import current_language

__all__ = ["in_sentence", "plural", "a_kind", "count_of"]

#: First words of kind labels that are ordinary nouns, written in lower case inside a sentence
#: ("3 subnets"); the others are names ("2 Availability Zones", "1 Lambda function").
_COMMON_NOUNS = {"Subnet", "Route", "Security", "Target", "Load", "Internet", "Egress-only", "Network",
                 "Transit", "Task", "Other"}


def in_sentence(label: str) -> str:
    """A kind label as written mid-sentence: "Route table" -> "route table", "VPC" -> "VPC"."""
    first = label.split(" ", 1)[0]
    return label[:1].lower() + label[1:] if first in _COMMON_NOUNS else label


def plural(label: str) -> str:
    """English plural of a kind label: "EC2 instance" -> "EC2 instances", "IAM policy" ->
    "IAM policies", "ECR repository" -> "ECR repositories", "VPC" -> "VPCs"."""
    if label.endswith("y") and len(label) > 1 and label[-2].lower() not in "aeiou":
        return label[:-1] + "ies"
    if label.endswith(("s", "x", "ch", "sh")):
        return label + "es"
    return label + "s"


def a_kind(kind_name: str | None) -> str:
    """"a subnet", "an EC2 instance", "a NAT gateway"; None is the canvas itself."""
    language = current_language()
    if kind_name is None:
        return QCoreApplication.translate("Wording", "the canvas outside every container")
    if language != "en":
        return _kind_label(kind_name, language)
    return with_article(in_sentence(_kinds.kind(kind_name).label))


def count_of(n: int, kind_label: str) -> str:
    """"1 subnet", "3 route tables" (in another language: the label as given and the count)."""
    if current_language() != "en":
        return QCoreApplication.translate("Wording", "%1 × %2").replace("%1", kind_label).replace(
            "%2", str(n))
    label = in_sentence(kind_label)
    return f"{n} {label if n == 1 else plural(label)}"
