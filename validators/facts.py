"""Small questions many rules ask, answered the same way everywhere.

Built on :mod:`model.queries`; nothing here decides anything from a resource's display name.
"""

from __future__ import annotations

from typing import Iterable

from model import queries as q
from model.cidr import Network, is_prefix_list, parse
from model.diagram import Diagram
from model.resources import Resource

__all__ = ["net", "in_vpc", "task_definition_of", "uses_awsvpc", "listener_target_groups", "fqdn", "record_fqdn", "zone_coverage", "default_route", "routes_of_subnet", "target_kind",
           "has_public_ipv4", "names", "US_EAST_1", "IPV4_DEFAULT", "IPV6_DEFAULT", "is_public"]

US_EAST_1 = "us-east-1"
IPV4_DEFAULT = "0.0.0.0/0"
IPV6_DEFAULT = "::/0"


def net(value) -> Network | None:
    """The network a CIDR property holds, or None (empty, unresolved or malformed)."""
    return parse(value) if isinstance(value, str) and value else None


def zone_coverage(d: Diagram, subnets: Iterable[Resource]) -> tuple[set, int]:
    """(distinct known zones, number of subnets whose zone is unknown)."""
    known: set = set()
    unknown = 0
    for subnet in subnets:
        zone = q.az_of(d, subnet.id)
        if zone:
            known.add(zone)
        else:
            unknown += 1
    return known, unknown


def routes_of_subnet(d: Diagram, subnet_id: str) -> list[dict]:
    """The static routes of the route table a subnet uses (its own or the main one)."""
    rt = q.route_table_of(d, subnet_id)
    return list(rt.get("routes", ())) if rt is not None else []


def default_route(d: Diagram, subnet_id: str, destination: str = IPV4_DEFAULT) -> Resource | None:
    """The resource a subnet's default route (``0.0.0.0/0`` or ``::/0``) sends to, if it exists."""
    for route in routes_of_subnet(d, subnet_id):
        if _same_destination(route.get("destination"), destination):
            return d.get(route.get("target"))
    return None


def _same_destination(a, b: str) -> bool:
    if not isinstance(a, str):
        return False
    if is_prefix_list(a) or is_prefix_list(b):
        return a == b
    na, nb = parse(a), parse(b)
    return na is not None and na == nb


def target_kind(d: Diagram, rid) -> str:
    record = d.get(rid) if isinstance(rid, str) else None
    return record.kind if record is not None else ""


def is_public(d: Diagram, subnet_id: str) -> bool:
    return q.is_public_subnet(d, subnet_id)


def has_public_ipv4(d: Diagram, instance: Resource) -> bool:
    """Whether an instance gets a public IPv4 address: asked for, an Elastic IP, or the subnet's
    auto-assign setting when it follows the subnet."""
    mode = instance.get("public_ip", "subnet-default")
    if mode in ("assign", "elastic"):
        return True
    if mode == "none":
        return False
    subnets = q.subnets_of(d, instance.id)
    return bool(subnets) and bool(subnets[0].get("map_public_ip_on_launch"))


def names(records: Iterable[Resource]) -> str:
    """Labels joined for a message parameter: ``a, b, c`` (no English words, so it translates)."""
    return ", ".join(r.label for r in records)


def in_vpc(d: Diagram, vpc_id: str, kind: str) -> list[Resource]:
    """Resources of ``kind`` that belong to the VPC (:func:`model.queries.vpc_of`). The index is
    built once per diagram revision: O(resources of that kind)."""
    def build():
        index: dict[str, list[Resource]] = {}
        for record in d.of_kind(kind):
            vpc = q.vpc_of(d, record.id)
            if vpc is not None:
                index.setdefault(vpc.id, []).append(record)
        return index
    return d.cached(("validators.in_vpc", kind), build).get(vpc_id, [])


def fqdn(name) -> str:
    """A domain name in one spelling: lower case, no trailing dot."""
    return name.strip().rstrip(".").lower() if isinstance(name, str) else ""


def record_fqdn(record: Resource, zone: Resource) -> str:
    """The full name of a DNS record in its zone. ``record_name`` is relative (``www``; ``@`` or empty
    for the apex) unless it ends with a dot or already ends with the zone's name."""
    domain = fqdn(zone.get("domain"))
    raw = record.get("record_name")
    if not isinstance(raw, str):
        return ""
    name = raw.strip()
    if name in ("", "@"):
        return domain
    if name.endswith(".") or fqdn(name) == domain or fqdn(name).endswith("." + domain):
        return fqdn(name)
    return f"{fqdn(name)}.{domain}" if domain else fqdn(name)


def listener_target_groups(d: Diagram, lb: Resource) -> list[tuple[dict, Resource]]:
    """``(listener, target group)`` for every target group a load balancer's listeners (and their
    rules) forward to, each pair once; missing groups are skipped."""
    out, seen = [], set()
    for listener in lb.get("listeners", ()):
        ids = [listener.get("target_group")] + [r.get("target_group") for r in listener.get("rules", ())]
        for tg_id in ids:
            tg = d.get(tg_id) if isinstance(tg_id, str) else None
            if tg is not None and tg.kind == "TargetGroup" and (id(listener), tg.id) not in seen:
                seen.add((id(listener), tg.id))
                out.append((listener, tg))
    return out


def task_definition_of(d: Diagram, service: Resource) -> Resource | None:
    task = d.get(service.get("task_definition")) if isinstance(service.get("task_definition"), str) else None
    return task if task is not None and task.kind == "TaskDefinition" else None


def uses_awsvpc(d: Diagram, service: Resource) -> bool:
    """Whether an ECS service's tasks get their own network interfaces: Fargate always does, and so
    does any task definition in awsvpc mode."""
    task = task_definition_of(d, service)
    if task is not None:
        return task.get("network_mode") == "awsvpc"
    return service.get("launch_type") == "FARGATE"
