"""Whatever a template holds in whatever place, the import either succeeds or refuses it with a
LoadError: never another exception, which would reach the user as a traceback."""

from __future__ import annotations

import copy
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.cloudformation import load_template
from model.cloudformation.source import read_template
from model.errors import LoadError

from .support import FIXTURES, SAMPLE_TEMPLATES

ODD_VALUES = [None, 7, -1, 3.5, True, "", "x", "10.0.0.0/33", [], {}, ["a", 1], [{"a": 1}],
              {"Ref": "AWS::NoValue"}, {"Ref": "Nowhere"}, {"Fn::GetAtt": ["X", "Y"]},
              {"Fn::Select": [5, []]}, {"Fn::Sub": "${AWS::Region}"}, {"Fn::If": ["Nope", 1, 2]},
              {"Fn::Join": [",", "not a list"]}, {"Fn::FindInMap": [[1], {}, 2]},
              {"Fn::Cidr": ["10.0.0.0/16", 999, 8]}, {"Fn::GetAZs": ["list"]}]


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


TEMPLATES = [_plain(read_template((FIXTURES / name).read_bytes(), name)) for name in SAMPLE_TEMPLATES]


def _paths(value, path=()):
    if path[:1] == ("Resources",) and len(path) > 2:
        yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, path + (i,))


PATHS = [list(_paths(t)) for t in TEMPLATES]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_value_anywhere_in_a_resource_is_read_or_refused_cleanly(data):
    """Replace one to three values inside resources of a fixture template with odd ones."""
    index = data.draw(st.integers(0, len(TEMPLATES) - 1), label="template")
    template = copy.deepcopy(TEMPLATES[index])
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        path = data.draw(st.sampled_from(PATHS[index]), label="where")
        target = template
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = copy.deepcopy(data.draw(st.sampled_from(ODD_VALUES), label="value"))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this place
    try:
        result = load_template(json.dumps(template).encode(), "mutated.json")
    except LoadError as error:
        assert error.path == "mutated.json" and error.message
    else:
        assert len(result.diagram) > 0
