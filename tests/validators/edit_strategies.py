"""Random edits for property-based tests of the validators: any kind, any field, values drawn from
small pools that hit the interesting cases (overlapping and malformed CIDRs, references to missing
resources, wrong containers). Many edits are structurally refused; the tests apply them anyway and
expect the diagram (and the findings) to stay as they were."""

from __future__ import annotations

from hypothesis import strategies as st

from model import edits, kinds
from model.schema import FieldType as T

CIDR4 = ["10.0.0.0/16", "10.0.0.0/24", "10.0.1.0/24", "10.0.0.0/23", "10.0.0.128/25", "10.1.0.0/16",
         "10.0.0.0/28", "10.0.0.0/8", "10.0.0.5/24", "172.17.0.0/16", "169.254.0.0/16",
         "192.168.0.0/16", "100.64.0.0/16", "8.8.8.0/24", "10.0.0.0/30", "bad", ""]
CIDR6 = ["2600:1f18::/56", "2600:1f18::/64", "2600:1f18:0:1::/64", "2600:1f18:0:1::/80", "fd00::/48",
         "", "zz::/64"]
DESTINATIONS = ["0.0.0.0/0", "::/0", "10.0.0.0/16", "10.0.1.0/24", "10.1.0.0/16", "192.168.0.0/16",
                "169.254.169.0/24", "pl-s3", "64:ff9b::/96", "2600:1f18::/64", ""]
TEXTS = ["", "www", "@", "example.com", "www.example.com", "api.example.com.", "other.org.",
         "us-east-1", "eu-west-1", "ap-northeast-1", "us-east-1a", "us-east-1b", "eu-west-1a", "s3",
         "dynamodb", "logs", "auto", "lambda.amazonaws.com", "ec2.amazonaws.com",
         "ecs-tasks.amazonaws.com", "*.example.com", "traffic-port", "200", "200-299", "600",
         "production", "development", "example-bucket", "www.example.com.", "*"]
INTS = [0, 1, 2, 3, 5, 10, 25, 30, 60, 80, 128, 256, 443, 512, 900, 1024, 2048, 3389, 22, 5432, 20000,
        32766, 32767, 43200, 50000]
KINDS = [k.name for k in kinds.ALL_KINDS if k.name != "GenericResource"]
NETWORK_KINDS = ["Vpc", "Subnet", "AvailabilityZone", "RouteTable", "InternetGateway", "NatGateway",
                 "LoadBalancer", "TargetGroup", "Instance", "SecurityGroup", "NetworkAcl",
                 "VpcPeering", "VpcEndpoint", "DbSubnetGroup", "RdsInstance"]


def value_for(field, ids):
    """A strategy for a value of ``field`` (ids: the resource ids that exist, plus a missing one)."""
    refs = st.sampled_from(ids + ["ghost", ""])
    t = field.type
    if t is T.CIDR4:
        return st.sampled_from(CIDR4)
    if t is T.CIDR6:
        return st.sampled_from(CIDR6)
    if t is T.CIDR:
        return st.sampled_from(CIDR4 + CIDR6)
    if t is T.DESTINATION:
        return st.sampled_from(DESTINATIONS)
    if t is T.CIDR4_LIST:
        return st.lists(st.sampled_from(CIDR4), max_size=3)
    if t in (T.STR, T.TEXT):
        return st.sampled_from(TEXTS)
    if t is T.STR_LIST:
        return st.lists(st.sampled_from(TEXTS), max_size=3)
    if t is T.INT:
        return st.sampled_from([v for v in INTS if (field.minimum is None or v >= field.minimum)
                                and (field.maximum is None or v <= field.maximum)] or [0])
    if t is T.BOOL:
        return st.booleans()
    if t is T.ENUM:
        return st.sampled_from(field.choices)
    if t is T.REF:
        return refs
    if t is T.REF_LIST:
        return st.lists(refs, max_size=3)
    if t is T.RECORDS:
        return st.lists(st.fixed_dictionaries({f.name: value_for(f, ids) for f in field.fields
                                               if f.type is not T.ANY}), max_size=3)
    return st.none()


@st.composite
def an_edit(draw, diagram):
    """One edit of a random sort against ``diagram`` as it is now (may be structurally refused)."""
    ids = sorted(diagram.ids())
    containers = [r.id for r in diagram if kinds.kind(r.kind).container]
    sort = draw(st.sampled_from(["add", "add", "add", "set", "set", "set", "set", "remove", "reparent",
                                 "rename", "connect", "metadata", "composite"]))
    if sort == "add" or not ids:
        kind = draw(st.sampled_from(NETWORK_KINDS + KINDS))
        spec = kinds.kind(kind)
        parent = draw(st.sampled_from(containers + [None]))
        rid = f"{kind.lower()}-{len(ids)}-{draw(st.integers(0, 999))}"
        props = {}
        for f in spec.fields:
            if f.type is not T.ANY and draw(st.integers(0, 3)) == 0:
                props[f.name] = draw(value_for(f, ids))
        return edits.add_resource(diagram, kind, rid, parent=parent, properties=props)
    rid = draw(st.sampled_from(ids))
    record = diagram[rid]
    spec = kinds.kind(record.kind)
    if sort == "set":
        fields = [f for f in spec.fields if f.type is not T.ANY]
        if not fields:
            return edits.rename(diagram, rid, "renamed")
        f = draw(st.sampled_from(fields))
        return edits.set_property(diagram, rid, f.name, draw(value_for(f, ids)))
    if sort == "remove":
        return edits.remove_resources(diagram, [rid])
    if sort == "reparent":
        return edits.reparent(diagram, rid, draw(st.sampled_from(containers + [None])))
    if sort == "rename":
        return edits.rename(diagram, rid, draw(st.sampled_from(["A", "B", "web", "db", rid])))
    if sort == "connect":
        other = draw(st.sampled_from(ids))
        return edits.connect(diagram, f"rel-{draw(st.integers(0, 9999))}", rid, other, port=443)
    if sort == "metadata":
        key = draw(st.sampled_from(["region", "environment"]))
        return edits.set_metadata(diagram, key, draw(st.sampled_from(
            ["us-east-1", "eu-west-1", "production", "development"])))
    first = draw(an_edit(diagram))
    second = draw(an_edit(diagram))
    return edits.Composite((first, second), "Two edits")
