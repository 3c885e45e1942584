"""Reading template text: short forms, JSON with positions, and refusing what cannot be read."""

from __future__ import annotations

import pytest

from model.cloudformation.source import MAX_TEMPLATE_BYTES, read_template, where
from model.errors import LoadError


def test_every_short_form_becomes_its_long_form():
    text = """\
a: !Ref X
b: !GetAtt Res.Attr.Nested
c: !Sub "${X}"
d: !Join [",", [a, b]]
e: !Select [0, !GetAZs ""]
f: !Split [",", "a,b"]
g: !Cidr [10.0.0.0/16, 2, 8]
h: !If [C, 1, 2]
i: !Equals [a, b]
j: !And [!Condition A, !Condition B]
k: !Or [!Condition A, !Condition B]
l: !Not [!Condition A]
m: !FindInMap [M, a, b]
n: !ImportValue shared
o: !Base64 text
"""
    doc = read_template(text.encode(), "t.yaml")
    assert doc["a"] == {"Ref": "X"}
    assert doc["b"] == {"Fn::GetAtt": ["Res", "Attr.Nested"]}
    assert doc["c"] == {"Fn::Sub": "${X}"}
    assert doc["e"] == {"Fn::Select": [0, {"Fn::GetAZs": ""}]}
    assert doc["j"] == {"Fn::And": [{"Condition": "A"}, {"Condition": "B"}]}
    assert doc["n"] == {"Fn::ImportValue": "shared"}
    assert doc["o"] == {"Fn::Base64": "text"}
    assert {k: next(iter(v)) for k, v in doc.items()} == {
        "a": "Ref", "b": "Fn::GetAtt", "c": "Fn::Sub", "d": "Fn::Join", "e": "Fn::Select",
        "f": "Fn::Split", "g": "Fn::Cidr", "h": "Fn::If", "i": "Fn::Equals", "j": "Fn::And",
        "k": "Fn::Or", "l": "Fn::Not", "m": "Fn::FindInMap", "n": "Fn::ImportValue",
        "o": "Fn::Base64"}


def test_values_keep_their_line_in_yaml_and_in_json():
    yaml_doc = read_template(b"Resources:\n  A:\n    Type: X\n", "t.yaml")
    assert where(yaml_doc["Resources"], "A") == (3, 5)
    json_doc = read_template(b'{\n  "Resources": {\n    "A": {\n      "Type": "X"\n    }\n  }\n}\n',
                             "t.json")
    assert where(json_doc["Resources"], "A") == (3, 10)


def test_json_with_tab_indentation_is_read():
    doc = read_template(b'{\n\t"Resources": {"A": {"Type": "X"}}\n}', "t.json")
    assert doc["Resources"]["A"]["Type"] == "X"


def test_malformed_json_names_the_line_and_column():
    with pytest.raises(LoadError) as caught:
        read_template(b'{\n  "Resources": {\n    "A": {"Type": "X",}\n  }\n}', "t.json")
    assert caught.value.line == 3 and caught.value.column == 23
    assert "not valid JSON" in caught.value.message


def test_duplicate_json_keys_are_refused():
    with pytest.raises(LoadError, match="appears twice"):
        read_template(b'{"Resources": {"A": {"Type": "X"}, "A": {"Type": "Y"}}}', "t.json")


def test_malformed_yaml_names_the_line():
    with pytest.raises(LoadError) as caught:
        read_template(b"Resources:\n  A:\n    Type: [unclosed\n  B: x\n", "t.yaml")
    assert caught.value.line is not None and "not valid YAML" in caught.value.message


def test_an_unknown_short_form_is_refused_at_its_line():
    with pytest.raises(LoadError) as caught:
        read_template(b"Resources:\n  A:\n    Type: X\n    Properties:\n      B: !Reff C\n", "t.yaml")
    assert caught.value.line == 5
    assert "unknown intrinsic function !Reff" in caught.value.message


def test_a_getatt_without_an_attribute_is_refused():
    with pytest.raises(LoadError, match="Resource.Attribute"):
        read_template(b"a: !GetAtt OnlyAName\n", "t.yaml")


def test_a_template_over_cloudformations_limit_is_refused_before_parsing():
    data = b"Resources:\n" + b"#" * (10 * 1024 * 1024)
    with pytest.raises(LoadError) as caught:
        read_template(data, "big.yaml")
    assert "1 MB" in caught.value.message and "10.5 MB" in caught.value.message
    assert MAX_TEMPLATE_BYTES == 1024 * 1024


def test_yaml_aliases_are_refused_in_templates():
    with pytest.raises(LoadError, match="aliases"):
        read_template(b"a: &x 1\nb: *x\n", "t.yaml")
