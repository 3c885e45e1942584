"""What one change set touched, seen from the validators: kinds, changed properties, and the
records as they were *before* the change, so a rule can find what a change affected before as well
as after (a subnet moved out of a VPC may have ended an overlap there)."""

from __future__ import annotations

from functools import cached_property

from model import queries as q
from model.diagram import Diagram
from model.events import ChangeSet
from model.frozen import FrozenDict
from model.resources import Resource

__all__ = ["Touched", "PLACED_BY_SUBNETS"]

#: Kinds placed by a list of subnets rather than by the container they sit in (as in model.queries).
PLACED_BY_SUBNETS = ("LoadBalancer", "AutoScalingGroup", "LambdaFunction", "EcsService", "VpcEndpoint",
                     "TransitGatewayAttachment", "ElastiCacheCluster", "DbSubnetGroup")


class Touched:
    """The resources one :class:`ChangeSet` added, removed, edited or re-parented.

    - ``kinds``: id -> kind, for every touched resource (removed ones included);
    - ``structural``: ids added, removed or re-parented, and everything inside a re-parented
      container;
    - ``properties``: id -> names of the properties that changed (``name`` for a rename).
    """

    def __init__(self, diagram: Diagram, change: ChangeSet):
        self.diagram = diagram
        self.change = change
        self.kinds: dict[str, str] = {}
        for rid, record in change.added.items():
            self.kinds[rid] = record.kind
        for rid, record in change.removed.items():
            self.kinds[rid] = record.kind
        for rid in list(change.properties) + list(change.reparented):
            record = diagram.get(rid)
            if record is not None:
                self.kinds.setdefault(rid, record.kind)
        structural = set(change.added) | set(change.removed) | set(change.reparented)
        # A container that moves carries its contents along: everything inside it now belongs to
        # another subnet, zone, VPC or Region too, so it counts as moved (its own parent is
        # unchanged; the container's old parent is in the change set).
        for rid in change.reparented:
            if rid in diagram:
                for inner in diagram.descendants(rid):
                    self.kinds.setdefault(inner.id, inner.kind)
                    structural.add(inner.id)
        self.structural = frozenset(structural)
        self.properties = {rid: frozenset(props) for rid, props in change.properties.items()}
        self.metadata = frozenset(change.metadata)
        self.relations = bool(change.relations_added or change.relations_removed)

    def __len__(self) -> int:
        return len(self.kinds)

    def of_kind(self, *kinds: str) -> set[str]:
        """Touched ids of the given kinds."""
        return {rid for rid, kind in self.kinds.items() if kind in kinds}

    def is_rename_only(self, rid: str) -> bool:
        return rid not in self.structural and self.properties.get(rid) == frozenset({"name"})

    # ------------------------------------------------------------------ the state before
    def before(self, rid: str) -> Resource | None:
        """The record as it was before the change (None if it did not exist). Untouched records
        are returned as they are now. Cost: O(changed properties of the record)."""
        if rid in self.change.added:
            return None
        if rid in self.change.removed:
            return self.change.removed[rid]
        record = self.diagram.get(rid)
        if record is None:
            return None
        changes = self.change.properties.get(rid)
        if changes:
            props = dict(record.properties)
            name = record.name
            for key, change in changes.items():
                if key == "name":
                    name = change.old
                else:
                    props[key] = change.old
            record = record.with_changes(properties=FrozenDict(props), name=name)
        if rid in self.change.reparented:
            record = record.with_changes(parent=self.change.reparented[rid][0])
        return record

    def vpc_before(self, rid: str, _depth: int = 0) -> str | None:
        """The id of the VPC ``rid`` belonged to before the change, by the rules of
        :func:`model.queries.vpc_of` applied to the old records."""
        record = self.before(rid)
        if record is None or _depth > 3:
            return None
        if record.kind == "Vpc":
            return record.id
        if record.kind in ("InternetGateway", "EgressOnlyInternetGateway"):
            return record.get("vpc") or None
        parent = record.parent
        while parent is not None:
            container = self.before(parent)
            if container is None:
                break
            if container.kind == "Vpc":
                return container.id
            parent = container.parent
        if record.kind in PLACED_BY_SUBNETS:
            for subnet in record.get("subnets", ()):
                vpc = self.vpc_before(subnet, _depth + 1) if isinstance(subnet, str) else None
                if vpc is not None:
                    return vpc
        return None

    def vpcs_of(self, rid: str) -> set[str]:
        """The VPCs ``rid`` belongs to now and belonged to before the change."""
        out = set()
        now = q.vpc_of(self.diagram, rid)
        if now is not None:
            out.add(now.id)
        before = self.vpc_before(rid)
        if before is not None:
            out.add(before)
        return out

    @cached_property
    def vpcs(self) -> frozenset[str]:
        """Every VPC a touched resource belongs to, now or before."""
        out: set[str] = set()
        for rid in self.kinds:
            out |= self.vpcs_of(rid)
        return frozenset(out)

    # ------------------------------------------------------------------ who looks at what
    def referrers(self, rid: str) -> set[str]:
        """Ids of resources whose references name ``rid`` now (dangling references to a removed
        ``rid`` included)."""
        found = {source for source, _, _ in self.diagram.references_to(rid)}
        if rid not in self.diagram:
            found |= {source for source, _, target in self._dangling if target == rid}
        return found

    @cached_property
    def _dangling(self) -> list[tuple[str, str, str]]:
        return self.diagram.dangling_references()

    def implicit_users(self, rid: str) -> set[str]:
        """Subnets that use ``rid`` without naming it: a VPC's main route table (or default
        network ACL) serves every subnet of the VPC that has none of its own. Both the state before
        and after the change count."""
        kind = self.kinds.get(rid) or (self.diagram[rid].kind if rid in self.diagram else None)
        fields = {"RouteTable": ("main", "route_table"), "NetworkAcl": ("default", "network_acl")}
        if kind not in fields:
            return set()
        flag, association = fields[kind]
        now, before = self.diagram.get(rid), self.before(rid)
        if not ((now is not None and now.get(flag)) or (before is not None and before.get(flag))):
            return set()
        out = set()
        for vpc in self.vpcs_of(rid):
            for subnet in q.subnets_in_vpc(self.diagram, vpc):
                if not subnet.get(association):
                    out.add(subnet.id)
        return out
