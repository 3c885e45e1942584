"""cloudfront-s3-without-oac: an S3 (REST) origin without origin access control."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def s3_origins(diagram: Diagram, dist):
    """``(origin, bucket)`` for each origin of a distribution that is an S3 bucket."""
    for origin in dist.get("origins", ()):
        bucket = diagram.get(origin.get("target")) if isinstance(origin.get("target"), str) else None
        if bucket is not None and bucket.kind == "S3Bucket":
            yield origin, bucket


def check_one(diagram: Diagram, dist):
    for origin, bucket in s3_origins(diagram, dist):
        if not bucket.get("website") and origin.get("access_control") == "none":
            yield RULE.finding("CloudFront distribution {dist}: S3 origin {origin} ({bucket}) has no "
                               "origin access control, so the bucket must be public.",
                               [dist.id, bucket.id], dist=dist.label, origin=origin.get("origin_id"),
                               bucket=bucket.label)


RULE = Rule(
    id="cloudfront-s3-without-oac",
    severity=Severity.WARNING,
    title="S3 origin without origin access control",
    fix="Give the origin an origin access control (OAC) and let only the distribution read the bucket.",
    lesson=("With origin access control, CloudFront signs its requests to S3 and the bucket policy "
            "allows only your distribution, so the bucket stays private and nobody can bypass the "
            "CDN. AWS recommends OAC over the older origin access identity (OAI)."),
    docs="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html",
    watches=("CloudFrontDistribution", "S3Bucket"),
    watches_properties={"CloudFrontDistribution": ("origins",), "S3Bucket": ("website",)},
    watches_relations=False,
    scope=per_record("CloudFrontDistribution", check_one, reach=1),
)
