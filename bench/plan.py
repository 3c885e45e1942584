"""The plan of a generated design: which stacks, VPCs and workloads it has, decided once from a seed.

Both writers (:mod:`bench.native_writer` and :mod:`bench.cfn_writer`) read the same plan, so the
native design and the CloudFormation templates describe the same network. A *stack* is one
application environment (a hosted zone, a CloudFront distribution, a certificate, a bucket and up to
four peered VPCs) and becomes one template; every cross-reference stays inside its stack, so no
template needs another's outputs.

Each VPC gets the three-tier shape of AWS's reference architectures: a public, an application and a
data subnet in each of two or three Availability Zones, an internet gateway, a NAT gateway per zone,
an internet-facing Application Load Balancer in front of an Auto Scaling group, and a Multi-AZ RDS
database; some VPCs add a Lambda function or an ECS Fargate service with interface endpoints.
"Worker" EC2 instances in the application subnets fill the design up to exactly the size asked for.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

__all__ = ["VpcPlan", "StackPlan", "DesignPlan", "make_plan", "template_plan", "REGION",
           "VPCS_PER_STACK", "MAX_VPCS", "TEMPLATE_LIMIT"]

REGION = "us-east-1"
#: VPCs per template: small enough that a stack stays far below CloudFormation's limit.
VPCS_PER_STACK = 4
#: Each VPC takes one /16 of 10.0.0.0/8.
MAX_VPCS = 250
#: CloudFormation's limit on resources per template:
#: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
TEMPLATE_LIMIT = 500
#: Native resources per VPC the plan aims at (workers included) when choosing how many VPCs to draw.
_RESOURCES_PER_VPC = 50

_INSTANCE_TYPES = ("t3.small", "t3.medium", "m7g.large", "c7i.large")
_DB_ENGINES = ("postgres", "mysql")


@dataclass(frozen=True)
class VpcPlan:
    index: int
    #: Prefix of every id in the VPC: ``V007``.
    prefix: str
    cidr: str
    #: Availability Zone letters, in order: ``("a", "b")`` or ``("a", "b", "c")``.
    zones: tuple[str, ...]
    has_lambda: bool
    has_ecs: bool
    db_engine: str
    instance_type: str
    #: Worker instances in the application subnets (the filler).
    workers: int = 0


@dataclass(frozen=True)
class StackPlan:
    index: int
    #: Prefix of the stack's own ids: ``S03``.
    prefix: str
    vpcs: tuple[VpcPlan, ...]
    #: ``(peering id, requester VPC prefix, accepter VPC prefix)``: consecutive VPCs are peered.
    peerings: tuple[tuple[str, str, str], ...]

    @property
    def domain(self) -> str:
        return f"app{self.index}.example.com"

    @property
    def has_lambda(self) -> bool:
        return any(v.has_lambda for v in self.vpcs)

    def peers_of(self, prefix: str) -> list[tuple[str, VpcPlan]]:
        """``(peering id, the VPC on the other side)`` for every peering of one VPC."""
        by_prefix = {v.prefix: v for v in self.vpcs}
        out = []
        for pcx, requester, accepter in self.peerings:
            if requester == prefix:
                out.append((pcx, by_prefix[accepter]))
            elif accepter == prefix:
                out.append((pcx, by_prefix[requester]))
        return out


@dataclass(frozen=True)
class DesignPlan:
    seed: int
    stacks: tuple[StackPlan, ...]

    @property
    def vpcs(self) -> tuple[VpcPlan, ...]:
        return tuple(v for s in self.stacks for v in s.vpcs)

    def with_workers(self, total: int) -> "DesignPlan":
        """The same plan with ``total`` worker instances spread evenly over its VPCs (the first VPCs
        take one more when they do not divide evenly)."""
        count = len(self.vpcs)
        each, extra = divmod(total, count)
        stacks = []
        i = 0
        for stack in self.stacks:
            vpcs = []
            for vpc in stack.vpcs:
                vpcs.append(replace(vpc, workers=each + (1 if i < extra else 0)))
                i += 1
            stacks.append(replace(stack, vpcs=tuple(vpcs)))
        return replace(self, stacks=tuple(stacks))


def _vpcs(count: int, rng: random.Random) -> list[VpcPlan]:
    if count > MAX_VPCS:
        raise ValueError(f"at most {MAX_VPCS} VPCs fit in 10.0.0.0/8 as /16s")
    out = []
    for i in range(count):
        zones = ("a", "b", "c") if rng.random() < 0.5 else ("a", "b")
        out.append(VpcPlan(
            index=i, prefix=f"V{i:03d}", cidr=f"10.{i}.0.0/16", zones=zones,
            has_lambda=rng.random() < 1 / 3, has_ecs=rng.random() < 1 / 4,
            db_engine=rng.choice(_DB_ENGINES), instance_type=rng.choice(_INSTANCE_TYPES)))
    return out


def _stacks(vpcs: list[VpcPlan], per_stack: int) -> tuple[StackPlan, ...]:
    stacks = []
    for s, start in enumerate(range(0, len(vpcs), per_stack)):
        members = tuple(vpcs[start:start + per_stack])
        prefix = f"S{s:02d}"
        peerings = tuple((f"{prefix}Peering{j}", members[j].prefix, members[j + 1].prefix)
                         for j in range(len(members) - 1))
        stacks.append(StackPlan(s, prefix, members, peerings))
    return tuple(stacks)


def make_plan(resources: int, seed: int = 7) -> DesignPlan:
    """A plan whose native design has exactly ``resources`` resources.

    The number of VPCs grows with the size (about one per 50 resources, at least two); worker
    instances make up the difference. Raises ValueError for sizes too small to hold two VPCs or too
    large for one template per four VPCs.
    """
    from .native_writer import count_native  # the writers count; the plan only decides

    vpc_count = min(MAX_VPCS, max(2, round(resources / _RESOURCES_PER_VPC)))
    while True:
        rng = random.Random(seed)
        base = DesignPlan(seed, _stacks(_vpcs(vpc_count, rng), VPCS_PER_STACK))
        spare = resources - count_native(base)
        if spare >= 0:
            break
        if vpc_count <= 2:
            raise ValueError(f"{resources} resources are too few for a design of two VPCs "
                             f"(it needs at least {count_native(base)})")
        vpc_count -= 1
    plan = base.with_workers(spare)
    _check_template_sizes(plan)
    return plan


def template_plan(cfn_resources: int = TEMPLATE_LIMIT, seed: int = 7) -> DesignPlan:
    """A plan of one stack (four VPCs) whose template has exactly ``cfn_resources`` resources."""
    from .cfn_writer import count_cfn

    if cfn_resources > TEMPLATE_LIMIT:
        raise ValueError(f"one template holds at most {TEMPLATE_LIMIT} resources")
    rng = random.Random(seed)
    base = DesignPlan(seed, _stacks(_vpcs(VPCS_PER_STACK, rng), VPCS_PER_STACK))
    spare = cfn_resources - count_cfn(base.stacks[0])
    if spare < 0:
        raise ValueError(f"a four-VPC stack needs at least {cfn_resources - spare} template resources")
    return base.with_workers(spare)


def _check_template_sizes(plan: DesignPlan) -> None:
    from .cfn_writer import count_cfn

    for stack in plan.stacks:
        size = count_cfn(stack)
        if size > TEMPLATE_LIMIT:
            raise ValueError(f"stack {stack.prefix} would need {size} template resources, more than "
                             f"CloudFormation's {TEMPLATE_LIMIT}; ask for fewer resources")
