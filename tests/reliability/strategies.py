"""Hypothesis strategies for the fuzzing tests: valid and nearly valid designs, CloudFormation
templates with intrinsics, lab files, flows to trace, and the mutations that make a valid file
nearly valid.

"Valid" means what a reader must accept: every resource in a container its kind allows, every
property of the right shape and every address that parses (a malformed CIDR is refused by every
reader, so a saved design never holds one). Semantics are left to chance: overlapping blocks,
references to missing resources and odd settings are all allowed, since the validators must cope.
"""

from __future__ import annotations

import copy
import ipaddress
from typing import Any

from hypothesis import strategies as st

from model import edits, kinds
from model.diagram import Diagram
from model.resources import Geometry
from model.schema import FieldType as T
from model.schema import Unresolved

__all__ = ["ipv4_networks", "ipv6_networks", "valid_value", "designs", "flows", "mutated_text",
           "templates", "odd_values", "mutated_structure", "lab_documents", "PORTS", "ENDS"]

ENDS = ["internet", "s3", "dynamodb", "ecr", "logs", "sqs", "nowhere", ""]
PORTS = [0, 22, 80, 443, 3306, 5432, 8080, 65535, 65536, -1]
_WORDS = ["web", "db", "app", "public", "private", "a", "Ω", "日本語", "x y", "#", "- item", "'q'",
          '"dq"', "{b}", "[l]", "a: b", "yes", "null", "1e3", "0x10", "~", "\t", "line\nbreak", ""]

KINDS = [k for k in kinds.ALL_KINDS]


def ipv4_networks() -> st.SearchStrategy[str]:
    """IPv4 networks as text, host bits sometimes set (``10.0.0.5/24``: AWS canonicalises it)."""
    return st.builds(lambda a, p: f"{ipaddress.IPv4Address(a)}/{p}",
                     st.integers(0, 2**32 - 1), st.integers(0, 32)) | st.sampled_from(
        ["10.0.0.0/16", "10.0.1.0/24", "10.0.2.0/24", "0.0.0.0/0", "172.16.0.0/12"])


def ipv6_networks() -> st.SearchStrategy[str]:
    return st.builds(lambda a, p: f"{ipaddress.IPv6Address(a)}/{p}",
                     st.integers(0, 2**128 - 1), st.integers(0, 128)) | st.sampled_from(
        ["::/0", "2600:1f18::/56", "2600:1f18:0:1::/64"])


def _texts() -> st.SearchStrategy[str]:
    return st.sampled_from(_WORDS) | st.text(max_size=12)


def valid_value(field, existing: dict[str, str]) -> st.SearchStrategy[Any]:
    """A value of ``field`` a reader must accept, given the ``existing`` resources (id -> kind):
    references name resources of the kinds the field allows, or nothing (they may dangle); values
    may be left symbolic, as an import from CloudFormation leaves them."""
    ids = sorted(rid for rid, kind in existing.items() if kind in field.ref_kinds)
    refs = st.sampled_from(ids + ["ghost", ""])
    t = field.type
    # What an import from CloudFormation leaves symbolic: a parameter without a default, a value
    # exported by another stack. (Not a Region: a design's Regions are always known.)
    unresolved = st.builds(Unresolved, st.sampled_from(["!Ref Param", "!ImportValue shared-vpc"]))
    if field.name == "region":
        unresolved = st.nothing()
    if field.name == "resource_type":  # a generic resource keeps its CloudFormation type
        return st.sampled_from(["AWS::Some::Thing", "AWS::SSM::Parameter", "Custom::Made"])
    if t is T.CIDR4:
        base = st.just("") | ipv4_networks()
    elif t is T.CIDR6:
        base = st.just("") | ipv6_networks()
    elif t is T.CIDR:
        base = st.just("") | ipv4_networks() | ipv6_networks()
    elif t is T.DESTINATION:
        base = st.sampled_from(["", "pl-s3", "pl-63a5400a"]) | ipv4_networks() | ipv6_networks()
    elif t is T.CIDR4_LIST:
        base = st.lists(ipv4_networks() | unresolved, max_size=3)
    elif t in (T.STR, T.TEXT):
        base = _texts()
    elif t is T.STR_LIST:
        base = st.lists(_texts(), max_size=3)
    elif t is T.INT:
        low = field.minimum if field.minimum is not None else -5
        high = field.maximum if field.maximum is not None else 70_000
        base = st.integers(low, high)
    elif t is T.BOOL:
        return st.booleans()
    elif t is T.ENUM:
        return st.sampled_from(field.choices) if field.choices else _texts()
    elif t is T.REF:
        base = refs
    elif t is T.REF_LIST:
        base = st.lists(refs, max_size=3)
    elif t is T.RECORDS:
        return st.lists(st.fixed_dictionaries(
            {}, optional={f.name: valid_value(f, existing) for f in field.fields}), max_size=3)
    else:  # ANY: opaque template data
        return st.recursive(st.none() | st.booleans() | st.integers(-10**6, 10**6) | _texts()
                            | st.floats(allow_nan=False, allow_infinity=False),
                            lambda inner: st.lists(inner, max_size=3)
                            | st.dictionaries(st.sampled_from(["Key", "Value", "a", "b"]), inner,
                                              max_size=3), max_leaves=8)
    return base | unresolved if t not in (T.RECORDS,) else base


@st.composite
def designs(draw, max_resources: int = 30) -> Diagram:
    """A random design: resources of every kind in containers their kinds allow, properties of
    the right shape (references among the resources, dangling ones too), positions, connections."""
    d = Diagram()
    d.apply(edits.set_metadata(d, "title", draw(_texts())))
    d.apply(edits.set_metadata(d, "region", draw(st.sampled_from(
        ["us-east-1", "eu-west-1", "ap-northeast-1"]))))
    count = draw(st.integers(1, max_resources))
    for i in range(count):
        existing = list(d)
        candidates = [k for k in KINDS if None in k.parents
                      or any(r.kind in k.parents for r in existing)]
        kind = draw(st.sampled_from(candidates))
        parents = [r.id for r in existing if r.kind in kind.parents] + \
            ([None] if None in kind.parents else [])
        parent = draw(st.sampled_from(parents))
        known = {r.id: r.kind for r in existing}
        props = {f.name: draw(valid_value(f, known)) for f in kind.fields
                 if draw(st.integers(0, 2)) == 0}
        geometry = draw(st.none() | st.builds(
            Geometry, st.integers(-500, 3000), st.integers(-500, 3000),
            st.integers(0, 900) if kind.container else st.just(0),
            st.integers(0, 700) if kind.container else st.just(0)))
        rid = draw(st.sampled_from([f"r{i}", f"{kind.icon.replace('_', '-')}-{i}", f"R.{i}:x"]))
        if rid in d:
            rid = f"r{i}"
        d.apply(edits.add_resource(d, kind.name, rid, name=draw(st.just("") | _texts()),
                                   parent=parent, properties=props, geometry=geometry))
    ids = d.ids()
    for j in range(draw(st.integers(0, 3))):
        source, target = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        d.apply(edits.connect(d, f"c{j}", source, target, port=draw(st.integers(0, 65535)),
                              protocol=draw(st.sampled_from(["tcp", "udp"]))))
    return d


@st.composite
def flows(draw, diagram: Diagram):
    """A flow to trace: any two places (ids, the internet, services, names that mean nothing), any
    port (out of range too), any protocol (odd ones too)."""
    from validators.reachability import Flow
    names = sorted(diagram.ids()) + ENDS
    return Flow(draw(st.sampled_from(names)), draw(st.sampled_from(names)),
                draw(st.sampled_from(["tcp", "udp", "icmp", "tcp", "gre"])),
                draw(st.sampled_from(PORTS)))


# ----------------------------------------------------------------------------- mutations
_INSERTS = ["{", "}", "[", "]", ":", ",", "- ", '"', "'", "\t", "&a ", "*a", "!!python/object:os.system ",
            "!Ref ", "!GetAtt ", "!Sub ", "? ", "|", ">", "#", "%", "@", "`", "\\", "\x00", "\x7f",
            "\u2028", "\ufeff", "\udcff", "999.1.1.1/8", "10.0.0.0/33", "::/129", "1" * 5000,
            "9" * 30, "-1", ".inf", ".nan", "null", "~", "<<: {}", "kind: Nope", "Type: AWS::Nope::X",
            "version: 99", "AWSTemplateFormatVersion: '2099-01-01'", "Ref", "Fn::If", "Condition: X",
            "\n" + " " * 3, "[" * 150 + "]" * 150]


@st.composite
def mutated_text(draw, text: str) -> str:
    """``text`` with one to four random edits: lines deleted, duplicated, indented or swapped;
    characters and fragments (YAML and JSON punctuation, tags, aliases, bad addresses, huge
    numbers, control characters, deep brackets) inserted; the text cut short."""
    lines = text.splitlines(keepends=True) or [""]
    for _ in range(draw(st.integers(1, 4), label="mutations")):
        sort = draw(st.integers(0, 7), label="mutation")
        i = draw(st.integers(0, len(lines) - 1), label="line")
        if sort == 0 and len(lines) > 1:
            del lines[i]
        elif sort == 1:
            lines.insert(i, lines[draw(st.integers(0, len(lines) - 1))])
        elif sort == 2:
            line = lines[i]
            j = draw(st.integers(0, len(line)), label="column")
            lines[i] = line[:j] + draw(st.sampled_from(_INSERTS), label="insert") + line[j:]
        elif sort == 3:
            lines[i] = " " * draw(st.integers(1, 4)) + lines[i]
        elif sort == 4:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif sort == 5:
            lines.insert(i, draw(st.text(max_size=20), label="text") + "\n")
        elif sort == 6:
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
        else:
            line = lines[i]
            j = draw(st.integers(0, len(line)))
            lines[i] = line[:j] + line[j + 1:]
    return "".join(lines)


def odd_values() -> st.SearchStrategy[Any]:
    """Values a careless or hostile author puts where something else belongs."""
    return st.sampled_from([
        None, 0, -1, 2**40, 3.5, float("inf"), True, "", "x", "999.1.1.1/8", "10.0.0.0/33", [], {},
        ["a", 1], [{"a": 1}], {"Ref": "AWS::NoValue"}, {"Ref": "Nowhere"}, {"Ref": ["list"]},
        {"Fn::GetAtt": ["X", "Y"]}, {"Fn::GetAtt": "NoDot"}, {"Fn::Select": [5, []]},
        {"Fn::Select": ["x", [1]]}, {"Fn::Sub": "${AWS::Region}-${Missing}"}, {"Fn::Sub": ["${a}", {}]},
        {"Fn::If": ["Nope", 1, 2]}, {"Fn::If": ["IsProd"]}, {"Fn::Join": [",", "not a list"]},
        {"Fn::Join": [1, [2]]}, {"Fn::FindInMap": [[1], {}, 2]}, {"Fn::FindInMap": ["M", "K"]},
        {"Fn::Cidr": ["10.0.0.0/16", 999, 8]}, {"Fn::Cidr": ["999.1.1.1/8", 2, 8]},
        {"Fn::Cidr": ["10.0.0.0/16", 4, 30]}, {"Fn::GetAZs": ["list"]}, {"Fn::Split": [",", 5]},
        {"Fn::Base64": {"Fn::Base64": "x"}}, {"Fn::ImportValue": {"Fn::Sub": "${AWS::StackName}"}},
        {"Fn::Length": "x"}, {"Fn::ToJsonString": {"a": 1}}, {"Fn::Equals": [1]},
        {"Condition": "Missing"}, {"Fn::Not": [True, False]}, {"Fn::And": []},
        {"Fn::Transform": {"Name": "X"}}, {"Ref": "AWS::Region", "Extra": 1},
        {"kind": "Vpc"}, {"unresolved": 5}, {"unresolved": "!Ref X"}, {"at": [1]}, [1, 2, 3, 4, 5],
        [float("nan"), 0], ["10.0.0.0/16", None], "pl-", "a" * 300, "日本語", "line\nbreak",
    ])


def _paths(value: Any, path: tuple = ()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, path + (i,))


@st.composite
def mutated_structure(draw, document: Any) -> Any:
    """``document`` (plain dicts and lists) with one to three values replaced by odd ones, keys
    renamed or entries deleted, anywhere below the top."""
    doc = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3), label="changes")):
        paths = [p for p in _paths(doc) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths), label="where")
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        sort = draw(st.integers(0, 3), label="change")
        if sort <= 1:
            parent[path[-1]] = copy.deepcopy(draw(odd_values(), label="value"))
        elif sort == 2 and isinstance(parent, dict):
            value = parent.pop(path[-1])
            parent[draw(st.sampled_from(["Typo", "kind", "Type", "Properties", "id", "check",
                                         f"{path[-1]}x", ""]))] = value
        else:
            del parent[path[-1]]
    return doc


# ----------------------------------------------------------------------------- templates
@st.composite
def templates(draw) -> dict:
    """A CloudFormation template of a small network and services, written with intrinsics the
    way real templates are: parameters with and without defaults, mappings, conditions, Fn::If,
    Fn::Cidr and Fn::GetAZs under Fn::Select, Fn::Sub, Fn::Join, GetAtt, ImportValue, DependsOn."""
    b = st.booleans
    subnets = draw(st.integers(1, 4), label="subnets")
    params = {"Env": {"Type": "String", "Default": draw(st.sampled_from(["prod", "dev"])),
                      "AllowedValues": ["prod", "dev"]},
              "VpcCidr": {"Type": "String", "Default": "10.0.0.0/16"},
              "KeyName": {"Type": "AWS::EC2::KeyPair::KeyName"},
              "AdminCidr": {"Type": "String"} if draw(b()) else {"Type": "String", "Default": "203.0.113.0/24"}}
    mappings = {"RegionMap": {"us-east-1": {"Cidr": "10.1.0.0/16", "Ami": "ami-1"},
                              "eu-west-1": {"Cidr": "10.2.0.0/16", "Ami": "ami-2"},
                              "sa-east-1": {"Cidr": "10.3.0.0/16", "Ami": "ami-3"}}}
    conditions = {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
                  "NotProd": {"Fn::Not": [{"Condition": "IsProd"}]},
                  "Both": {"Fn::And": [{"Condition": "IsProd"}, {"Fn::Equals": ["a", "a"]}]}}
    vpc_cidr = draw(st.sampled_from([
        "10.0.0.0/16", {"Ref": "VpcCidr"}, {"Fn::If": ["IsProd", "10.0.0.0/16", "10.9.0.0/16"]},
        {"Fn::FindInMap": ["RegionMap", {"Ref": "AWS::Region"}, "Cidr"]}]), label="vpc cidr")
    r: dict[str, Any] = {
        "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {
            "CidrBlock": vpc_cidr, "EnableDnsHostnames": draw(b()),
            "Tags": [{"Key": "Name", "Value": {"Fn::Sub": "${AWS::StackName}-vpc"}}]}},
        "Igw": {"Type": "AWS::EC2::InternetGateway"},
        "Attach": {"Type": "AWS::EC2::VPCGatewayAttachment",
                   "Properties": {"VpcId": {"Ref": "Vpc"}, "InternetGatewayId": {"Ref": "Igw"}}},
        "PublicRt": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}},
        "PublicRoute": {"Type": "AWS::EC2::Route", "DependsOn": "Attach", "Properties": {
            "RouteTableId": {"Ref": "PublicRt"}, "DestinationCidrBlock": "0.0.0.0/0",
            "GatewayId": {"Ref": "Igw"}}},
        "WebSg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {
            "GroupDescription": "web", "VpcId": {"Ref": "Vpc"},
            "SecurityGroupIngress": [
                {"IpProtocol": "tcp", "FromPort": p, "ToPort": p,
                 "CidrIp": draw(st.sampled_from(["0.0.0.0/0", {"Ref": "AdminCidr"}, "10.0.0.0/8"]))}
                for p in draw(st.lists(st.sampled_from([22, 80, 443, 8080]), max_size=3, unique=True))]}},
        "DbSg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {
            "GroupDescription": "db", "VpcId": {"Ref": "Vpc"}}},
        "DbIngress": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {
            "GroupId": {"Fn::GetAtt": ["DbSg", "GroupId"]}, "IpProtocol": "tcp", "FromPort": 5432,
            "ToPort": 5432, "SourceSecurityGroupId": {"Ref": "WebSg"}}},
    }
    for i in range(subnets):
        cidr = draw(st.sampled_from([
            f"10.0.{i}.0/24",
            {"Fn::Select": [i, {"Fn::Cidr": [{"Fn::GetAtt": ["Vpc", "CidrBlock"]}, 8, 8]}]},
            {"Fn::Select": [i, {"Fn::Cidr": [{"Ref": "VpcCidr"}, subnets, 6]}]}]), label="subnet cidr")
        zone = draw(st.sampled_from([{"Fn::Select": [i % 2, {"Fn::GetAZs": ""}]},
                                     {"Fn::Select": [i % 2, {"Fn::GetAZs": {"Ref": "AWS::Region"}}]},
                                     "us-east-1a", {"Fn::Sub": "${AWS::Region}b"}]))
        body: dict[str, Any] = {"Type": "AWS::EC2::Subnet", "Properties": {
            "VpcId": {"Ref": "Vpc"}, "CidrBlock": cidr, "AvailabilityZone": zone,
            "MapPublicIpOnLaunch": draw(b())}}
        if i >= 2 and draw(b()):  # the load balancer uses the first two
            body["Condition"] = draw(st.sampled_from(["IsProd", "NotProd", "Both"]))
        r[f"Subnet{i}"] = body
        if i == 0 or draw(b()):
            r[f"Assoc{i}"] = {"Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": {
                "SubnetId": {"Ref": f"Subnet{i}"}, "RouteTableId": {"Ref": "PublicRt"}}}
            if "Condition" in body:
                r[f"Assoc{i}"]["Condition"] = body["Condition"]
    if draw(b(), label="nat"):
        r["Eip"] = {"Type": "AWS::EC2::EIP", "Properties": {"Domain": "vpc"}}
        r["Nat"] = {"Type": "AWS::EC2::NatGateway", "Properties": {
            "SubnetId": {"Ref": "Subnet0"}, "AllocationId": {"Fn::GetAtt": ["Eip", "AllocationId"]}}}
        r["PrivateRt"] = {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}}
        r["PrivateRoute"] = {"Type": "AWS::EC2::Route", "Properties": {
            "RouteTableId": {"Ref": "PrivateRt"}, "DestinationCidrBlock": "0.0.0.0/0",
            "NatGatewayId": {"Ref": "Nat"}}}
    if draw(b(), label="instance"):
        r["Web"] = {"Type": "AWS::EC2::Instance", "Properties": {
            "ImageId": {"Fn::FindInMap": ["RegionMap", {"Ref": "AWS::Region"}, "Ami"]},
            "InstanceType": {"Fn::If": ["IsProd", "m7g.large", "t3.micro"]},
            "KeyName": {"Fn::If": ["IsProd", {"Ref": "KeyName"}, {"Ref": "AWS::NoValue"}]},
            "SubnetId": {"Ref": "Subnet0"}, "SecurityGroupIds": [{"Ref": "WebSg"}],
            "UserData": {"Fn::Base64": {"Fn::Sub": "#!/bin/sh\necho ${AWS::Region}\n"}},
            "Tags": [{"Key": "Name", "Value": {"Fn::Join": ["-", [{"Ref": "Env"}, "web"]]}}]}}
    if subnets >= 2 and draw(b(), label="load balancer"):
        r["Alb"] = {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {
            "Scheme": draw(st.sampled_from(["internet-facing", "internal"])),
            "Subnets": [{"Ref": "Subnet0"}, {"Ref": "Subnet1"}],
            "SecurityGroups": [{"Ref": "WebSg"}]}}
        r["Tg"] = {"Type": "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties": {
            "Port": 80, "Protocol": "HTTP", "VpcId": {"Ref": "Vpc"},
            "Targets": [{"Id": {"Ref": "Web"}}] if "Web" in r else []}}
        r["Listener"] = {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {
            "LoadBalancerArn": {"Ref": "Alb"}, "Port": 80, "Protocol": "HTTP",
            "DefaultActions": [{"Type": "forward", "TargetGroupArn": {"Ref": "Tg"}}]}}
    if draw(b(), label="extras"):
        r["Bucket"] = {"Type": "AWS::S3::Bucket", "Properties": {
            "BucketName": {"Fn::Sub": "${AWS::StackName}-${AWS::AccountId}"}}}
        r["Shared"] = {"Type": "AWS::EC2::SecurityGroup", "Properties": {
            "GroupDescription": {"Fn::Join": [" ", {"Fn::Split": [",", "shared,group"]}]},
            "VpcId": {"Fn::ImportValue": "network-VpcId"}}}
        r["Thing"] = {"Type": "AWS::Some::Unknown", "Properties": {"X": [1, {"Y": "z"}]}}
    template: dict[str, Any] = {"AWSTemplateFormatVersion": "2010-09-09", "Description": "fuzzed",
                                "Parameters": params, "Mappings": mappings,
                                "Conditions": conditions, "Resources": r,
                                "Outputs": {"VpcId": {"Value": {"Ref": "Vpc"},
                                                      "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-VpcId"}}}}}
    if draw(b()):
        del template["AWSTemplateFormatVersion"]
    return template


# ----------------------------------------------------------------------------- labs
@st.composite
def lab_documents(draw, checks: list, solution: str) -> dict:
    """A lab file's content with goals drawn from ``checks`` (real ones, from the course)."""
    chosen = draw(st.lists(st.sampled_from(checks), min_size=1, max_size=4), label="checks")
    goals = [{"id": f"goal-{i}", "description": {"en": f"Goal {i}.", "ja": f"目標{i}．"},
              "check": copy.deepcopy(check)} for i, check in enumerate(chosen)]
    doc: dict[str, Any] = {
        "format": "kumozu-lab", "version": 1, "id": "fuzzed-lab",
        "title": {"en": draw(_texts()) or "T", "ja": "題"},
        "story": {"en": "A story.", "ja": "物語．"},
        "start": draw(st.sampled_from(["empty", solution])), "solution": solution, "goals": goals}
    if draw(st.booleans()):
        doc["region"] = draw(st.sampled_from(["us-east-1", "ap-northeast-1"]))
    if draw(st.booleans()):
        doc["hints"] = [{"en": "Hint.", "ja": "ヒント．"}]
    if draw(st.booleans()):
        doc["lesson"] = draw(st.lists(st.sampled_from(
            ["nat-in-private-subnet", "cidr-overlap", "https://docs.aws.amazon.com/vpc/"]), max_size=2))
    return doc
