"""The reference solution opens read-only beside the student's design, lists how the two differ and
follows the student's edits; the student's design is never touched."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.labs.compare import ADDED, CHANGED

from .helpers import edits_towards


def test_the_solution_is_shown_read_only_with_the_differences(make_window, course, qtbot):
    window = make_window()
    lab = course[0]
    window.labs.start(lab)
    text_before = window.document.to_native_text()
    dialog = window.labs.show_solution()
    assert dialog is not None and dialog.isVisible()
    assert dialog.solution is not window.document.diagram
    assert dialog.scene.item_for("rt-public") is not None  # the solution's own route table
    assert window.canvas.scene.item_for("rt-public") is None  # not added to the student's design
    found = {(d.change, d.rid, d.field) for d in dialog.differences}
    assert (ADDED, "rt-public", "") in found and (CHANGED, "public-a", "route_table") in found
    assert dialog.tree.topLevelItem(0).text(0).startswith("In the solution, not in your design")
    assert window.document.to_native_text() == text_before and not window.document.is_modified
    assert dialog.windowTitle() == f"Reference Solution — {lab.title.en}"


def test_the_differences_follow_the_students_edits(make_window, course, qtbot):
    window = make_window()
    lab = course[0]
    window.labs.start(lab)
    dialog = window.labs.show_solution()
    for edit in edits_towards(window.document.diagram, lab.solution_diagram()):
        window.document.push(edit)
    qtbot.waitUntil(lambda: dialog.differences == [], timeout=3000)
    assert dialog.tree.topLevelItem(0).text(0) == "Your design matches the solution."


def test_clicking_a_difference_shows_that_resource_in_the_solution(make_window, course, qtbot):
    window = make_window()
    window.labs.start(course[0])
    dialog = window.labs.show_solution()
    group = dialog.tree.topLevelItem(0)
    child = group.child(0)
    dialog.tree.itemClicked.emit(child, 0)
    assert [i.rid for i in dialog.scene.selectedItems()] == [child.data(0, Qt.UserRole + 1)]


def test_the_summary_says_the_solution_was_looked_at(make_window, course):
    window = make_window()
    lab = course[0]
    window.labs.start(lab)
    window.labs.show_solution().close()
    for edit in edits_towards(window.document.diagram, lab.solution_diagram()):
        window.document.push(edit)
    card = window.labs.panel.card
    assert card.isVisible() and card.solution_note.isVisible()
    assert "reference solution" in card.solution_note.text()


def test_closing_the_lab_closes_its_solution(make_window, course, qtbot):
    window = make_window()
    window.labs.start(course[0])
    dialog = window.labs.show_solution()
    with qtbot.waitSignal(dialog.destroyed, timeout=2000):
        window.labs.leave()
    assert window.labs.solution_dialog is None
