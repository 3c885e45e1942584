"""quick_init: tracing's frozen records keep every dataclass behaviour with the one-call __init__."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from validators.reachability.legs import LegSpec
from validators.reachability.quick_init import quick_init
from validators.reachability.results import Blocked, Hop, Path


@dataclasses.dataclass(frozen=True)
class _Generated:
    a: str
    b: int = 3
    c: tuple = ()


@quick_init
@dataclasses.dataclass(frozen=True)
class _Quick:
    a: str
    b: int = 3
    c: tuple = ()


def test_same_signature_defaults_and_values_as_the_generated_init():
    assert inspect.signature(_Quick) == inspect.signature(_Generated)
    quick, generated = _Quick("x", c=(1,)), _Generated("x", c=(1,))
    assert dataclasses.astuple(quick) == dataclasses.astuple(generated) == ("x", 3, (1,))
    assert repr(quick) == repr(generated).replace("_Generated", "_Quick")


def test_equality_hash_replace_pickle_and_frozenness_hold():
    blocked = Blocked("ENI_SG_RULES_MISMATCH", "sg-db", "forward", "why", "fix", ("db",))
    same = Blocked("ENI_SG_RULES_MISMATCH", "sg-db", "forward", "why", "fix", ("db",))
    assert blocked == same and hash(blocked) == hash(same)
    assert blocked != dataclasses.replace(blocked, direction="return")
    assert dataclasses.replace(blocked, explanation="other").explanation == "other"
    assert pickle.loads(pickle.dumps(blocked)) == blocked
    with pytest.raises(dataclasses.FrozenInstanceError):
        blocked.explanation = "changed"  # type: ignore[misc]


def test_hops_are_immutable_records_too():
    """Hops are named tuples (the most numerous record; built in half the time): the same
    equality, hashing, pickling and immutability, ``_replace`` for a changed copy."""
    hop = Hop("web", "sg-web", "SecurityGroup", "security-group-ingress", "allows tcp/443", "rule 1")
    same = Hop("web", "sg-web", "SecurityGroup", "security-group-ingress", "allows tcp/443", "rule 1", True)
    assert hop == same and hash(hop) == hash(same) and hop.passed is True
    assert hop != hop._replace(passed=False)
    assert pickle.loads(pickle.dumps(hop)) == hop
    with pytest.raises(AttributeError):
        hop.detail = "changed"  # type: ignore[misc]
    path = Path("web -> db", (hop,), (), Blocked("CODE", "sg-db", "forward", "why", "fix"))
    assert not path.reachable and path.as_dict()["forward"][0]["detail"] == "allows tcp/443"


def test_a_missing_required_argument_is_still_a_type_error():
    with pytest.raises(TypeError):
        LegSpec("only-a-source")  # type: ignore[call-arg]


def test_classes_it_cannot_serve_are_refused_when_defined():
    with pytest.raises(TypeError):
        @quick_init
        @dataclasses.dataclass
        class NotFrozen:
            a: int

    with pytest.raises(TypeError):
        @quick_init
        @dataclasses.dataclass(frozen=True)
        class WithFactory:
            a: list = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError):
        @quick_init
        @dataclasses.dataclass(frozen=True)
        class WithPostInit:
            a: int

            def __post_init__(self):
                raise AssertionError("never called")


def test_hashed_once_keeps_the_dataclass_hash_and_equality():
    """Ends and leg specs hash their fields once: the same value the dataclass would give, kept
    outside the fields, so equal records still compare and hash equal."""
    from validators.reachability.endpoints import Endpoint
    from validators.reachability.quick_init import hashed_once

    @hashed_once
    @quick_init
    @dataclasses.dataclass(frozen=True)
    class Point:
        x: int
        y: tuple = ()

    p = Point(1, (2,))
    assert hash(p) == hash((1, (2,))) and p.__dict__["_hash"] == hash(p)
    assert p == Point(1, (2,)) and {p: 1}[Point(1, (2,))] == 1 and p != Point(2)
    web = Endpoint("web", "web", "Instance", ("app-a",))
    assert hash(web) == hash(Endpoint("web", "web", "Instance", ("app-a",)))
    assert web != dataclasses.replace(web, label="other")
