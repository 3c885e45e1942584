"""What a trace answers: plain frozen records the editor can draw and the labs can grade.

A :class:`TraceResult` holds one :class:`Path` per concrete way the flow can go (an Auto Scaling
group in two subnets talking to a database in two subnets gives four), each with its forward and
return :class:`Hop` lists and, when it is blocked, a :class:`Blocked` naming the component, the
direction and the explanation code. The flow is reachable only when every path is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .quick_init import quick_init

__all__ = ["Flow", "Hop", "Blocked", "Path", "TraceResult", "Check", "Direction"]


@quick_init
@dataclass(frozen=True)
class Flow:
    """Traffic from ``source`` to ``destination``: each a resource id, ``internet``, or an AWS
    service name (``s3``, ``dynamodb``, ``ecr``, ``logs``...). ``port`` is the destination port
    (ignored for ICMP)."""

    source: str
    destination: str
    protocol: str = "tcp"
    port: int = 443

    def __str__(self) -> str:
        port = "" if self.protocol == "icmp" else f"/{self.port}"
        return f"{self.source} -> {self.destination} {self.protocol}{port}"

    def as_dict(self) -> dict:
        return {"source": self.source, "destination": self.destination, "protocol": self.protocol,
                "port": self.port}


class Check:
    """What a hop checked (the ``check`` field of a :class:`Hop`)."""

    DEPART = "depart"
    DNS = "dns"
    SG_EGRESS = "security-group-egress"
    NACL_OUTBOUND = "network-acl-outbound"
    ROUTE = "route"
    GATEWAY = "gateway"
    LISTENER = "listener"
    TARGET = "target-group"
    NACL_INBOUND = "network-acl-inbound"
    SG_INGRESS = "security-group-ingress"
    ARRIVE = "arrive"


class Direction:
    FORWARD = "forward"
    RETURN = "return"


class Hop(NamedTuple):
    """One step of a path.

    ``location`` is where the packet is (the resource whose network interface, gateway or service
    it is at; ``internet``; a service name); ``component`` is what was checked there (a security
    group, a network ACL, a route table, a gateway...) and ``kind`` its kind. ``detail`` says in a
    sentence what was checked and ``matched`` which rule or route decided (empty when nothing
    matched).

    A named tuple rather than a frozen dataclass: a full validation makes a hop per check on every
    implied flow (12,500 at 1,000 resources), and a tuple is built in half the time."""

    location: str
    component: str
    kind: str
    check: str
    detail: str
    matched: str = ""
    passed: bool = True

    def as_dict(self) -> dict:
        return {"location": self.location, "component": self.component, "kind": self.kind,
                "check": self.check, "detail": self.detail, "matched": self.matched,
                "passed": self.passed}


@quick_init
@dataclass(frozen=True)
class Blocked:
    """Why a path is blocked: the explanation ``code``, the ``component`` that drops the traffic,
    whether it happens on the way there or on the way back, and every resource involved."""

    code: str
    component: str
    direction: str
    explanation: str
    suggestion: str
    resources: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"code": self.code, "component": self.component, "direction": self.direction,
                "explanation": self.explanation, "suggestion": self.suggestion,
                "resources": list(self.resources)}


@quick_init
@dataclass(frozen=True)
class Path:
    """One concrete way through the network (one source subnet, one destination subnet, one
    service behind a composite name such as ``ecr``)."""

    label: str
    forward: tuple[Hop, ...]
    returning: tuple[Hop, ...] = ()
    blocked: Blocked | None = None

    @property
    def reachable(self) -> bool:
        return self.blocked is None

    def locations(self) -> tuple[str, ...]:
        """The resources the packet passes through, in order, without repeats in a row: what the
        canvas draws as the path."""
        out: list[str] = []
        for hop in self.forward:
            if not out or out[-1] != hop.location:
                out.append(hop.location)
        return tuple(out)

    def as_dict(self) -> dict:
        return {"label": self.label, "reachable": self.reachable,
                "locations": list(self.locations()),
                "forward": [h.as_dict() for h in self.forward],
                "return": [h.as_dict() for h in self.returning],
                "blocked": self.blocked.as_dict() if self.blocked else None}


@quick_init
@dataclass(frozen=True)
class TraceResult:
    """The answer to "can ``flow.source`` reach ``flow.destination``?".

    ``route`` names the way that was chosen (``direct``, ``via web-alb``...); ``paths`` are every
    concrete path along it, all of which must pass; ``notes`` are the assumptions made (a default
    security group, a generic internet address...)."""

    flow: Flow
    reachable: bool
    paths: tuple[Path, ...]
    route: str = "direct"
    notes: tuple[str, ...] = ()

    @property
    def deciding_path(self) -> Path | None:
        """The first blocked path, or the first path when all pass."""
        for path in self.paths:
            if not path.reachable:
                return path
        return self.paths[0] if self.paths else None

    @property
    def blocked(self) -> Blocked | None:
        path = self.deciding_path
        return path.blocked if path else None

    @property
    def forward_hops(self) -> tuple[Hop, ...]:
        path = self.deciding_path
        return path.forward if path else ()

    @property
    def return_hops(self) -> tuple[Hop, ...]:
        path = self.deciding_path
        return path.returning if path else ()

    def locations(self) -> tuple[str, ...]:
        path = self.deciding_path
        return path.locations() if path else ()

    def as_dict(self) -> dict:
        blocked = self.blocked
        return {"flow": self.flow.as_dict(), "reachable": self.reachable, "route": self.route,
                "blocked": blocked.as_dict() if blocked else None,
                "locations": list(self.locations()),
                "paths": [p.as_dict() for p in self.paths], "notes": list(self.notes)}
