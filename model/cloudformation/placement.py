"""Where imported resources are drawn: Region ⊃ VPC ⊃ Availability Zone ⊃ subnet ⊃ instance.

A template says where things are through properties (``VpcId``, ``SubnetId``, ``AvailabilityZone``);
the model says it through containment. One Availability Zone container is added per (VPC, zone)
that has subnets, with the id ``<vpc>-<zone>``; VPCs and regional services go in one Region
container; edge and global services (CloudFront, Route 53, IAM, and certificates CloudFront uses)
stay at the top level.
"""

from __future__ import annotations

import re

from .. import kinds as _kinds
from .context import Draft, ImportContext

__all__ = ["place"]

#: Generic resources of these services are global: drawn outside every Region.
_GLOBAL_SERVICES = ("AWS::IAM::", "AWS::Route53::", "AWS::CloudFront::", "AWS::Organizations::",
                    "AWS::WAFv2::WebACL", "AWS::GlobalAccelerator::")

_SUBNET_KEYS = ("SubnetId", "Subnet")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.:\-]")
_VPC_KEYS = ("VpcId", "VPCId", "Vpc")


class _Placer:
    def __init__(self, ctx: ImportContext):
        self.ctx = ctx
        self.region_id: str | None = None
        self.zones: dict[tuple[str, str], str] = {}
        for draft in ctx.sorted_drafts():
            if draft.kind == "Region" and self.region_id is None:
                self.region_id = draft.id
            if draft.kind == "AvailabilityZone" and draft.parent:
                self.zones.setdefault((draft.parent, str(draft.props.get("zone"))), draft.id)

    # ------------------------------------------------------------------ containers
    def region(self) -> str:
        if self.region_id is None:
            rid = self.ctx.reserve(_safe_id(self.ctx.region, "region"), "Region")
            draft = self.ctx.add(rid, "Region", self.ctx.region, region=self.ctx.region)
            draft.explicit_parent = True
            self.region_id = rid
        return self.region_id

    def zone(self, vpc: str, zone: str) -> str:
        key = (vpc, zone)
        rid = self.zones.get(key)
        if rid is None:
            rid = self.ctx.reserve(f"{vpc}-{_safe_id(zone, 'zone')}", "AvailabilityZone")
            draft = self.ctx.add(rid, "AvailabilityZone", zone, zone=zone)
            draft.parent, draft.explicit_parent = vpc, True
            self.zones[key] = rid
        return rid

    # ------------------------------------------------------------------ questions
    def kind_of(self, rid: str | None) -> str | None:
        return self.ctx.kinds.get(rid) if rid else None

    def vpc_of(self, rid, seen=()) -> str | None:
        """The VPC a draft is in or belongs to, from what the mappers found out."""
        draft = self.ctx.drafts.get(rid) if isinstance(rid, str) else None
        if draft is None or rid in seen:
            return None
        if draft.kind == "Vpc":
            return draft.id
        seen = seen + (rid,)
        for candidate in (draft.parent if draft.explicit_parent else None, draft.parent_hint):
            found = self.vpc_of(candidate, seen)
            if found:
                return found
        props = draft.props
        related = list(_ids(props.get("subnets"))) + list(_ids(props.get("security_groups")))
        related += [props.get("db_subnet_group")] if isinstance(props.get("db_subnet_group"), str) else []
        if draft.kind == "InternetGateway" or draft.kind == "EgressOnlyInternetGateway":
            related.insert(0, props.get("vpc"))
        for candidate in related:
            found = self.vpc_of(candidate, seen)
            if found:
                return found
        if draft.kind == "TargetGroup":  # a Lambda target group: the VPC of its load balancers
            for other in self.ctx.sorted_drafts():
                if other.kind == "LoadBalancer" and any(
                        l.get("target_group") == draft.id for l in other.props.get("listeners", [])):
                    return self.vpc_of(other.id, seen)
        return None

    # ------------------------------------------------------------------ deciding
    def parent_of(self, draft: Draft) -> str | None:
        kind = draft.kind
        hint = draft.parent_hint
        if kind in ("Region",):
            return None
        if kind == "Vpc":
            return self.region()
        if kind == "Subnet":
            vpc = hint if self.kind_of(hint) == "Vpc" else None
            if vpc is None:
                vpc = self.ctx.default_vpc(draft.logical)
            zone = draft.props.get("availability_zone")
            return self.zone(vpc, zone) if isinstance(zone, str) and zone else vpc
        if kind in ("Instance", "NatGateway"):
            if self.kind_of(hint) in ("Subnet", "AutoScalingGroup"):
                return hint
            return self.ctx.default_subnet(draft.logical)
        if kind == "DnsRecord":
            return hint
        if kind == "EcsService" and self.kind_of(hint) == "EcsCluster":
            return hint
        if kind == "AcmCertificate":
            used_by_cdn = any(d.kind == "CloudFrontDistribution" and d.props.get("certificate") == draft.id
                              for d in self.ctx.drafts.values())
            return None if used_by_cdn else self.region()
        if kind == "GenericResource":
            return self.generic_parent(draft)
        spec = _kinds.kind(kind)
        if "Vpc" in spec.parents or "Subnet" in spec.parents:
            vpc = self.vpc_of(draft.id)
            if kind == "EcsCluster":
                vpc = self.cluster_vpc(draft.id)
            if vpc is not None and "Vpc" in spec.parents:
                return vpc
            if "Region" not in spec.parents and None not in spec.parents:
                return self.ctx.default_vpc(draft.logical)
        if "Region" in spec.parents:
            return self.region()
        return None

    def cluster_vpc(self, cluster: str) -> str | None:
        vpcs = {self.vpc_of(d.id) for d in self.ctx.drafts.values()
                if d.kind == "EcsService" and d.parent_hint == cluster}
        vpcs.discard(None)
        return vpcs.pop() if len(vpcs) == 1 else None

    def generic_parent(self, draft: Draft) -> str | None:
        resource_type = str(draft.props.get("resource_type", ""))
        if resource_type.startswith(_GLOBAL_SERVICES):
            return None
        props = draft.props.get("cfn_properties")
        if isinstance(props, dict):
            for keys, kind in ((_SUBNET_KEYS, "Subnet"), (_VPC_KEYS, "Vpc")):
                for key in keys:
                    value = props.get(key)
                    target = value.get("Ref") if isinstance(value, dict) else None
                    if self.kind_of(target) == kind:
                        return target
        return self.region()


def _safe_id(text: str, fallback: str) -> str:
    """``text`` as a model id: characters ids may not hold become dashes."""
    cleaned = _ID_UNSAFE.sub("-", text).lstrip("-_.:")
    return cleaned or fallback


def _ids(value) -> list:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def place(ctx: ImportContext) -> None:
    """Decide every draft's parent (drafts with an explicit parent keep theirs)."""
    placer = _Placer(ctx)
    pending = [d for d in ctx.sorted_drafts() if not d.explicit_parent]
    while pending:  # placing may draw a default VPC or subnet, which needs a place in turn
        for draft in pending:
            draft.parent = placer.parent_of(draft)
            draft.explicit_parent = True
        pending = [d for d in ctx.sorted_drafts() if not d.explicit_parent]
