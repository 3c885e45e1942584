"""What AWS creates with every VPC although no template says so: the main route table, the default
network ACL and (when something refers to it) the default security group.

- The main route table holds only the local routes; subnets without an association use it
  (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html).
- The default network ACL allows all inbound and outbound traffic, IPv4 (rule 100) and IPv6 (rule
  101) when the VPC has an IPv6 block (https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html).
- The default security group allows all traffic from its own members and all outbound traffic
  (https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html).
"""

from __future__ import annotations

from .context import ImportContext

__all__ = ["add_implicit_resources", "default_acl_rules", "fill_implicit", "finish_implicit"]


def default_acl_rules(ipv6: bool) -> list[dict]:
    """The rules of a default network ACL, one direction."""
    rules = [ImportContext.record("NetworkAcl", "inbound", rule_number=100, protocol="all",
                                  from_port=0, to_port=65535, cidr="0.0.0.0/0", action="allow")]
    if ipv6:
        rules.append(ImportContext.record("NetworkAcl", "inbound", rule_number=101, protocol="all",
                                          from_port=0, to_port=65535, cidr="::/0", action="allow"))
    return rules


def add_implicit_resources(ctx: ImportContext) -> None:
    """Reserve a main route table and a default network ACL for every VPC the template creates,
    unless the template's Kumozu metadata already lists the VPC's own."""
    for draft in ctx.sorted_drafts():
        if draft.kind != "Vpc" or draft.logical is None or draft.id in ctx.skip_implicit:
            continue
        for role in ("main-rt", "default-acl"):
            ctx.implicit(draft.id, role)
    fill_implicit(ctx)


def fill_implicit(ctx: ImportContext) -> None:
    """Create the drafts of every implicit resource reserved so far (those references such as
    ``!GetAtt Vpc.DefaultSecurityGroup`` reserved included)."""
    for (vpc, role), rid in ctx.implicit_for.items():
        if rid in ctx.drafts:
            continue
        vpc_draft = ctx.drafts[vpc]
        label = vpc_draft.name or vpc
        if role == "main-rt":
            draft = ctx.add(rid, "RouteTable", "main route table", main=True, routes=[])
            ctx.note(None, f"{rid}: the main route table AWS creates with {vpc} (local routes only)")
        elif role == "default-acl":
            draft = ctx.add(rid, "NetworkAcl", "default ACL", default=True,
                            inbound=default_acl_rules(False), outbound=default_acl_rules(False))
            ctx.note(None, f"{rid}: the default network ACL AWS creates with {vpc} (allows all "
                           f"traffic)")
        else:
            draft = ctx.add(rid, "SecurityGroup", "default security group",
                            description="default VPC security group",
                            ingress=[ctx.record("SecurityGroup", "ingress", protocol="all",
                                                from_port=0, to_port=65535, source_group=rid,
                                                description="from members of this group")])
            ctx.note(None, f"{rid}: the default security group AWS creates with {vpc}")
        draft.parent_hint = vpc


def finish_implicit(ctx: ImportContext) -> None:
    """Once every IPv6 block is known: the default ACLs of dual-stack VPCs also allow all IPv6."""
    for (vpc, role), rid in ctx.implicit_for.items():
        if role != "default-acl" or not ctx.drafts[vpc].props.get("ipv6_cidr"):
            continue
        acl = ctx.drafts[rid]
        if rid not in ctx.design_only and acl.props.get("default"):
            for direction in ("inbound", "outbound"):
                rules = acl.props[direction]
                if not any(r.get("rule_number") == 101 for r in rules):
                    rules.insert(1, default_acl_rules(True)[1])
