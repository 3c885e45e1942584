"""Switching the interface language in a live main window: menus, palette groups, inspector labels, a
finding's message, the undo steps and the trace say everything in Japanese and back in English, and
nothing of the work is lost (the document stays modified, the undo stack and the selection stay)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from editor.main_window import MainWindow
from editor.settings import Preferences
from editor.translations import current_language, use_language
from model import edits
from tests.support.builder import ROOT

EXAMPLE = ROOT / "examples" / "dual-az-web.kumozu.yaml"


@pytest.fixture
def window(qtbot, english_afterwards):
    win = MainWindow(prefs=Preferences(language="en"))
    win.presenter.full_screen = False
    win.canvas.confirm_delete = False
    assert win.files.open_path(str(EXAMPLE), example=True)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.undo_stack.setClean()
    win.close()


def switch(window, language: str) -> None:
    """What accepting Preferences does: remember the choice, install the translators; Qt then
    delivers LanguageChange to every widget."""
    window.prefs.language = language
    use_language(language)
    QApplication.processEvents()


def _menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def _inspector_labels(window) -> list[str]:
    return [label.text() for label in window.inspector.page.findChildren(QLabel)]


def test_menus_palette_inspector_and_findings_switch_to_japanese_and_back_keeping_the_work(window):
    diagram = window.document.diagram
    # Work in progress: an overlap (a finding), a modified document, a selection, two undo steps.
    window.document.push(edits.set_property(diagram, "app-c", "cidr", diagram["app-a"].get("cidr")))
    window.document.push(edits.rename(diagram, "web", "front web"))
    window.canvas.select_ids(["app-a"], center=False)
    undo_count, undo_index = window.document.undo_stack.count(), window.document.undo_stack.index()
    overlap = next(f for f in window.document.findings if f.rule == "cidr-overlap")
    window.problems.select_finding(overlap, notify=False)
    assert "&File" in _menu_titles(window)
    assert window.palette_panel.category_text("Networking") == "Networking"
    assert "IPv4 CIDR" in _inspector_labels(window)
    assert window.problems.model.data(window.problems.model.index(0, 2)) == overlap.message

    switch(window, "ja")
    assert current_language() == "ja"
    assert "ファイル(&F)" in _menu_titles(window) and "編集(&E)" in _menu_titles(window)
    assert window.palette_panel.category_text("Networking") == "ネットワーク"
    assert window.palette_panel.item_for("NatGateway").text(0) == "NATゲートウェイ"
    assert "パブリックIPv4の自動割り当て" in _inspector_labels(window)
    shown = window.problems.model.data(window.problems.model.index(0, 2))
    assert shown.startswith("VPC「web-vpc」のサブネット") and "重なっている" in shown
    assert window.problems.severity_buttons[overlap.severity].text() == "エラー1件"
    assert window.problems_dock.windowTitle() == "問題"
    assert window.menu_actions.undo.text().startswith("元に戻す(&U)：")  # "Undo Rename web" in Japanese
    assert "名前を変更" in window.document.undo_stack.command(undo_count - 1).text()
    # Nothing of the work was touched.
    assert window.document.is_modified and window.isWindowModified()
    assert (window.document.undo_stack.count(), window.document.undo_stack.index()) == (undo_count, undo_index)
    assert window.canvas.selected_ids() == ["app-a"] and window.inspector.ids == ["app-a"]
    assert window.problems.selected_finding() == overlap

    switch(window, "en")
    assert "&File" in _menu_titles(window)
    assert window.palette_panel.category_text("Networking") == "Networking"
    assert "IPv4 CIDR" in _inspector_labels(window)
    assert window.problems.model.data(window.problems.model.index(0, 2)) == overlap.message
    assert window.menu_actions.undo.text() == "&Undo Rename web server"
    assert window.document.is_modified and window.canvas.selected_ids() == ["app-a"]


def test_the_trace_panel_and_lesson_speak_japanese_after_the_switch(window, qtbot):
    window.show_trace()
    window.trace_panel.set_ends("app-a", "db")
    result = window.trace_panel.run()
    assert result is not None and not result.reachable
    switch(window, "ja")
    assert "到達不可" in window.trace_panel.verdict.text()
    assert "行き" in window.trace_panel.hops.toPlainText()
    assert "セキュリティグループ" in window.trace_panel.hops.toPlainText()
    assert window.trace_panel.result is result  # said again, not traced again
    from editor.dialogs import RuleLessonDialog
    finding = next(iter(window.document.findings), None)
    if finding is None:
        window.document.push(edits.set_property(window.document.diagram, "app-c", "cidr", "10.0.10.0/24"))
        finding = next(f for f in window.document.findings if f.rule == "cidr-overlap")
    dialog = RuleLessonDialog(finding, ["app-a"], window)
    text = dialog.body.text()
    assert "なぜ重要か：" in text and "AWSのドキュメント：" in text and "https://docs.aws.amazon.com" in text
    dialog.deleteLater()


def test_every_finding_is_one_right_click_from_its_lesson_on_the_canvas(window, qtbot):
    """The canvas context menu of an item lists "Why?" for each of its findings, in the current
    language, and choosing one opens that finding's lesson."""
    diagram = window.document.diagram
    window.document.push(edits.set_property(diagram, "app-c", "cidr", diagram["app-a"].get("cidr")))
    switch(window, "ja")
    item = window.canvas.scene.item_for("app-a")
    menu = window.canvas.context_menu(item)
    why = [a for a in menu.actions() if a.text().startswith("なぜ？")]
    assert [a.data() for a in why] == ["cidr-overlap"]
    explained = []
    window.canvas.explain_requested.disconnect(window.explain_finding)  # no modal dialog in a test
    window.canvas.explain_requested.connect(explained.append)
    why[0].trigger()
    assert [f.rule for f in explained] == ["cidr-overlap"]
    assert "右クリック：なぜ？" in item.toolTip() and "重なっている" in item.toolTip()


def test_the_preferences_dialog_offers_the_system_english_and_japanese(window, qtbot):
    from editor.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(Preferences(language="ja"), window)
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == ["", "en", "ja"]
    assert dialog.language.currentData() == "ja" and dialog.language.itemText(2) == "日本語"
    dialog.language.setCurrentIndex(0)
    assert dialog.preferences().language == ""
    dialog.deleteLater()


def choose_in_preferences(window, qtbot, language: str) -> None:
    """Open File ▸ Preferences as the user does, pick ``language`` and press OK."""
    from PySide6.QtCore import QTimer

    from editor.preferences_dialog import PreferencesDialog

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PreferencesDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.language.setCurrentIndex(dialog.language.findData(language))
        dialog.accept()
    QTimer.singleShot(0, answer)
    window.edit_preferences()
    QApplication.processEvents()


def test_choosing_japanese_in_preferences_switches_live_and_keeps_a_running_lab(window, qtbot):
    """Through the real dialog: the choice is saved, the window speaks Japanese at once, and the
    design, its undo history, the selection and a running lab with its hints are untouched."""
    from labs import load_course

    lab = load_course()[0]
    assert window.labs.start(lab)
    panel = window.labs.panel
    qtbot.mouseClick(panel.hints.button, Qt.LeftButton)
    diagram = window.document.diagram
    window.document.push(edits.set_property(diagram, "public-a", "map_public_ip_on_launch", True))
    window.canvas.select_ids(["public-a"], center=False)
    run, ticked, steps = window.labs.run, panel.goals.ticked(), window.document.undo_stack.count()

    choose_in_preferences(window, qtbot, "ja")
    assert current_language() == "ja" and Preferences.load().language == "ja"
    assert "ファイル(&F)" in _menu_titles(window) and panel.title.text() == lab.title.ja
    assert window.labs.run is run and panel.goals.ticked() == ticked and len(panel.hints.labels) == 1
    assert window.document.undo_stack.count() == steps and window.document.is_modified
    assert window.canvas.selected_ids() == ["public-a"]

    choose_in_preferences(window, qtbot, "en")
    assert current_language() == "en" and "&File" in _menu_titles(window)
    assert window.labs.run is run and panel.title.text() == lab.title.en
