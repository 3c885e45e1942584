"""Logical ids from model ids, and symbolic values written as one line of short-form YAML."""

from __future__ import annotations

import pytest

from model.cloudformation.dumper import dump_yaml, expression, parse_expression
from model.cloudformation.ids import camel, logical_ids


def test_ids_that_are_already_logical_ids_are_kept():
    assert logical_ids(["Vpc", "PublicSubnet1"]) == {"Vpc": "Vpc", "PublicSubnet1": "PublicSubnet1"}


def test_other_ids_become_camel_case_and_collisions_get_a_number():
    ids = logical_ids(["web-a", "rt_app.a", "WebA", "web.a"])
    assert ids == {"WebA": "WebA", "rt_app.a": "RtAppA", "web-a": "WebA2", "web.a": "WebA3"}
    assert camel("---") == "Resource"


@pytest.mark.parametrize("form", [
    {"Ref": "KeyName"},
    {"Fn::Sub": "arn:aws:s3:::${Bucket}/*"},
    {"Fn::Select": [0, {"Fn::GetAtt": ["Vpc", "Ipv6CidrBlocks"]}]},
    {"Fn::If": ["HasKey", {"Ref": "KeyName"}, {"Ref": "AWS::NoValue"}]},
    {"Fn::Base64": {"Fn::Sub": "echo ${AWS::StackName}"}},
    {"Fn::Sub": ["x-${A}", {"A": {"Ref": "P"}}]},
    "yes", "10", ": odd",
])
def test_expressions_read_back_as_the_value_they_were_written_from(form):
    text = expression(form)
    assert "\n" not in text
    assert parse_expression(text) == form


def test_short_forms_are_plain_when_they_can_be_and_nested_functions_keep_a_long_name():
    text = dump_yaml({"A": {"Ref": "Vpc"}, "B": {"Fn::Base64": {"Fn::Sub": "x ${AWS::Region}"}},
                      "C": {"Fn::Select": [0, {"Fn::GetAZs": ""}]}, "D": "2010-09-09"})
    assert text.splitlines() == ["A: !Ref Vpc", "B:", "  Fn::Base64: !Sub 'x ${AWS::Region}'",
                                 "C: !Select [0, !GetAZs '']", "D: '2010-09-09'"]


def test_a_hand_written_symbolic_value_that_is_not_an_intrinsic_stays_text():
    assert parse_expression("{not: [valid") == "{not: [valid"


def test_remembered_expressions_are_the_ones_written_afresh():
    """Small forms are remembered; a remembered text must be what the form alone gives, whatever
    was written before it (a list of one name is not the name, a number not its text)."""
    from model.cloudformation import dumper

    forms = [{"Ref": "LatestAmiId"}, {"Ref": ["LatestAmiId"]}, {"Fn::GetAtt": ["Alb", "DNSName"]},
             {"Fn::GetAtt": "Alb.DNSName"}, {"Fn::Sub": "a ${B}"}, {"Ref": 10}, {"Ref": "10"}]
    fresh = [dumper._expression(f) for f in forms]
    dumper._EXPRESSIONS.clear()
    assert [expression(f) for f in forms] == fresh
    assert [expression(f) for f in reversed(forms)] == list(reversed(fresh))
    assert fresh[0] != fresh[1]
