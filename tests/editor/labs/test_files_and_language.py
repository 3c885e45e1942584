"""Lab files opened from disk join the list (or are explained when they cannot be read), the run
is timed, and a change of language keeps the lab exactly where it was."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.labs import LabRun, lab_language


def copy_lab(course, tmp_path, new_id: str = "my-own-lab"):
    """Lab 1 with its designs in a folder of its own, under another id."""
    lab = course[0]
    for path in (lab.start, lab.solution):
        shutil.copy(path, tmp_path / path.name)
    text = lab.path.read_text(encoding="utf-8").replace("id: public-private-subnets", f"id: {new_id}")
    target = tmp_path / "mine.lab.yaml"
    target.write_text(text, encoding="utf-8")
    return target


def test_a_lab_file_is_listed_after_the_course_and_can_be_started(make_window, course, tmp_path):
    window = make_window()
    path = copy_lab(course, tmp_path)
    lab = window.labs.open_lab_path(str(path))
    panel = window.labs.panel
    assert lab.id == "my-own-lab" and panel.course_list.count() == len(course) + 1
    assert panel.course_list.item(len(course)).text() == f"From a file: {lab.title.en}"
    assert panel.chosen_lab() is lab
    panel.start_button.click()
    assert window.labs.run.lab is lab and window.document.path == str(tmp_path / lab.start.name)
    assert panel.position_label.text() == "Lab file"


def test_a_lab_file_that_cannot_be_read_names_the_file_and_line(make_window, tmp_path, dialogs):
    window = make_window()
    bad = tmp_path / "broken.lab.yaml"
    bad.write_text("format: kumozu-lab\nversion: 1\nid: Not An Id\n", encoding="utf-8")
    dialogs.answer(QMessageBox.Ok)
    assert window.labs.open_lab_path(str(bad)) is None
    assert dialogs.done and "broken.lab.yaml" in dialogs.seen[0]
    box_text = dialogs.seen[0]
    assert "Kumozu could not read the lab" in box_text
    assert window.labs.panel.course_list.count() == 10


def test_the_open_lab_file_action_uses_the_chosen_path(make_window, course, tmp_path):
    window = make_window()
    window.labs.choose_lab_path = lambda: str(copy_lab(course, tmp_path))
    window.labs.open_action.trigger()
    assert window.labs.panel.chosen_lab().id == "my-own-lab"


def test_a_run_times_the_attempt_until_every_goal_is_met(make_window, course):
    window = make_window()
    window.labs.start(course[1])
    ticks = iter([100.0, 160.0, 500.0])
    run = LabRun(course[1], window.document, clock=lambda: next(ticks))
    assert run.elapsed() == 60.0 and not run.finished
    run.close()


@pytest.fixture
def speak():
    """Switch the interface language the way Preferences does, and tell every widget as Qt does when
    it installs a translator (also when no compiled catalogue is at hand); English afterwards."""
    from editor.translations import use_language

    def switch(language: str) -> None:
        use_language(language)
        QCoreApplication.sendEvent(QApplication.instance(), QEvent(QEvent.LanguageChange))
        QCoreApplication.processEvents()  # Qt posts the change to each window
    yield switch
    switch("en")


def test_the_lab_language_is_the_interface_language(qtbot, speak):
    speak("ja")
    assert lab_language() == "ja"
    speak("en")
    assert lab_language() == "en"


def test_switching_to_japanese_keeps_the_lab_and_shows_its_texts_in_japanese(make_window, course, qtbot,
                                                                             speak):
    window = make_window()
    lab = course[0]
    window.labs.start(lab)
    panel = window.labs.panel
    qtbot.mouseClick(panel.hints.button, Qt.LeftButton)
    qtbot.mouseClick(panel.hints.button, Qt.LeftButton)
    ticked, run = panel.goals.ticked(), window.labs.run
    speak("ja")  # Qt sends every widget a LanguageChange event
    assert window.labs.run is run and panel.goals.ticked() == ticked
    assert panel.title.text() == lab.title.ja and panel.story.text() == lab.story.ja
    row = panel.goals.row("db-subnet-private")
    assert row.description.text() == lab.goal("db-subnet-private").description.ja
    assert row.reason.text().startswith("サブネット")
    assert [label.text() for label in panel.hints.labels] == [f"{n}. {hint.ja}" for n, hint in enumerate(lab.hints[:2], 1)]
    assert panel.course_list.item(0).text() == f"1. {lab.title.ja}"
    rule_lessons = [item for item in lab.lesson if item.rule]
    assert rule_lessons and "参考資料" in panel.lesson.text()
    for item in rule_lessons:  # the reading list names each rule by its Japanese title
        assert item.title_in("ja") != item.title and item.title_in("ja") in panel.lesson.text()
    speak("en")
    assert all(item.title in panel.lesson.text() for item in rule_lessons)
    assert panel.title.text() == lab.title.en and len(panel.hints.labels) == 2
    assert panel.hints.counter.text() == "Hint 2 of 4"


def test_the_labs_menu_lists_the_course_every_time_it_opens_in_its_language(make_window, course, speak):
    """Opening the menu again (it lists the labs afresh each time) keeps its lasting actions alive:
    the panel toggle, Open Lab File… and the language switch still work; a lab item starts its lab."""
    window = make_window()
    menu = window.labs.menu

    def opened() -> list[str]:
        menu.aboutToShow.emit()
        QApplication.processEvents()  # the previous lab items are deleted
        return [a.text() for a in menu.actions() if not a.isSeparator()]

    first = opened()
    assert first == ["Labs", "&Open Lab File…", *(f"&{n}  {lab.title.en}" for n, lab in enumerate(course, 1))]
    assert opened() == first and opened() == first
    speak("ja")
    japanese = opened()
    assert japanese[1:] == ["ラボファイルを開く(&O)…", *(f"&{n}  {lab.title.ja}" for n, lab in enumerate(course, 1))]
    speak("en")
    window.labs.panel_action.trigger()
    assert window.labs.dock.isVisible()
    lab_items = [a for a in menu.actions() if a.text().startswith("&3 ")]
    assert len(lab_items) == 1
    lab_items[0].trigger()
    assert window.labs.run is not None and window.labs.run.lab is course[2]
