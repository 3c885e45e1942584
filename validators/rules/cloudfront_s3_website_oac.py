"""cloudfront-s3-website-oac: an S3 website endpoint origin given origin access control."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record
from .cloudfront_s3_without_oac import s3_origins


def check_one(diagram: Diagram, dist):
    for origin, bucket in s3_origins(diagram, dist):
        if bucket.get("website") and origin.get("access_control") != "none":
            yield RULE.finding("CloudFront distribution {dist}: origin {origin} is the website endpoint "
                               "of {bucket}, which cannot use {access}.", [dist.id, bucket.id],
                               dist=dist.label, origin=origin.get("origin_id"), bucket=bucket.label,
                               access=origin.get("access_control").upper())


RULE = Rule(
    id="cloudfront-s3-website-oac",
    severity=Severity.ERROR,
    title="S3 website origin with origin access control",
    fix="Set the website endpoint up as a custom origin without OAC or OAI, or use the bucket's REST "
        "endpoint with OAC instead.",
    lesson=("A bucket's static-website endpoint is an ordinary HTTP server, so CloudFront must use it "
            "as a custom origin. Origin access control and origin access identity only work with "
            "the bucket's REST endpoint, where CloudFront can sign its requests."),
    docs="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html",
    watches=("CloudFrontDistribution", "S3Bucket"),
    watches_properties={"CloudFrontDistribution": ("origins",), "S3Bucket": ("website",)},
    watches_relations=False,
    scope=per_record("CloudFrontDistribution", check_one, reach=1),
)
