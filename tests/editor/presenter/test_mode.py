"""Presenter mode in a real main window: panels hidden, large high-contrast drawing, a traced path
stepped through hop by hop from the keyboard with a ring on the current hop, the lab's goals on
demand, and the window put back exactly as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QToolBar

from editor import styles
from editor.presenter.overlay import BANNER_POINT_SIZE
from editor.presenter.window_state import take_snapshot
from model import edits
from tests.support.builder import ROOT
from validators.reachability import Flow

EXAMPLE = ROOT / "examples" / "dual-az-web.kumozu.yaml"


@pytest.fixture
def presenting(make_window):
    """The dual-AZ example with web-asg → db (tcp/3306) traced, in presenter mode."""
    window = make_window(EXAMPLE)
    window.trace_panel.set_ends("web-asg", "db")
    window.trace_panel.run()
    window.presenter.enter()
    return window


def key(qtbot, window, k) -> None:
    qtbot.keyClick(window.canvas.view, k)


def test_entering_hides_every_panel_and_draws_large_and_high_contrast(presenting):
    window = presenting
    docks = [d for d in window.findChildren(QDockWidget) if d.parentWidget() is window]
    bars = [b for b in window.findChildren(QToolBar) if b.parentWidget() is window]
    assert docks and bars
    assert not any(d.isVisible() for d in docks + bars)
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    view = window.canvas.view
    assert view.canvas_style is styles.PRESENTER_STYLE
    assert view.backgroundBrush().color().name() == "#ffffff"
    with styles.painting_with(view.canvas_style):
        assert styles.font(8.5).pointSizeF() > 10
    banner = window.presenter.banner
    assert banner.isVisible() and banner.step.font().pointSize() == BANNER_POINT_SIZE
    assert window.presenter.action.isChecked()


def test_the_arrow_keys_step_through_the_path_hop_by_hop(presenting, qtbot):
    window = presenting
    presenter = window.presenter
    steps = presenter.steps
    result = window.trace_panel.result
    assert len(steps) == len(result.deciding_path.forward) + len(result.deciding_path.returning) > 4
    assert presenter.index == 0 and presenter.highlighted_item.rid == "web-asg"
    key(qtbot, window, Qt.Key_Right)
    assert presenter.index == 1 and presenter.current_step.component == "web-sg"
    key(qtbot, window, Qt.Key_PageDown)
    key(qtbot, window, Qt.Key_Space)
    key(qtbot, window, Qt.Key_Return)
    assert presenter.index == 4
    key(qtbot, window, Qt.Key_Backspace)
    key(qtbot, window, Qt.Key_Left)
    key(qtbot, window, Qt.Key_PageUp)
    assert presenter.index == 1
    key(qtbot, window, Qt.Key_End)
    assert presenter.index == len(steps) - 1
    key(qtbot, window, Qt.Key_Right)
    assert presenter.index == len(steps) - 1  # the last hop stays the last
    key(qtbot, window, Qt.Key_Home)
    assert presenter.index == 0
    assert f"Hop 1 of {len(steps)}" in presenter.banner.step.text()


def test_the_ring_glides_to_the_current_hop_and_frames_what_was_checked(presenting, qtbot):
    window = presenting
    presenter = window.presenter
    arrive = next(i for i, s in enumerate(presenter.steps) if s.location == "db")
    presenter.go_to(arrive)
    item = presenter.highlighted_item
    assert item.rid == "db"
    target = item.anchor_rect().center()
    assert presenter.pulse.glide.endValue() == target
    qtbot.waitUntil(lambda: (presenter.pulse.pos() - target).manhattanLength() < 0.5, timeout=2000)
    assert presenter.pulse.beat.state() == presenter.pulse.beat.State.Running  # it pulses
    checked = next(i for i, s in enumerate(presenter.steps) if s.component == "db-sg")
    presenter.go_to(checked)
    frame = presenter.frame
    db_sg = window.canvas.scene.item_for("db-sg")
    assert frame.isVisible() and frame.rect().contains(db_sg.mapRectToScene(db_sg.boundingRect()))
    assert "db-sg" in presenter.banner.detail.text() or "db" in presenter.banner.detail.text()


def test_a_blocked_hop_is_shown_in_red(make_window, qtbot):
    window = make_window(EXAMPLE)
    window.trace_panel.set_ends("internet", "db")
    window.trace_panel.run()
    window.presenter.enter()
    presenter = window.presenter
    key(qtbot, window, Qt.Key_End)
    assert not presenter.current_step.passed
    assert presenter.pulse.colour.name() == "#c62828" or not presenter.pulse.isVisible()
    assert "✗" in presenter.banner.flow.text() and "✗" in presenter.banner.detail.text()


def test_escape_puts_the_window_back_exactly(make_window, qtbot):
    window = make_window(EXAMPLE)
    window.trace_panel.set_ends("web-asg", "db")
    window.trace_panel.run()
    window.problems_dock.hide()  # the user's own arrangement, not the default one
    qtbot.wait(50)  # the window lays itself out again and fits the design it opened
    window.canvas.view.set_zoom(0.8)
    window.canvas.view.horizontalScrollBar().setValue(40)
    before = take_snapshot(window)
    visible = {w.objectName() for w in window.findChildren(QDockWidget) + window.findChildren(QToolBar)
               if w.isVisible()}
    window.presenter.full_screen = True
    window.presenter.enter()
    qtbot.waitUntil(lambda: window.canvas.view.zoom() != 0.8, timeout=2000)  # fitted for presenting
    key(qtbot, window, Qt.Key_Plus)
    key(qtbot, window, Qt.Key_Right)
    key(qtbot, window, Qt.Key_Escape)
    assert not window.presenter.active and not window.presenter.action.isChecked()
    qtbot.wait(50)
    after = take_snapshot(window)
    assert after.state == before.state and after.geometry == before.geometry
    assert after.window_state == before.window_state and not window.isFullScreen()
    assert after.visible_panels == before.visible_panels
    assert {w.objectName() for w in window.findChildren(QDockWidget) + window.findChildren(QToolBar)
            if w.isVisible()} == visible and not window.problems_dock.isVisible()
    assert after.menu_bar and after.status_bar
    assert after.transform == before.transform and window.canvas.view.zoom() == pytest.approx(0.8)
    assert after.scroll == before.scroll
    assert after.font == before.font and after.canvas_style is styles.DEFAULT_STYLE
    assert window.canvas.view.backgroundBrush() == before.background
    assert window.presenter.pulse is None and not window.presenter.banner.isVisible()


def test_f5_enters_and_leaves(make_window, qtbot):
    """F5 is the action's shortcut, kept on the window itself so it works with the menu bar hidden;
    inside presenter mode F5 leaves."""
    window = make_window(EXAMPLE)
    action = window.presenter.action
    assert action.shortcut() == QKeySequence(Qt.Key_F5) and window in action.associatedObjects()
    assert action in window.menu_actions.panels_menu.parentWidget().actions()  # View menu
    action.trigger()
    assert window.presenter.active and action.isChecked()
    key(qtbot, window, Qt.Key_F5)
    assert not window.presenter.active and not action.isChecked() and window.menuBar().isVisible()


def test_presenter_keys_do_not_reach_the_tools_or_the_selection(presenting, qtbot):
    window = presenting
    window.canvas.select_ids(["db"], center=False)
    asked = []
    window.presenter.choose_flow = lambda: asked.append(True)
    key(qtbot, window, Qt.Key_T)  # also the Trace tool's shortcut
    key(qtbot, window, Qt.Key_Backspace)  # also deletes the selection when editing
    assert window.canvas.tool.name == "select" and "db" in window.document.diagram
    assert asked == [True]  # T asked the presenter's chooser instead


def test_t_traces_a_chosen_flow_when_no_path_is_loaded(make_window, qtbot):
    window = make_window(EXAMPLE)
    window.presenter.enter()
    presenter = window.presenter
    assert presenter.steps == [] and presenter.index == -1
    assert "No path" in presenter.banner.step.text()
    key(qtbot, window, Qt.Key_Right)  # nothing to step through: nothing happens
    presenter.choose_flow = lambda: Flow("internet", "alb", "tcp", 443)
    key(qtbot, window, Qt.Key_T)
    assert window.trace_panel.result.flow == Flow("internet", "alb", "tcp", 443)
    assert presenter.steps and presenter.index == 0 and presenter.current_step.location == "internet"
    assert presenter.highlighted_item is None  # the internet is not on the canvas
    key(qtbot, window, Qt.Key_Right)
    assert presenter.highlighted_item.rid == "igw"


def test_the_running_labs_flow_goal_is_the_path_when_nothing_was_traced(make_window, course):
    window = make_window()
    window.labs.start(course[0])
    window.presenter.enter()
    flow = window.presenter.result.flow
    assert (flow.source, flow.destination, flow.port) == ("internet", "web", 443)  # the first unmet one
    assert window.presenter.steps


def test_l_shows_the_labs_goals_and_escape_closes_them_first(make_window, course, qtbot):
    window = make_window()
    lab = course[0]
    window.labs.start(lab)
    window.presenter.enter()
    board = window.presenter.board
    key(qtbot, window, Qt.Key_L)
    assert board.isVisible() and board.title.text() == lab.title.en
    assert board.rows == [(g.passed, g.goal.description.en) for g in window.labs.run.result.goals]
    assert board.title.font().pointSize() >= 24
    diagram = window.document.diagram
    window.document.push(edits.set_property(diagram, "rt-main", "routes", []))
    qtbot.waitUntil(lambda: board.rows[1][0], timeout=2000)  # db subnet now private: ticked live
    key(qtbot, window, Qt.Key_Escape)
    assert not board.isVisible() and window.presenter.active
    key(qtbot, window, Qt.Key_Escape)
    assert not window.presenter.active


def test_an_edit_while_presenting_retraces_and_keeps_the_hop(presenting, qtbot):
    window = presenting
    presenter = window.presenter
    presenter.go_to(3)
    diagram = window.document.diagram
    window.document.push(edits.set_property(diagram, "db-sg", "ingress", []))
    qtbot.waitUntil(lambda: not window.trace_panel.result.reachable, timeout=2000)
    assert presenter.index == 3 and not presenter.result.reachable
    assert "✗" in presenter.banner.flow.text()


def test_zoom_keys_zoom_and_zero_fits(presenting, qtbot):
    window = presenting
    view = window.canvas.view
    qtbot.wait(20)
    start = view.zoom()
    key(qtbot, window, Qt.Key_Plus)
    assert view.zoom() == pytest.approx(start * 1.25)
    key(qtbot, window, Qt.Key_Minus)
    key(qtbot, window, Qt.Key_Minus)
    assert view.zoom() < start
    key(qtbot, window, Qt.Key_0)
    assert view.zoom() == pytest.approx(start, rel=0.05)


def test_the_ring_keeps_its_size_on_screen_when_zoomed_out(presenting, qtbot):
    window = presenting
    presenter = window.presenter
    window.canvas.view.set_zoom(0.2)
    radius = presenter.pulse.radius * window.canvas.view.zoom()
    assert radius >= 29.9
    assert presenter.pulse.pos() == QPointF(presenter.highlighted_item.anchor_rect().center())


def test_the_banner_speaks_japanese_verdict_position_and_hop_sentence(make_window, qtbot):
    """In a Japanese interface the banner is Japanese throughout: the verdict, the hop's position and
    direction, and the sentence for the hop (the tracer's own detail is English)."""
    from html import escape

    from editor.translations import use_language
    from validators.locale.trace_story import hop_sentence

    window = make_window(EXAMPLE)
    window.trace_panel.set_ends("internet", "db")
    window.trace_panel.run()
    try:
        use_language("ja")
        window.presenter.enter()
        presenter = window.presenter
        key(qtbot, window, Qt.Key_End)
        step = presenter.current_step
        assert not step.passed
        assert "止められている" in presenter.banner.flow.text()
        assert f"ホップ {len(presenter.steps)}/{len(presenter.steps)}" in presenter.banner.step.text()
        sentence = hop_sentence(window.document.diagram, step.hop, "ja")
        assert sentence != step.hop.detail
        assert escape(sentence) in presenter.banner.detail.text()
        assert escape(step.hop.detail) not in presenter.banner.detail.text()
    finally:
        use_language("en")
