"""Text in the two languages of the labs: English and Japanese.

Every text a student reads in a lab exists in both languages at once (:class:`LocalText`), so the
editor can switch language without grading again. The grader's own sentences are written here as
pairs too; resource names and CIDRs are filled in afterwards and never translated.

The Japanese follows the register of the study notes the course is built on (plain style, with the
full-width "，" and "．"), and uses the notes' terms: パブリックサブネット, NAT Gateway,
ルートテーブル, セキュリティグループ, ターゲットグループ, SSLターミネーション...
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping

from model import kinds as _kinds

__all__ = ["LANGUAGES", "LocalText", "pair", "default_language", "kind_label", "kind_labels_ja",
           "join"]

#: The languages every lab text must be written in, the first being the fallback.
LANGUAGES = ("en", "ja")


@dataclass(frozen=True)
class LocalText:
    """One text in English and Japanese. ``str()`` gives the English."""

    en: str
    ja: str

    def get(self, language: str) -> str:
        """The text in ``language``; English for a language the labs are not written in."""
        return self.ja if language == "ja" else self.en

    def format(self, **params) -> "LocalText":
        """Both texts with their ``{name}`` fields filled from ``params``. A parameter may itself be
        a :class:`LocalText`, in which case each language gets its own version."""
        return LocalText(self.en.format(**_pick(params, "en")), self.ja.format(**_pick(params, "ja")))

    def __add__(self, other: "LocalText") -> "LocalText":
        return LocalText(self.en + other.en, self.ja + other.ja)

    def __str__(self) -> str:
        return self.en

    def as_dict(self) -> dict:
        return {"en": self.en, "ja": self.ja}


def pair(en: str, ja: str) -> LocalText:
    return LocalText(en, ja)


def join(texts, en_separator: str = ", ", ja_separator: str = "，") -> LocalText:
    """Several texts joined, each language with its own separator."""
    texts = list(texts)
    return LocalText(en_separator.join(t.en for t in texts), ja_separator.join(t.ja for t in texts))


def _pick(params: Mapping, language: str) -> dict:
    return {k: (v.get(language) if isinstance(v, LocalText) else v) for k, v in params.items()}


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """``ja`` when the user's locale is Japanese (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, in the
    order POSIX gives them precedence), else ``en``."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


# The kinds as the workshop calls them. Service names stay in the Latin alphabet, as the notes
# write them (EC2, ALB, Route53); generic nouns are in katakana or kanji.
_KIND_LABELS_JA = {
    "Region": "リージョン",
    "AvailabilityZone": "アベイラビリティゾーン",
    "Vpc": "VPC",
    "Subnet": "サブネット",
    "InternetGateway": "インターネットゲートウェイ",
    "EgressOnlyInternetGateway": "Egress-only インターネットゲートウェイ",
    "NatGateway": "NAT Gateway",
    "VpcEndpoint": "VPCエンドポイント",
    "RouteTable": "ルートテーブル",
    "VpcPeering": "VPCピアリング接続",
    "TransitGateway": "Transit Gateway",
    "TransitGatewayAttachment": "Transit Gateway アタッチメント",
    "LoadBalancer": "ロードバランサー",
    "TargetGroup": "ターゲットグループ",
    "SecurityGroup": "セキュリティグループ",
    "NetworkAcl": "ネットワークACL",
    "AcmCertificate": "ACM証明書",
    "IamUser": "IAMユーザ",
    "IamGroup": "IAMグループ",
    "IamRole": "IAMロール",
    "IamPolicy": "IAMポリシー",
    "Instance": "EC2インスタンス",
    "AutoScalingGroup": "Auto Scaling グループ",
    "LambdaFunction": "Lambda関数",
    "LightsailInstance": "Lightsail インスタンス",
    "EcsCluster": "ECSクラスター",
    "EcsService": "ECSサービス",
    "TaskDefinition": "タスク定義",
    "EcrRepository": "ECRリポジトリ",
    "RdsInstance": "RDSインスタンス",
    "AuroraCluster": "Auroraクラスター",
    "DbSubnetGroup": "DBサブネットグループ",
    "DynamoDbTable": "DynamoDBテーブル",
    "ElastiCacheCluster": "ElastiCacheクラスター",
    "S3Bucket": "S3バケット",
    "CloudFrontDistribution": "CloudFrontディストリビューション",
    "HostedZone": "Route53ホストゾーン",
    "DnsRecord": "DNSレコード",
    "ApiGateway": "API Gateway",
    "SqsQueue": "SQSキュー",
    "SnsTopic": "SNSトピック",
    "EventRule": "EventBridgeルール",
    "LogGroup": "CloudWatch Logs ロググループ",
    "CloudTrailTrail": "CloudTrail証跡",
    "CodeDeployApplication": "CodeDeployアプリケーション",
    "GenericResource": "その他のリソース",
}


def kind_labels_ja() -> dict[str, str]:
    """The Japanese name of every kind (a copy)."""
    return dict(_KIND_LABELS_JA)


def kind_label(kind_name: str) -> LocalText:
    """What a kind is called, in both languages (``NatGateway`` -> NAT gateway / NAT Gateway)."""
    if not _kinds.is_kind(kind_name):
        return LocalText(kind_name, kind_name)
    return LocalText(_kinds.kind(kind_name).label, _KIND_LABELS_JA.get(kind_name, kind_name))
