"""Shared pieces of the rule tests: a standard network to start from, and running one rule.

``network()`` gives a VPC 10.0.0.0/16 in us-east-1 with two Availability Zones, an internet gateway,
public subnets ``pub-a`` (10.0.0.0/24) and ``pub-b`` (10.0.1.0/24) routed to it by ``rt-public``,
and private subnets ``priv-a`` (10.0.10.0/24) and ``priv-b`` (10.0.11.0/24) that use the VPC's main
route table (none is drawn, so they have local routes only).
"""

from __future__ import annotations

from model.diagram import Diagram
from tests.support.builder import DesignBuilder
from validators.engine import Validator, validate
from validators.finding import Finding
from validators.rule import Rule


def network(region: str = "us-east-1") -> DesignBuilder:
    b = DesignBuilder(region)
    b.vpc("vpc", "10.0.0.0/16", name="main-vpc")
    b.az("az-a", "vpc", f"{region}a")
    b.az("az-b", "vpc", f"{region}b")
    b.internet_gateway("igw", "vpc")
    b.subnet("pub-a", "az-a", "10.0.0.0/24")
    b.subnet("pub-b", "az-b", "10.0.1.0/24")
    b.route_table("rt-public", "vpc", routes=[("0.0.0.0/0", "igw")], subnets=["pub-a", "pub-b"])
    b.subnet("priv-a", "az-a", "10.0.10.0/24")
    b.subnet("priv-b", "az-b", "10.0.11.0/24")
    return b


def findings(rule: Rule, diagram: Diagram) -> list[Finding]:
    """The rule's findings on the diagram; also checks that a full validation reports the same ones
    and that a live validator built on the diagram agrees."""
    found = sorted(set(rule.check(diagram)), key=Finding.sort_key)
    assert [f for f in validate(diagram, [rule])] == found
    live = Validator(diagram, [rule])
    assert live.findings == found
    live.close()
    for f in found:
        assert f.rule == rule.id and f.severity == rule.severity and f.resources and f.fix
    return found


def involved(found: list[Finding]) -> list[tuple[str, ...]]:
    """The resources of each finding, for compact assertions."""
    return [f.resources for f in found]


def vpc_with(*blocks, ipv6="", subnet=None, subnet_ipv6=""):
    """The standard network with the VPC's blocks replaced, and optionally one more subnet ``s``."""
    b = network()
    b.set("vpc", cidr_blocks=list(blocks), ipv6_cidr=ipv6)
    if subnet is not None:
        b.subnet("s", "az-a", subnet, ipv6_cidr=subnet_ipv6)
    return b.diagram


def three_vpcs(routes_in_a=(), routes_in_b=()):
    """VPC ``a`` (10.0/16) peered with ``b`` (10.1/16) by ``ab``, and ``b`` with ``c`` (10.2/16) by
    ``bc``; ``rt-a`` and ``rt-b`` hold the given (destination, target) routes."""
    b = DesignBuilder()
    for name, cidr in (("a", "10.0.0.0/16"), ("b", "10.1.0.0/16"), ("c", "10.2.0.0/16")):
        b.vpc(name, cidr)
    b.add("VpcPeering", "ab", "region", requester="a", accepter="b")
    b.add("VpcPeering", "bc", "region", requester="b", accepter="c")
    b.route_table("rt-a", "a", routes=routes_in_a)
    b.route_table("rt-b", "b", routes=routes_in_b)
    return b.diagram


def load_balanced(lb_type="application", listeners=None, tg=None, subnets=("pub-a", "pub-b"),
                  targets=None, **lb):
    """The standard network with load balancer ``lb`` in ``subnets`` and target group ``tg``
    (HTTP:80, instance targets ``web-a`` in priv-a and ``web-b`` in priv-b unless ``targets``)."""
    b = network()
    b.add("Instance", "web-a", "priv-a")
    b.add("Instance", "web-b", "priv-b")
    b.add("TargetGroup", "tg", "vpc", **{"protocol": "HTTP", "port": 80,
                                         "targets": list(targets if targets is not None
                                                         else ("web-a", "web-b")), **(tg or {})})
    if listeners is None:
        listeners = [{"protocol": "HTTP" if lb_type == "application" else "TCP", "port": 80,
                      "target_group": "tg"}]
    b.add("LoadBalancer", "lb", "vpc", lb_type=lb_type, subnets=list(subnets), listeners=listeners,
          **lb)
    return b


def ecs(service=None, task=None, tg=None):
    """The standard network with task definition ``task`` (Fargate, awsvpc, 256/512) and ECS service
    ``svc`` running it in priv-a and priv-b with security group ``sg``; keyword dictionaries
    override their properties. Target group ``tg`` (type ip) exists for registrations."""
    b = network()
    b.add("SecurityGroup", "sg", "vpc")
    b.add("TargetGroup", "tg", "vpc", **{"target_type": "ip", **(tg or {})})
    b.add("TaskDefinition", "task", "region", **(task or {}))
    b.add("EcsService", "svc", "vpc", **{"task_definition": "task", "subnets": ["priv-a", "priv-b"],
                                         "security_groups": ["sg"], **(service or {})})
    return b.diagram


def s3_origin(access_control, website=False):
    """A distribution ``cdn`` whose origin ``static`` is bucket ``bucket``."""
    b = DesignBuilder()
    b.add("S3Bucket", "bucket", "region", website=website)
    b.add("CloudFrontDistribution", "cdn", origins=[{"origin_id": "static", "target": "bucket",
                                                      "access_control": access_control}])
    return b.diagram
