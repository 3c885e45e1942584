"""The palette offers every kind, grouped and searchable, and drags kinds as the canvas expects."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDrag
from PySide6.QtTest import QTest

from editor.palette import KIND_MIME_TYPE, Palette
from model.kinds import ALL_KINDS, CATEGORIES


def make_palette(qtbot) -> Palette:
    palette = Palette()
    qtbot.addWidget(palette)
    palette.resize(260, 700)
    palette.show()
    return palette


def test_palette_lists_every_kind_of_the_model_under_its_category(qtbot):
    palette = make_palette(qtbot)
    assert sorted(palette.kind_names()) == sorted(k.name for k in ALL_KINDS)
    tree = palette.tree
    categories = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert categories == [c for c in CATEGORIES if any(k.category == c for k in ALL_KINDS)]
    for kind in ALL_KINDS:
        item = palette.item_for(kind.name)
        assert item.parent().text(0) == kind.category
        assert item.text(0) == kind.label
        assert not item.icon(0).isNull()
        assert kind.description in item.toolTip(0)


def test_search_matches_label_name_and_description_ignoring_case(qtbot):
    palette = make_palette(qtbot)
    QTest.keyClicks(palette.search, "NAT")
    assert "NatGateway" in palette.visible_kind_names()
    assert "SqsQueue" not in palette.visible_kind_names()
    palette.search.setText("natgateway")  # the kind's name, lower case
    assert palette.visible_kind_names() == ["NatGateway"]
    palette.search.setText("stateless firewall")  # words from a description
    assert palette.visible_kind_names() == ["NetworkAcl"]
    palette.search.clear()
    assert len(palette.visible_kind_names()) == len(ALL_KINDS)


def test_search_hides_empty_groups_and_says_when_nothing_matches(qtbot):
    palette = make_palette(qtbot)
    palette.search.setText("queue")
    groups = {palette.tree.topLevelItem(i).text(0): palette.tree.topLevelItem(i).isHidden()
              for i in range(palette.tree.topLevelItemCount())}
    assert groups["Integration"] is False and groups["Networking"] is True
    palette.search.setText("zzzz-nothing")
    assert palette.visible_kind_names() == []
    assert palette.empty.isVisible() and "zzzz-nothing" in palette.empty.text()


def test_japanese_input_filters_without_breaking(qtbot):
    palette = make_palette(qtbot)
    palette.search.setText("サブネット")  # typed through an input method: no kind says this in English
    assert palette.visible_kind_names() == []
    palette.search.setText("サブネット subnet")
    assert palette.visible_kind_names() == []
    palette.search.setText("")
    assert len(palette.visible_kind_names()) == len(ALL_KINDS)


def test_dragging_an_entry_carries_the_kind_name_as_kumozu_mime_data(qtbot, monkeypatch):
    palette = make_palette(qtbot)
    started = []

    def fake_exec(drag, *args):  # the real exec blocks until a drop; record what would be dropped
        data = drag.mimeData()
        started.append((list(data.formats()), bytes(data.data(KIND_MIME_TYPE)).decode("utf-8")))
        return Qt.CopyAction

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    item = palette.item_for("NatGateway")
    palette.tree.setCurrentItem(item)
    palette.tree.startDrag(Qt.CopyAction)
    assert started and started[0][1] == "NatGateway"
    assert KIND_MIME_TYPE in started[0][0]
    # Qt's own drag path (mimeData for the dragged items) gives the same payload.
    data = palette.tree.mimeData([item])
    assert bytes(data.data(KIND_MIME_TYPE)) == b"NatGateway"


def test_category_headings_cannot_be_dragged(qtbot):
    palette = make_palette(qtbot)
    heading = palette.tree.topLevelItem(0)
    assert not heading.flags() & Qt.ItemIsDragEnabled
    assert not palette.tree.mimeData([heading]).hasFormat(KIND_MIME_TYPE)


def test_double_click_or_enter_asks_for_the_place_tool(qtbot):
    palette = make_palette(qtbot)
    with qtbot.waitSignal(palette.place_requested) as blocker:
        palette.tree.itemActivated.emit(palette.item_for("Subnet"), 0)
    assert blocker.args == ["Subnet"]
    palette.search.setText("internet gateway")
    with qtbot.waitSignal(palette.place_requested) as blocker:
        QTest.keyClick(palette.search, Qt.Key_Return)
    assert blocker.args == ["InternetGateway"]
