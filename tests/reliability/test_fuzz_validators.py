"""Fuzzing the validators and the tracer on random designs of every kind, and on designs imported
from random templates: a full validation never raises and every finding names resources of the
design; every flow traces to an answer (or a FlowError for a name, port or protocol that cannot be
traced), whatever the design holds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from model.cloudformation import load_template
from model.cloudformation.dumper import dump_yaml
from tests.reliability.strategies import designs, flows, templates
from tests.reliability.test_fuzz_native import fuzz
from validators.engine import validate
from validators.reachability import CODES, FlowError, trace
from validators.reachability.implied import implied_results


def check_validation(diagram) -> None:
    """Findings name resources of the design, or a missing resource the design refers to (the
    rules issue lists a blackhole route's target among the resources involved, and a repeated
    route's targets may be missing too); never anything else."""
    ids = set(diagram.ids())
    missing = {target for _source, _field, target in diagram.dangling_references()}
    for finding in validate(diagram):
        assert finding.message and finding.rule
        assert set(finding.resources) <= ids | missing, finding


def check_traces(data, diagram, count: int) -> None:
    for _ in range(count):
        flow = data.draw(flows(diagram), label="flow")
        try:
            result = trace(diagram, flow)
        except FlowError as error:
            assert str(error)
            continue
        assert result.paths and result.reachable == all(p.reachable for p in result.paths)
        for path in result.paths:
            if path.blocked is not None:
                assert path.blocked.code in CODES, path.blocked


@fuzz(60)
@given(st.data())
def test_validation_and_tracing_answer_for_any_design(data):
    diagram = data.draw(designs(max_resources=25))
    check_validation(diagram)
    for item in implied_results(diagram):
        assert item.result.paths
    check_traces(data, diagram, 6)


@fuzz(40)
@given(st.data())
def test_validation_and_tracing_answer_for_any_imported_template(data):
    template = data.draw(templates())
    diagram = load_template(dump_yaml(template).encode(), "t.yaml").diagram
    check_validation(diagram)
    check_traces(data, diagram, 6)
