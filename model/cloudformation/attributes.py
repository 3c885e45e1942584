"""Resource attributes whose values a template determines, so ``Fn::GetAtt`` can compute them.

``!GetAtt Vpc.CidrBlock`` is the VPC's ``CidrBlock`` property; ``!GetAtt Subnet.AvailabilityZone`` is
the zone it was given. Every other attribute (an ARN, a DNS name, an id AWS assigns) stays a
reference to its resource.
"""

from __future__ import annotations

from typing import Any

from .context import ImportContext

__all__ = ["known_attribute"]


def known_attribute(ctx: ImportContext, logical: str, attribute: str) -> Any:
    """The attribute's value when the template determines it, else None."""
    body = ctx.resources.get(logical)
    if body is None:
        return None
    kind = body["Type"]
    props = ctx.props(logical)
    if kind == "AWS::EC2::VPC":
        if attribute == "CidrBlock":
            return props.get("CidrBlock")
        if attribute == "Ipv6CidrBlocks":
            return _vpc_ipv6_blocks(ctx, logical)
    elif kind == "AWS::EC2::Subnet":
        if attribute in ("AvailabilityZone", "CidrBlock", "VpcId"):
            return props.get(attribute)
        if attribute == "Ipv6CidrBlocks" and isinstance(props.get("Ipv6CidrBlock"), str):
            return [props["Ipv6CidrBlock"]]
    elif kind == "AWS::EC2::SecurityGroup" and attribute == "VpcId":
        return props.get("VpcId")
    return None


def _vpc_ipv6_blocks(ctx: ImportContext, vpc: str) -> list | None:
    """The VPC's IPv6 blocks, when they are written down: a literal ``Ipv6CidrBlock`` on one of its
    ``AWS::EC2::VPCCidrBlock`` resources, or the block a Kumozu export recorded. An
    Amazon-provided block is chosen by AWS at deploy time and stays unknown."""
    recorded = ((ctx.kumozu(vpc).get("properties") or {}).get("ipv6_cidr")
                if isinstance(ctx.kumozu(vpc).get("properties"), dict) else None)
    if isinstance(recorded, str) and recorded:
        return [recorded]
    for name in ctx.of_type("AWS::EC2::VPCCidrBlock"):
        raw = (ctx.resources[name].get("Properties") or {}).get("VpcId")
        if not (isinstance(raw, dict) and raw.get("Ref") == vpc):
            continue
        value = ctx.props(name).get("Ipv6CidrBlock")
        if isinstance(value, str):
            return [value]
    return None
