"""Questions about a diagram, as free functions taking the diagram first.

These encode how AWS reads a design: a subnet without a route table of its own uses its VPC's main
route table; a subnet is public when that table routes to an internet gateway; every route table
holds local routes for the VPC's blocks; a gateway endpoint adds a prefix-list route to the tables
associated with it. Indexes that many callers need are built once per diagram revision
(:meth:`Diagram.cached`), so a full validation pays O(n) for each, not O(n) per question.
"""

from __future__ import annotations

from typing import NamedTuple

from .cidr import is_prefix_list, parse
from .diagram import Diagram
from .resources import Resource

__all__ = ["Route", "vpc_of", "az_of", "region_of", "subnets_of", "subnets_in_vpc",
           "route_table_of", "main_route_table", "network_acl_of", "default_network_acl",
           "effective_routes", "is_public_subnet", "internet_gateways_of", "vpc_cidr_blocks",
           "security_groups_of", "resources_in_subnet", "targets_of", "endpoint_prefix_list",
           "zones_of", "display"]

#: Kinds whose network placement is a list of subnets rather than the container they sit in.
_PLACED_BY_SUBNETS = ("LoadBalancer", "AutoScalingGroup", "LambdaFunction", "EcsService", "VpcEndpoint",
                      "TransitGatewayAttachment", "ElastiCacheCluster", "DbSubnetGroup")


class Route(NamedTuple):
    """One route as AWS evaluates it. ``origin`` is ``local`` (implicit, for the VPC's own blocks),
    ``static`` (written in the table) or ``endpoint`` (added by a gateway endpoint)."""

    destination: str
    target: str
    origin: str
    path: str = ""


def display(d: Diagram, rid: str) -> str:
    """The name people know a resource by, or the id itself if it does not exist (a dangling
    reference)."""
    record = d.get(rid)
    return record.label if record else rid


def vpc_of(d: Diagram, rid: str) -> Resource | None:
    """The VPC a resource belongs to: the VPC it is drawn in; for gateways the VPC they are
    attached to; for resources placed by subnet lists, the VPC of their first subnet."""
    record = d.get(rid)
    if record is None:
        return None
    if record.kind == "Vpc":
        return record
    if record.kind in ("InternetGateway", "EgressOnlyInternetGateway"):
        return d.get(record.get("vpc"))
    for ancestor in d.ancestors(rid):
        if ancestor.kind == "Vpc":
            return ancestor
    for subnet in subnets_of(d, rid):
        vpc = vpc_of(d, subnet.id)
        if vpc is not None:
            return vpc
    return None


def az_of(d: Diagram, rid: str) -> str:
    """The Availability Zone of a subnet (or of a resource in exactly one subnet): the zone of the
    Availability Zone box it is drawn in, else its ``availability_zone`` property; "" if unknown."""
    record = d.get(rid)
    if record is None:
        return ""
    if record.kind != "Subnet":
        subnets = subnets_of(d, rid)
        return az_of(d, subnets[0].id) if len(subnets) == 1 else ""
    parent = d.get(record.parent)
    if parent is not None and parent.kind == "AvailabilityZone" and parent.get("zone"):
        return parent.get("zone")
    return record.get("availability_zone") or ""


def zones_of(d: Diagram, subnets) -> set[str]:
    """The distinct known zones of some subnets."""
    return {z for z in (az_of(d, s.id) for s in subnets) if z}


def region_of(d: Diagram, rid: str) -> str:
    """The Region a resource lives in: a certificate's own ``region`` if set, else the Region box it
    is drawn in, else the design's Region."""
    record = d.get(rid)
    if record is not None and record.kind == "AcmCertificate" and record.get("region"):
        return record.get("region")
    if record is not None:
        for ancestor in d.ancestors(rid):
            if ancestor.kind == "Region" and ancestor.get("region"):
                return ancestor.get("region")
    return d.region


def subnets_of(d: Diagram, rid: str) -> list[Resource]:
    """The subnets a resource's network interfaces are in.

    A subnet is its own; a resource drawn in a subnet is in that one; load balancers, Auto Scaling
    groups, functions, services, endpoints and caches list theirs; databases use their DB subnet
    group's; an instance drawn in an Auto Scaling group uses the group's. Missing ids are skipped.
    """
    record = d.get(rid)
    if record is None:
        return []
    if record.kind == "Subnet":
        return [record]
    if record.kind in _PLACED_BY_SUBNETS:
        return [s for s in (d.get(i) for i in record.get("subnets", ())) if s and s.kind == "Subnet"]
    if record.kind in ("RdsInstance", "AuroraCluster"):
        group = d.get(record.get("db_subnet_group"))
        if group is not None:
            return subnets_of(d, group.id)
    for ancestor in d.ancestors(rid):
        if ancestor.kind == "Subnet":
            return [ancestor]
        if ancestor.kind in ("AutoScalingGroup", "EcsService"):
            return subnets_of(d, ancestor.id)
    return []


def subnets_in_vpc(d: Diagram, vpc_id: str) -> list[Resource]:
    """Every subnet drawn in the VPC (directly or in one of its Availability Zones)."""
    index = d.cached("subnets_by_vpc", lambda: _index_by_vpc(d, "Subnet"))
    return index.get(vpc_id, [])


def _index_by_vpc(d: Diagram, kind_name: str) -> dict[str, list[Resource]]:
    index: dict[str, list[Resource]] = {}
    for record in d.of_kind(kind_name):
        vpc = vpc_of(d, record.id)
        if vpc is not None:
            index.setdefault(vpc.id, []).append(record)
    return index


def main_route_table(d: Diagram, vpc_id: str) -> Resource | None:
    """The VPC's main route table (the first marked main), or ``None`` when none is drawn (AWS's
    implicit main table then holds only local routes)."""
    def build():
        index: dict[str, Resource] = {}
        for rt in d.of_kind("RouteTable"):
            vpc = vpc_of(d, rt.id)
            if rt.get("main") and vpc is not None:
                index.setdefault(vpc.id, rt)
        return index
    return d.cached("main_route_tables", build).get(vpc_id)


def route_table_of(d: Diagram, subnet_id: str) -> Resource | None:
    """The route table a subnet uses: its own association, else its VPC's main route table."""
    subnet = d.get(subnet_id)
    if subnet is None:
        return None
    own = d.get(subnet.get("route_table"))
    if own is not None:
        return own
    vpc = vpc_of(d, subnet_id)
    return main_route_table(d, vpc.id) if vpc else None


def default_network_acl(d: Diagram, vpc_id: str) -> Resource | None:
    def build():
        index: dict[str, Resource] = {}
        for acl in d.of_kind("NetworkAcl"):
            vpc = vpc_of(d, acl.id)
            if acl.get("default") and vpc is not None:
                index.setdefault(vpc.id, acl)
        return index
    return d.cached("default_network_acls", build).get(vpc_id)


def network_acl_of(d: Diagram, subnet_id: str) -> Resource | None:
    """The network ACL a subnet uses: its own, else the VPC's default one; ``None`` means AWS's
    implicit default ACL, which allows everything both ways."""
    subnet = d.get(subnet_id)
    if subnet is None:
        return None
    own = d.get(subnet.get("network_acl"))
    if own is not None:
        return own
    vpc = vpc_of(d, subnet_id)
    return default_network_acl(d, vpc.id) if vpc else None


def vpc_cidr_blocks(d: Diagram, vpc_id: str) -> list[str]:
    """The VPC's IPv4 blocks and its IPv6 block, as written (unparseable ones included)."""
    vpc = d.get(vpc_id)
    if vpc is None:
        return []
    blocks = [b for b in vpc.get("cidr_blocks", ()) if isinstance(b, str)]
    if isinstance(vpc.get("ipv6_cidr"), str) and vpc.get("ipv6_cidr"):
        blocks.append(vpc.get("ipv6_cidr"))
    return blocks


def endpoint_prefix_list(service) -> str:
    """The symbolic prefix-list id a gateway endpoint for ``service`` adds: ``s3`` -> ``pl-s3``.
    A service a template left unknown adds a list that matches no AWS service (``pl-unresolved``)."""
    if not isinstance(service, str):
        return "pl-unresolved"
    short = service.rsplit(".", 1)[-1] if service.startswith("com.amazonaws.") else service
    return f"pl-{short}"


def effective_routes(d: Diagram, rt_id: str) -> list[Route]:
    """Every route the table holds as AWS sees it: local routes for each VPC block first, then the
    static routes in order, then a prefix-list route for each gateway endpoint associated with it."""
    rt = d.get(rt_id)
    if rt is None:
        return []
    routes: list[Route] = []
    vpc = vpc_of(d, rt_id)
    if vpc is not None:
        routes.extend(Route(block, "local", "local") for block in vpc_cidr_blocks(d, vpc.id)
                      if parse(block) is not None)
    for i, route in enumerate(rt.get("routes", ())):
        routes.append(Route(route.get("destination", ""), route.get("target", ""), "static",
                            f"routes.{i}"))
    for endpoint in d.referrers(rt_id, "VpcEndpoint", "route_tables"):
        if endpoint.get("endpoint_type") == "gateway":
            routes.append(Route(endpoint_prefix_list(endpoint.get("service", "")), endpoint.id,
                                "endpoint"))
    return routes


def is_public_subnet(d: Diagram, subnet_id: str) -> bool:
    """AWS's definition: the subnet's route table has a route to an internet gateway."""
    rt = route_table_of(d, subnet_id)
    if rt is None:
        return False
    for route in rt.get("routes", ()):
        target = d.get(route.get("target"))
        if target is not None and target.kind == "InternetGateway" \
                and not is_prefix_list(route.get("destination", "")):
            return True
    return False


def internet_gateways_of(d: Diagram, vpc_id: str) -> list[Resource]:
    """Internet gateways attached to the VPC."""
    return d.referrers(vpc_id, "InternetGateway", "vpc")


def security_groups_of(d: Diagram, rid: str) -> list[Resource]:
    """Security groups on a resource's network interfaces; an instance drawn in an Auto Scaling
    group with none of its own takes the group's (its launch template's)."""
    record = d.get(rid)
    if record is None:
        return []
    groups = [g for g in (d.get(i) for i in record.get("security_groups", ()) or ())
              if g is not None and g.kind == "SecurityGroup"]
    if not groups and record.kind == "Instance":
        parent = d.get(record.parent)
        if parent is not None and parent.kind == "AutoScalingGroup":
            return security_groups_of(d, parent.id)
    return groups


def resources_in_subnet(d: Diagram, subnet_id: str) -> list[Resource]:
    """Everything with a network interface in the subnet: drawn inside it, or placed in it by a
    subnet list (directly or through a DB subnet group)."""
    found: dict[str, Resource] = {r.id: r for r in d.descendants(subnet_id)}
    for referrer in d.referrers(subnet_id):
        if referrer.kind == "DbSubnetGroup":
            for db in d.referrers(referrer.id):
                if db.kind in ("RdsInstance", "AuroraCluster"):
                    found.setdefault(db.id, db)
        elif subnet_id in [s.id for s in subnets_of(d, referrer.id)]:
            found.setdefault(referrer.id, referrer)
    return list(found.values())


def targets_of(d: Diagram, tg_id: str) -> list[Resource]:
    """What a target group sends to: its listed targets, the Auto Scaling groups registered in it,
    and the ECS services whose load-balancer settings name it."""
    tg = d.get(tg_id)
    if tg is None:
        return []
    out = {t.id: t for t in (d.get(i) for i in tg.get("targets", ())) if t is not None}
    for referrer in d.referrers(tg_id):
        if referrer.kind in ("AutoScalingGroup", "EcsService"):
            out.setdefault(referrer.id, referrer)
    return list(out.values())
