"""The presenter's trace chooser offers what the Trace panel offers and the destination's own port."""

from __future__ import annotations

from editor.presenter.chooser import TraceChooser, end_choices
from model.documents import open_design
from tests.support.builder import ROOT
from validators.reachability import Flow


def diagram():
    return open_design(str(ROOT / "examples" / "dual-az-web.kumozu.yaml")).diagram


def test_the_ends_are_the_internet_the_traceable_resources_and_the_services():
    names = [name for _text, name in end_choices(diagram())]
    assert names[0] == "internet"
    assert {"alb", "db", "web-asg", "s3"} <= set(names)
    assert "vpc" not in names and "rt-app-a" not in names


def test_the_destinations_own_port_is_filled_in(qtbot):
    chooser = TraceChooser(diagram(), "web-asg", "db")
    qtbot.addWidget(chooser)
    assert chooser.port.value() == 3306 and not chooser.port.isEnabled()
    assert chooser.flow() == Flow("web-asg", "db", "tcp", 3306)
    chooser.own_port.setChecked(False)
    chooser.port.setValue(5432)
    assert chooser.flow().port == 5432


def test_the_same_place_at_both_ends_is_refused(qtbot):
    chooser = TraceChooser(diagram(), "db", "db")
    qtbot.addWidget(chooser)
    chooser.buttons.accepted.emit()
    assert chooser.result() == 0 and chooser.problem.isVisibleTo(chooser)
    assert "two different places" in chooser.problem.text()


def test_the_ends_are_said_in_japanese_and_again_after_a_switch_keeping_the_choice(qtbot):
    """Kinds, the internet and the services follow the interface language; the chosen ends stay."""
    from PySide6.QtWidgets import QApplication

    from editor.translations import use_language

    chooser = TraceChooser(diagram(), "web-asg", "db")
    qtbot.addWidget(chooser)
    texts = lambda: [chooser.source.itemText(i) for i in range(chooser.source.count())]  # noqa: E731
    english_asg = next(t for t in texts() if t.startswith("web-asg"))
    try:
        use_language("ja")
        QApplication.processEvents()  # Qt delivers LanguageChange to the dialog
        assert texts()[0] == "インターネット"
        assert any(t.endswith("Auto Scalingグループ") for t in texts())
        assert "s3（AWSサービス）" in texts()
        assert chooser.flow() == Flow("web-asg", "db", "tcp", 3306)
    finally:
        use_language("en")
        QApplication.processEvents()
    assert texts()[0] == "the internet" and english_asg in texts()
