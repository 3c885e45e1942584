"""Whatever a design looks like - malformed CIDRs, references to missing resources, odd placements -
tracing answers (reachable or blocked with a known code) or refuses the names cleanly; it never
crashes, and every blocked answer names a component and a code the catalogue explains."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.errors import DiagramError
from tests.support.builder import load_example
from tests.validators.edit_strategies import an_edit
from validators.reachability import CODES, Flow, FlowError, trace
from validators.reachability.implied import implied_results
from validators.reachability.tls import tls_paths

START = ["dual-az-web", "ecs-fargate", "route-tables"]
ENDS = ["internet", "s3", "ecr", "logs", "dynamodb"]


def _check(result):
    assert result.paths, "a trace always has at least one path"
    assert result.reachable == all(p.reachable for p in result.paths)
    for path in result.paths:
        assert path.forward, "every path starts somewhere"
        if path.blocked is not None:
            assert path.blocked.code in CODES
            assert path.blocked.direction in ("forward", "return")
            assert path.blocked.explanation and path.blocked.suggestion
            hops = path.forward if path.blocked.direction == "forward" else path.returning
            assert not hops[-1].passed, "the last hop of a blocked direction is the blocking one"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_tracing_survives_random_edits(data):
    """After random (often nonsensical) edits, implied flows, traces between any two ends and TLS
    reports are all computed without an exception."""
    diagram = load_example(data.draw(st.sampled_from(START), label="example"))
    for step in range(data.draw(st.integers(1, 12), label="steps")):
        try:
            diagram.apply(data.draw(an_edit(diagram), label=f"edit {step}"))
        except DiagramError:
            continue
    for item in implied_results(diagram):
        _check(item.result)
    names = diagram.ids() + ENDS
    for _ in range(8):
        source = data.draw(st.sampled_from(names), label="from")
        destination = data.draw(st.sampled_from(names), label="to")
        port = data.draw(st.sampled_from([22, 80, 443, 3306, 8080]), label="port")
        protocol = data.draw(st.sampled_from(["tcp", "udp", "icmp"]), label="protocol")
        try:
            _check(trace(diagram, Flow(source, destination, protocol, port)))
        except FlowError as exc:
            assert str(exc)
        for report in tls_paths(diagram, source):
            assert report.chain and report.chain[0] == source
