"""Every word of the model has Japanese: palette groups, kinds, their descriptions, every field's label
and help (inside records too), every choice and relation; undo steps are named in Japanese."""

from __future__ import annotations

from model import i18n
from model import kinds as _kinds
from model.edits import add_resource, move, remove_resources, rename, set_property
from model.i18n import PLACEHOLDER


def test_nothing_of_the_model_lacks_japanese():
    assert i18n.missing_entries("ja") == []


def test_every_kind_field_and_category_reads_japanese():
    """Looked up the way the editor looks them up, every kind, field and category gives a Japanese
    text (not the English fallback) unless the English is a proper name (VPC, API Gateway)."""
    kept_names = {"VPC", "API Gateway", "Transit Gateway"}
    for k in _kinds.ALL_KINDS:
        label = i18n.kind_label(k.name, "ja")
        assert label != k.label or label in kept_names, k.name
        assert i18n.kind_description(k.name, "ja") != k.description, k.name
        for path, field in i18n.iter_fields(k.fields):
            assert i18n.field_label(k.name, path, "ja"), (k.name, path)
            if field.help:
                assert i18n.field_help(k.name, path, "ja") != field.help, (k.name, path)
    assert {i18n.category_label(c, "ja") for c in _kinds.CATEGORIES}.isdisjoint(set(_kinds.CATEGORIES))


def test_field_objects_know_their_kind_and_path():
    routes = _kinds.kind("RouteTable").field("routes")
    assert i18n.field_owner(routes.record_field("target")) == ("RouteTable", "routes.target")
    assert i18n.field_label("RouteTable", "routes.target", "ja") == "ターゲット"


def test_undo_step_templates_keep_their_placeholders():
    for english, japanese in i18n.catalogue("ja")["edits"].items():
        assert set(PLACEHOLDER.findall(english)) == set(PLACEHOLDER.findall(japanese)), english


def test_edits_the_model_names_are_named_in_japanese(builder):
    """The labels real edits carry are recognised (the English never shows through)."""
    vpc = builder.vpc("vpc")
    az = builder.az("az-a", vpc)
    builder.subnet("web-a", az, "10.0.1.0/24")
    builder.add("Instance", "web-1", "web-a")
    d = builder.diagram
    labels = [add_resource(d, "Instance", "web-2", parent="web-a").label,
              set_property(d, "web-1", "instance_type", "t3.small").label,
              rename(d, "web-1", "front").label,
              move(d, {"web-1": (10, 10)}).label,
              move(d, {"web-1": (10, 10), "web-a": (0, 0)}).label,
              remove_resources(d, ["web-1"]).label,
              remove_resources(d, ["web-1", "web-a"]).label]
    for label in labels:
        japanese = i18n.edit_label(label, "ja")
        assert japanese != label and not japanese.startswith(("Add", "Change", "Rename", "Move", "Delete")), label
    assert i18n.edit_label("Move 3 resources", "ja") == "3個のリソースを移動"
    assert i18n.edit_label("Attach igw to vpc (instead of old-vpc)", "ja") == "igwをvpcにアタッチ（old-vpcの代わり）"


def test_the_locale_picks_the_language():
    assert i18n.default_language({"LANG": "ja_JP.UTF-8"}) == "ja"
    assert i18n.default_language({"LC_ALL": "en_US.UTF-8", "LANG": "ja_JP.UTF-8"}) == "en"
    assert i18n.default_language({}) == "en"
    assert i18n.normalize_language("ja-JP") == "ja" and i18n.normalize_language("fr") == "en"
