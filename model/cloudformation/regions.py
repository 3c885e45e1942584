"""What a template can know about a Region without asking AWS: its Availability Zone names, its
partition and domain suffix, and the Route 53 zone of its S3 website endpoint.

``Fn::GetAZs`` returns the zones *the calling account* can use, in alphabetical order
(https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getavailabilityzones.html).
The table below lists the zones most accounts see; an account that sees a different set gets the
same template laid out on different zone names, which is why an unknown Region stays symbolic rather
than being guessed.
"""

from __future__ import annotations

__all__ = ["AVAILABILITY_ZONES", "availability_zones", "partition", "url_suffix",
           "S3_WEBSITE_HOSTED_ZONES", "CLOUDFRONT_HOSTED_ZONE"]


def _zones(region: str, letters: str) -> tuple[str, ...]:
    return tuple(f"{region}{letter}" for letter in letters)


#: Availability Zone names per Region, alphabetical (the order ``Fn::GetAZs`` returns them in).
AVAILABILITY_ZONES: dict[str, tuple[str, ...]] = {
    "us-east-1": _zones("us-east-1", "abcdef"),
    "us-east-2": _zones("us-east-2", "abc"),
    "us-west-1": _zones("us-west-1", "ac"),
    "us-west-2": _zones("us-west-2", "abcd"),
    "ca-central-1": _zones("ca-central-1", "abd"),
    "sa-east-1": _zones("sa-east-1", "abc"),
    "eu-west-1": _zones("eu-west-1", "abc"),
    "eu-west-2": _zones("eu-west-2", "abc"),
    "eu-west-3": _zones("eu-west-3", "abc"),
    "eu-central-1": _zones("eu-central-1", "abc"),
    "eu-north-1": _zones("eu-north-1", "abc"),
    "ap-northeast-1": _zones("ap-northeast-1", "acd"),
    "ap-northeast-2": _zones("ap-northeast-2", "abcd"),
    "ap-northeast-3": _zones("ap-northeast-3", "abc"),
    "ap-southeast-1": _zones("ap-southeast-1", "abc"),
    "ap-southeast-2": _zones("ap-southeast-2", "abc"),
    "ap-south-1": _zones("ap-south-1", "abc"),
}

#: Route 53 hosted zone of each Region's S3 website endpoint, for alias records to a bucket website
#: (https://docs.aws.amazon.com/general/latest/gr/s3.html#s3_website_region_endpoints).
S3_WEBSITE_HOSTED_ZONES = {
    "us-east-1": "Z3AQBSTGFYJSTF", "us-east-2": "Z2O1EMRO9K5GLX", "us-west-1": "Z2F56UZL2M1ACD",
    "us-west-2": "Z3BJ6K6RIION7M", "ca-central-1": "Z1QDHH18159H29", "sa-east-1": "Z7KQH4QJS55SO",
    "eu-west-1": "Z1BKCTXD74EZPE", "eu-west-2": "Z3GKZC51ZF0DB4", "eu-west-3": "Z3R1K369G5AVDG",
    "eu-central-1": "Z21DNDUVLTQW6Q", "eu-north-1": "Z3BAZG2TWCNX0D",
    "ap-northeast-1": "Z2M4EHUR26P7ZW", "ap-northeast-2": "Z3W03O7B5YMIYP",
    "ap-northeast-3": "Z2YQB5RD63NC85", "ap-southeast-1": "Z3O0J2DXBE1FTB",
    "ap-southeast-2": "Z1WCIGYICN2BYD", "ap-south-1": "Z11RGJOFQNVJUP",
}

#: The one hosted zone every CloudFront alias record names (Route 53 AliasTarget documentation).
CLOUDFRONT_HOSTED_ZONE = "Z2FDTNDATAQYW2"


def availability_zones(region: str) -> tuple[str, ...] | None:
    """The zone names ``Fn::GetAZs`` gives in ``region``, or ``None`` for a Region not in the table."""
    return AVAILABILITY_ZONES.get(region)


def partition(region: str) -> str:
    """``AWS::Partition``: aws, aws-cn or aws-us-gov."""
    if region.startswith("cn-"):
        return "aws-cn"
    if region.startswith("us-gov-"):
        return "aws-us-gov"
    return "aws"


def url_suffix(region: str) -> str:
    """``AWS::URLSuffix``: the domain suffix of the Region's endpoints."""
    return "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"
