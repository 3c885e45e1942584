"""What a line drawn from one resource to another can mean, without Qt.

:func:`link_options` looks at the reference fields of both ends (a subnet's route table, a route
table's routes, a target group's targets, a load balancer's listeners, CloudFront's origins...) and
returns every way the second resource fits into the first (or the first into the second), each as a
ready edit with a label for a menu ("Add route 0.0.0.0/0 → nat-a"). A plain ``connection`` ("this
should be able to talk to that on port P") is always possible: :func:`connection_option`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from model import kinds as _kinds
from model import queries as q
from model.cidr import parse
from model.diagram import Diagram
from model.edits import AddResource, Composite, Edit, add_resource, connect, set_property
from model.frozen import thaw
from model.naming import new_id
from model.schema import Field, FieldType

from .geometry import GeometryPlan, free_spot

__all__ = ["LinkOption", "link_options", "connection_option", "route_destination", "unlink_edit",
           "DEFAULT_CONNECTION_PORT"]

DEFAULT_CONNECTION_PORT = 443


@dataclass(frozen=True)
class LinkOption:
    """One way to relate two resources: a menu label and the edit that does it."""

    label: str
    edit: Edit
    #: "reference" (a property of one end) or "connection" (a user-drawn relation).
    kind: str = "reference"


def link_options(diagram: Diagram, source: str, target: str) -> list[LinkOption]:
    """Every reference that can be set between ``source`` and ``target``, in either direction,
    most specific first (the plain connection is not included). Cost: O(fields of both kinds)."""
    if source == target or source not in diagram or target not in diagram:
        return []
    options: list[LinkOption] = []
    same_kind = diagram[source].kind == diagram[target].kind
    for owner, other in ((source, target), (target, source)):
        forward = owner == source
        if same_kind and not forward and diagram[source].kind != "SecurityGroup":
            continue  # queue -> queue, record -> record: the line's direction says which is which
        for f in _kinds.kind(diagram[owner].kind).reference_fields:
            options.extend(_field_options(diagram, owner, other, f, forward))
    options.extend(_subnet_route_options(diagram, source, target))
    seen: set[str] = set()
    unique = []
    for option in options:
        if option.label not in seen:
            seen.add(option.label)
            unique.append(option)
    return unique


def connection_option(diagram: Diagram, source: str, target: str,
                      port: int = DEFAULT_CONNECTION_PORT, protocol: str = "tcp") -> LinkOption:
    """A user-drawn connection from ``source`` to ``target`` on ``protocol``/``port``."""
    taken = {r.id for r in diagram.relations()}
    rid = new_id(taken, prefix="conn")
    edit = connect(diagram, rid, source, target, protocol=protocol, port=port)
    label = f"Connect {_name(diagram, source)} to {_name(diagram, target)} ({protocol}/{port})"
    return LinkOption(label, Composite((edit,), label), "connection")


def unlink_edit(diagram: Diagram, source: str, path: str) -> Edit | None:
    """The edit removing the reference at ``path`` of ``source`` (a selected line is deleted): a
    route goes as a whole, a list entry is taken out, a single reference is emptied."""
    record = diagram.get(source)
    if record is None:
        return None
    parts = path.split(".")
    value = thaw(record.get(parts[0]))
    target = _value_at(value, parts[1:])
    if record.kind == "RouteTable" and parts[0] == "routes" and len(parts) > 1:
        route = value.pop(int(parts[1]))
        label = f"Remove route {route.get('destination')} → {_name(diagram, target)} from {record.label}"
        return set_property(diagram, source, "routes", value, label=label)
    if len(parts) == 1:
        value = ""
    else:
        holder = value
        for part in parts[1:-1]:
            holder = holder[int(part) if part.isdigit() else part]
        last = parts[-1]
        if last.isdigit() and isinstance(holder, list):
            del holder[int(last)]
        else:
            holder[last] = ""
    field = _kinds.kind(record.kind).field_at(path)
    relation = field.relation if field is not None and field.relation else "reference"
    label = f"Remove {record.label} {relation} {_name(diagram, target)}" if target else f"Remove {path}"
    return set_property(diagram, source, parts[0], value, label=label)


def _value_at(value, parts: list[str]):
    for part in parts:
        try:
            value = value[int(part) if part.isdigit() else part]
        except (IndexError, KeyError, TypeError):
            return ""
    return value if isinstance(value, str) else ""


# ---------------------------------------------------------------------- per field
def _field_options(d: Diagram, owner: str, other: str, f: Field, forward: bool = True) -> list[LinkOption]:
    other_kind = d[other].kind
    if f.is_reference:
        if other_kind not in f.ref_kinds or not _applies(d, owner, other, f.name):
            return []
        current = d[owner].get(f.name)
        if f.type is FieldType.REF:
            if current == other:
                return []
            label = _label(d, owner, other, f.name, f, replacing=current if d.get(current) else "")
            return [_option(d, owner, f.name, other, label)]
        if other in (current or ()):
            return []
        label = _label(d, owner, other, f.name, f)
        return [_option(d, owner, f.name, tuple(current or ()) + (other,), label)]
    out = []
    for sub in f.fields:
        if sub.type is FieldType.REF and other_kind in sub.ref_kinds \
                and _applies(d, owner, other, f"{f.name}.{sub.name}", forward):
            option = _record_option(d, owner, other, f, sub)
            if option is not None:
                out.append(option)
    return out


def _applies(d: Diagram, owner: str, other: str, path: str, forward: bool = True) -> bool:
    """Fields that exist but do not fit this pair (a gateway endpoint has route tables, an interface
    endpoint has subnets; a route table gets routes to a gateway endpoint by association). A line
    drawn from one security group to another lets traffic flow the way it points: the target's
    inbound rules or the source's outbound rules (``forward``: the owner is where the line starts)."""
    record = d[owner]
    if path == "ingress.source_group":
        return not forward
    if path == "egress.destination_group":
        return forward
    if record.kind == "VpcEndpoint":
        gateway = record.get("endpoint_type") == "gateway"
        if path == "route_tables":
            return gateway
        if path in ("subnets", "security_groups"):
            return not gateway
    if path == "routes.target" and d[other].kind == "VpcEndpoint":
        return False
    if record.kind == "VpcPeering" and path in ("requester", "accepter"):
        # Offer the empty end first; both only when neither is set.
        ends = (record.get("requester"), record.get("accepter"))
        if other in ends:
            return False
        return not record.get(path) or all(ends)
    return True


def _option(d: Diagram, owner: str, name: str, value, label: str) -> LinkOption:
    return LinkOption(label, set_property(d, owner, name, value, label=label))


def _record_option(d: Diagram, owner: str, other: str, f: Field, sub: Field) -> LinkOption | None:
    records = [thaw(r) for r in d[owner].get(f.name, ())]
    path = f"{f.name}.{sub.name}"
    owner_kind = d[owner].kind
    if owner_kind == "RouteTable" and path == "routes.target":
        destination = route_destination(d, owner, other)
        for row in records:
            if row.get("destination") == destination:
                if row.get("target") == other:
                    return None
                old = _name(d, row.get("target")) if row.get("target") else "nothing"
                row["target"] = other
                label = f"Change route {destination} from {old} to {_name(d, other)}"
                return _option(d, owner, f.name, records, label)
        records.append({"destination": destination, "target": other})
        return _option(d, owner, f.name, records, f"Add route {destination} → {_name(d, other)}")
    # Fill the first record that lacks this reference (a forward listener without a target group,
    # a container without a log group) before adding a new one.
    if any(row.get(sub.name) == other for row in records):
        return None
    for row in records:
        if not row.get(sub.name) and _fillable(owner_kind, path, row):
            row[sub.name] = other
            return _option(d, owner, f.name, records, _record_label(d, owner, other, path, row, fill=True))
    row = _new_record(d, owner, other, f, path)
    if row is None:
        return None
    records.append(row)
    return _option(d, owner, f.name, records, _record_label(d, owner, other, path, row, fill=False))


def _fillable(owner_kind: str, path: str, row: dict) -> bool:
    if path == "listeners.target_group":
        return row.get("action", "forward") == "forward"
    return path in ("containers.repository", "containers.log_group", "load_balancers.target_group")


def _new_record(d: Diagram, owner: str, other: str, f: Field, path: str) -> dict | None:
    row = thaw(f.new_record())
    other_record = d[other]
    if path == "listeners.target_group":
        network = d[owner].get("lb_type") == "network"
        row.update(protocol="TCP" if network else "HTTP", port=80, action="forward", target_group=other)
    elif path == "origins.target":
        row.update(origin_id=other, target=other)
        if other_record.kind == "S3Bucket":
            row["access_control"] = "oac"
    elif path == "integrations.target":
        kind = other_record.kind
        row["integration_type"] = {"LambdaFunction": "lambda", "LoadBalancer": "vpc-link",
                                   "Instance": "http"}.get(kind, "aws-service")
        row["target"] = other
    elif path == "subscriptions.target":
        row.update(protocol="sqs" if other_record.kind == "SqsQueue" else "lambda", target=other)
    elif path == "load_balancers.target_group":
        row.update(target_group=other, container_port=int(other_record.get("port") or 80))
    elif path in ("ingress.source_group", "egress.destination_group"):
        row.update({path.split(".")[1]: other, "cidr": ""})
    elif path in ("containers.repository", "containers.log_group"):
        row[path.split(".")[1]] = other
    else:
        return None
    return row


def route_destination(d: Diagram, route_table: str, target: str) -> str:
    """A sensible first destination for a route to ``target`` (the user edits it afterwards):
    the internet (0.0.0.0/0) through internet and NAT gateways, ::/0 through an egress-only
    gateway, the peer VPC's block through a peering connection."""
    record = d[target]
    if record.kind == "EgressOnlyInternetGateway":
        return "::/0"
    if record.kind == "VpcPeering":
        own = q.vpc_of(d, route_table)
        ends = [record.get("requester"), record.get("accepter")]
        peers = [e for e in ends if e and (own is None or e != own.id)]
        for peer in peers:
            blocks = [b for b in q.vpc_cidr_blocks(d, peer) if parse(b) is not None]
            if blocks:
                return blocks[0]
        return "10.1.0.0/16"
    if record.kind == "TransitGateway":
        return "10.0.0.0/8"
    return "0.0.0.0/0"


# ---------------------------------------------------------------------- subnet -> gateway
_GATEWAYS = ("InternetGateway", "EgressOnlyInternetGateway", "NatGateway", "VpcPeering", "TransitGateway")


def _subnet_route_options(d: Diagram, source: str, target: str) -> list[LinkOption]:
    """A line from a subnet to a gateway means "route this subnet's traffic there": add the route
    to the subnet's route table, or give the subnet a route table of its own with it."""
    subnet, gateway = (source, target) if d[source].kind == "Subnet" else (target, source)
    if d[subnet].kind != "Subnet" or d[gateway].kind not in _GATEWAYS:
        return []
    vpc = q.vpc_of(d, subnet)
    if vpc is None:
        return []
    out = _shared_table_options(d, subnet, gateway, vpc.id)
    table = q.route_table_of(d, subnet)
    if table is not None:
        routes = _kinds.kind("RouteTable").field("routes")
        for option in _field_options(d, table.id, gateway, routes):
            where = "main route table" if table.get("main") and not d[subnet].get("route_table") \
                else "route table"
            label = f"{option.label} in {where} {table.label}"
            out.append(LinkOption(label, replace(option.edit, label=label)))
    if table is None or not d[subnet].get("route_table"):
        out.append(_own_table_option(d, subnet, gateway, vpc.id))
    return out


def _shared_table_options(d: Diagram, subnet: str, gateway: str, vpc: str) -> list[LinkOption]:
    """Route tables of the VPC that already send traffic to ``gateway`` (the public route table
    the other public subnets use): associating the subnet with one is usually what is meant."""
    current = q.route_table_of(d, subnet)
    out = []
    for table in d.referrers(gateway, "RouteTable", "routes"):
        if current is not None and table.id == current.id:
            continue
        owner = q.vpc_of(d, table.id)
        if owner is None or owner.id != vpc:
            continue
        routes = ", ".join(f"{r.get('destination')} → {_name(d, gateway)}"
                           for r in table.get("routes", ()) if r.get("target") == gateway)
        label = f"Associate {_name(d, subnet)} with route table {table.label} ({routes})"
        out.append(LinkOption(label, set_property(d, subnet, "route_table", table.id, label=label)))
    return out


def _own_table_option(d: Diagram, subnet: str, gateway: str, vpc: str) -> LinkOption:
    rid = f"rt-{subnet}" if f"rt-{subnet}" not in d else new_id(set(d.ids()), prefix=f"rt-{subnet}")
    plan = GeometryPlan(d, parents={rid: vpc}, kinds={rid: "RouteTable"})
    x, y = free_spot(plan, vpc)
    plan.place(rid, x, y, vpc)
    plan.grow([vpc])
    destination = route_destination(d, subnet, gateway)
    add = add_resource(d, "RouteTable", rid, parent=vpc, geometry=plan.geometry[rid],
                       properties={"routes": [{"destination": destination, "target": gateway}]})
    label = f"Give {_name(d, subnet)} its own route table with {destination} → {_name(d, gateway)}"
    edits = [AddResource(add.record, add.geometry, label), *plan.edits()]
    edits.append(set_property(d, subnet, "route_table", rid))
    return LinkOption(label, Composite(tuple(edits), label))


# ---------------------------------------------------------------------- labels
_LABELS = {
    ("Subnet", "route_table"): "Associate {owner} with route table {other}",
    ("Subnet", "network_acl"): "Associate {owner} with network ACL {other}",
    ("InternetGateway", "vpc"): "Attach {owner} to {other}",
    ("EgressOnlyInternetGateway", "vpc"): "Attach {owner} to {other}",
    ("VpcEndpoint", "route_tables"): "Associate endpoint {owner} with route table {other}",
    ("VpcEndpoint", "subnets"): "Place endpoint {owner} in subnet {other}",
    ("VpcPeering", "requester"): "Make {other} the requester of {owner}",
    ("VpcPeering", "accepter"): "Make {other} the accepter of {owner}",
    ("TransitGatewayAttachment", "transit_gateway"): "Attach {owner} to transit gateway {other}",
    ("TargetGroup", "targets"): "Register {other} in target group {owner}",
    ("AutoScalingGroup", "target_groups"): "Register {owner} in target group {other}",
    ("DbSubnetGroup", "subnets"): "Add {other} to DB subnet group {owner}",
    ("RdsInstance", "db_subnet_group"): "Place {owner} in DB subnet group {other}",
    ("AuroraCluster", "db_subnet_group"): "Place {owner} in DB subnet group {other}",
    ("EcsService", "task_definition"): "Run task definition {other} in service {owner}",
    ("LambdaFunction", "event_sources"): "Trigger {owner} from {other}",
    ("EventRule", "targets"): "Trigger {other} from rule {owner}",
    ("DnsRecord", "alias_target"): "Make {owner} an alias of {other}",
    ("HostedZone", "vpcs"): "Let {other} resolve zone {owner}",
    ("CloudTrailTrail", "s3_bucket"): "Deliver trail {owner} to bucket {other}",
    ("CloudTrailTrail", "log_group"): "Deliver trail {owner} to log group {other}",
    ("CodeDeployApplication", "ecs_service"): "Deploy service {other} with {owner}",
    ("CodeDeployApplication", "target_groups"): "Shift traffic of {owner} through {other}",
    ("IamUser", "groups"): "Add user {owner} to group {other}",
}
_BY_FIELD = {
    "security_groups": "Add {owner} to security group {other}",
    "subnets": "Place {owner} in subnet {other}",
    "certificate": "Use certificate {other} on {owner}",
    "iam_role": "Give {owner} the role {other}",
    "role": "Give {owner} the role {other}",
    "execution_role": "Use {other} as the execution role of {owner}",
    "task_role": "Use {other} as the task role of {owner}",
    "policies": "Attach policy {other} to {owner}",
    "dead_letter_queue": "Send failures of {owner} to {other}",
}


def _label(d: Diagram, owner: str, other: str, name: str, f: Field, replacing: str = "") -> str:
    template = _LABELS.get((d[owner].kind, name)) or _BY_FIELD.get(name)
    if template is None:
        template = "{owner} " + f.relation + " {other}" if f.relation else "Set " + f.label + " of {owner}"
    text = template.format(owner=_name(d, owner), other=_name(d, other))
    if replacing:
        text += f" (instead of {_name(d, replacing)})"
    return text[:1].upper() + text[1:]


def _record_label(d: Diagram, owner: str, other: str, path: str, row: dict, fill: bool) -> str:
    o, t = _name(d, owner), _name(d, other)
    if path == "listeners.target_group":
        listener = f"{row.get('protocol')}:{row.get('port')}"
        return (f"Forward listener {listener} of {o} to {t}" if fill
                else f"Add listener {listener} to {o} forwarding to {t}")
    if path == "origins.target":
        return f"Add {t} as an origin of {o}"
    if path == "integrations.target":
        return f"Integrate {o} with {t} ({row.get('route')})"
    if path == "subscriptions.target":
        return f"Subscribe {t} to topic {o}"
    if path == "load_balancers.target_group":
        return f"Register service {o} in target group {t} (port {row.get('container_port')})"
    if path == "ingress.source_group":
        return f"Allow traffic from {t} into {o} (tcp/443)"
    if path == "egress.destination_group":
        return f"Allow traffic from {o} out to {t} (tcp/443)"
    if path == "containers.repository":
        return f"Pull container {row.get('name')} of {o} from {t}"
    if path == "containers.log_group":
        return f"Send logs of container {row.get('name')} of {o} to {t}"
    return f"{o} → {t} ({path})"


def _name(d: Diagram, rid: str) -> str:
    return q.display(d, rid)

