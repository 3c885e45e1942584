"""Presenter mode (View ▸ Presenter Mode, F5): the window made for a projector.

Entering hides the docks, toolbars, menu and status bar, goes full screen, draws the canvas in the
large, high-contrast :data:`~editor.styles.PRESENTER_STYLE`, and shows a banner with the current
hop of a traced path. The keyboard drives it: → ↓ Page Down Space Enter next hop, ← ↑ Page Up
Backspace previous, Home / End first and last, + / - zoom, 0 fit, T trace a flow, L the lab's goals,
Esc (or F5) leave. Leaving puts the window back exactly as it was (:mod:`.window_state`).

The path is the Trace panel's (what the user traced last, or a flow traced from the chooser); when
the panel has none, the running lab's current flow goal is traced into it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from validators.locale.matched import matched_text
from validators.locale.trace_story import hop_sentence
from validators.reachability import Flow, FlowError, TraceResult, trace

from .. import styles
from ..labs.paths import trace_in_panel
from ..translations import current_language
from .chooser import TraceChooser
from .marker import FocusFrame, HopPulse
from .overlay import GoalsBoard, StepBanner
from .steps import RETURN, Step, chosen_path, steps_of
from .window_state import panels_of, restore_snapshot, take_snapshot

__all__ = ["PresenterMode", "install_presenter", "NEXT_KEYS", "PREVIOUS_KEYS"]

NEXT_KEYS = (Qt.Key_Right, Qt.Key_Down, Qt.Key_PageDown, Qt.Key_Space, Qt.Key_Return, Qt.Key_Enter)
PREVIOUS_KEYS = (Qt.Key_Left, Qt.Key_Up, Qt.Key_PageUp, Qt.Key_Backspace)
_COMMANDS = {**{k: "next" for k in NEXT_KEYS}, **{k: "previous" for k in PREVIOUS_KEYS},
             Qt.Key_Home: "first", Qt.Key_End: "last", Qt.Key_Plus: "zoom_in", Qt.Key_Equal: "zoom_in",
             Qt.Key_Minus: "zoom_out", Qt.Key_Underscore: "zoom_out", Qt.Key_0: "fit", Qt.Key_T: "trace",
             Qt.Key_L: "goals", Qt.Key_Escape: "escape", Qt.Key_F5: "leave"}
_BLOCKING_MODIFIERS = Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier
_OK, _BAD = "#1b5e20", "#b00020"


class PresenterMode(QObject):
    entered = Signal()
    left = Signal()
    # The current hop changed: its index in :attr:`steps` (-1: no path).
    step_changed = Signal(int)

    def __init__(self, window, *, full_screen: bool = True):
        super().__init__(window)
        self.window = window
        # Go full screen when entering (tests and screenshots may keep the window's size).
        self.full_screen = full_screen
        self.active = False
        self.result: TraceResult | None = None
        self.steps: list[Step] = []
        self.index = -1
        self.pulse: HopPulse | None = None
        self.frame: FocusFrame | None = None
        self._marker_scene = None
        self._snapshot = None
        # How the chooser asks for a flow (tests replace it): ``() -> Flow or None``.
        self.choose_flow = self._ask_flow
        self.banner = StepBanner(window.canvas)
        self.board = GoalsBoard(window.canvas)
        self._board_refresh = QTimer(self)  # after the lab has regraded the edit
        self._board_refresh.setSingleShot(True)
        self._board_refresh.setInterval(0)
        self._board_refresh.timeout.connect(self._refresh_board)
        self.action = QAction(window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(Qt.Key_F5))
        self.action.toggled.connect(self._toggled)
        window.addAction(self.action)  # the shortcut keeps working while the menu bar is hidden
        self._add_to_view_menu()
        panel = window.trace_panel
        panel.path_changed.connect(self._trace_panel_changed)
        panel.path_cleared.connect(self._trace_panel_cleared)
        window.document.changed.connect(self._document_changed)
        window.canvas.zoom_changed.connect(lambda _zoom: self._follow_items())
        window.installEventFilter(self)
        self.retranslate()

    # ------------------------------------------------------------------ entering and leaving
    def enter(self) -> None:
        if self.active:
            return
        window = self.window
        self._snapshot = take_snapshot(window)
        self.active = True
        for panel in panels_of(window):
            panel.hide()
        window.menuBar().hide()
        window.statusBar().hide()
        view = window.canvas.view
        view.canvas_style = styles.PRESENTER_STYLE
        view.setBackgroundBrush(QColor(styles.PRESENTER_STYLE.canvas))
        self._repaint_canvas()
        if self.full_screen:
            window.showFullScreen()
        QApplication.instance().installEventFilter(self)
        self._sync_action()
        self._load_first_path()
        view.setFocus(Qt.OtherFocusReason)
        QTimer.singleShot(0, self._fit)
        self.entered.emit()

    def leave(self) -> None:
        if not self.active:
            return
        self.active = False
        QApplication.instance().removeEventFilter(self)
        self.board.hide()
        self.banner.hide()
        self._remove_markers()
        restore_snapshot(self.window, self._snapshot)
        self._snapshot = None
        self._repaint_canvas()
        self._sync_action()
        self.left.emit()

    def _toggled(self, on: bool) -> None:
        if on:
            self.enter()
        else:
            self.leave()

    def _sync_action(self) -> None:
        self.action.blockSignals(True)
        self.action.setChecked(self.active)
        self.action.blockSignals(False)

    def _repaint_canvas(self) -> None:
        canvas = self.window.canvas
        if canvas.scene is not None:
            for item in canvas.scene.items():
                item.update()  # drops the item's cached picture, drawn in the other style
        canvas.view.resetCachedContent()
        canvas.view.viewport().update()

    def _fit(self) -> None:
        """Fit the design into the part of the canvas the banner leaves free."""
        if not self.active or self.window.canvas.scene is None:
            return
        view = self.window.canvas.view
        rect = self.window.canvas.scene.content_rect()
        free = view.viewport().height() - (self.banner.height() + 24 if self.banner.isVisible() else 0)
        if free > 100 and rect.height() > 0:
            # Asking to fit a taller rectangle leaves the bottom of the view to the banner.
            rect = rect.adjusted(0, 0, 0, rect.height() * (view.viewport().height() - free) / free)
        view.zoom_to_fit(rect)

    # ------------------------------------------------------------------ the path
    def _load_first_path(self) -> None:
        panel = self.window.trace_panel
        if panel.result is not None:
            self.load(panel.result, panel.path_choice.currentIndex())
            return
        labs = getattr(self.window, "labs", None)
        goal = labs.goal_path() if labs is not None else None
        if goal is not None and trace_in_panel(panel, goal.flow) is not None:
            return  # the panel announced the path: _trace_panel_changed loaded it
        self.load(None)

    def load(self, result: TraceResult | None, path_index: int | None = None) -> None:
        """Step through ``result`` (its path ``path_index``, else the deciding one). The same flow
        traced again after an edit keeps the current hop."""
        same = result is not None and self.result is not None and result.flow == self.result.flow
        self.result = result
        self.steps = steps_of(chosen_path(result, path_index))
        index = min(self.index, len(self.steps) - 1) if same and self.index >= 0 else 0
        self.go_to(index if self.steps else -1, animate=same)

    def _trace_panel_changed(self, *_args) -> None:
        if self.active:
            panel = self.window.trace_panel
            self.load(panel.result, panel.path_choice.currentIndex())

    def _trace_panel_cleared(self) -> None:
        if self.active:
            self.load(None)

    # ------------------------------------------------------------------ stepping
    @property
    def current_step(self) -> Step | None:
        return self.steps[self.index] if 0 <= self.index < len(self.steps) else None

    @property
    def highlighted_item(self):
        """The canvas item the packet is at in the current hop (None at the internet or a service)."""
        step = self.current_step
        scene = self.window.canvas.scene
        return scene.item_for(step.location) if step is not None and scene is not None else None

    def step(self, delta: int) -> None:
        if self.steps:
            self.go_to(max(0, min(len(self.steps) - 1, self.index + delta)))

    def go_to(self, index: int, animate: bool = True) -> None:
        """Make hop ``index`` the current one: ring it on the canvas, frame what was checked there,
        bring it into view and say what happened in the banner."""
        self.index = index if self.steps else -1
        step = self.current_step
        if step is None:
            self._remove_markers()
        else:
            self._mark(step, animate)
        self._show_banner()
        self.step_changed.emit(self.index)

    def _mark(self, step: Step, animate: bool, reveal: bool = True) -> None:
        self._ensure_markers()
        scene = self.window.canvas.scene
        item = scene.item_for(step.location)
        if item is not None:
            target = item.anchor_rect()
            self.pulse.move_to(target, step.passed, animate, self.window.canvas.view.zoom())
            if reveal:  # clear of the banner at the bottom
                below = self.banner.height() + 48 if self.banner.isVisible() else 160
                self.window.canvas.view.ensureVisible(target, 160, below)
        else:
            self.pulse.stop()
        checked = scene.item_for(step.component) if step.component != step.location else None
        if checked is not None:
            self.frame.frame(checked.mapRectToScene(checked.boundingRect()), step.passed)
        else:
            self.frame.hide()

    def _ensure_markers(self) -> None:
        scene = self.window.canvas.scene
        if self._marker_scene is scene and self.pulse is not None:
            return
        # A new design means a new scene; the old markers went with the old one.
        self.pulse, self.frame = HopPulse(), FocusFrame()
        self.pulse.setVisible(False)
        scene.addItem(self.pulse)
        scene.addItem(self.frame)
        scene.synced.connect(self._follow_items)
        self._marker_scene = scene

    def _remove_markers(self) -> None:
        if self.pulse is not None and self._marker_scene is self.window.canvas.scene:
            self.pulse.stop()
            self._marker_scene.synced.disconnect(self._follow_items)
            self._marker_scene.removeItem(self.pulse)
            self._marker_scene.removeItem(self.frame)
        self.pulse = self.frame = None
        self._marker_scene = None

    def _follow_items(self) -> None:
        step = self.current_step
        if self.active and step is not None:
            self._mark(step, animate=False, reveal=False)  # a resource moved, or the zoom changed

    # ------------------------------------------------------------------ the banner
    def _name(self, name: str) -> str:
        record = self.window.document.diagram.get(name)
        if record is not None:
            return record.label
        return self.tr("the internet") if name == "internet" else name

    def _show_banner(self) -> None:
        if not self.active:
            return
        keys = self.tr("→ Space next · ← Backspace back · + − zoom · 0 fit · T trace · L goals · "
                       "Esc leave")
        step = self.current_step
        if step is None:
            self.banner.show_texts("", escape(self.tr("No path to step through")),
                                   escape(self.tr("Press T to trace a flow (or trace one in the Trace "
                                                  "panel before presenting).")), escape(keys))
            return
        flow = self.result.flow
        port = "" if flow.protocol == "icmp" else f"/{flow.port}"
        # Translated outside the f-strings: lupdate does not look inside them.
        reachable, blocked = self.tr("reachable"), self.tr("blocked")
        verdict = f"<span style='color:{_OK}'>✓ {escape(reachable)}</span>" \
            if self.result.reachable else f"<span style='color:{_BAD}'>✗ {escape(blocked)}</span>"
        flow_html = (f"{escape(self._name(flow.source))} → {escape(self._name(flow.destination))} · "
                     f"{escape(flow.protocol)}{escape(port)} · {verdict}")
        way = self.tr("back (the reply)") if step.direction == RETURN else self.tr("there")
        position = self.tr("Hop %1 of %2").replace("%1", str(step.number)).replace("%2", str(step.total))
        step_html = f"{escape(position)} · {escape(way)} · {escape(self._name(step.location))}"
        detail = escape(hop_sentence(self.window.document.diagram, step.hop, current_language()))
        if step.hop.matched:
            matched = matched_text(step.hop.matched, current_language())
            detail += f" <span style='color:#263238'>[{escape(matched)}]</span>"
        if not step.passed:
            detail = f"<span style='color:{_BAD}'><b>✗</b> {detail}</span>"
        self.banner.show_texts(flow_html, step_html, detail, escape(keys))

    # ------------------------------------------------------------------ tracing and goals
    def choose_trace(self) -> TraceResult | None:
        """Ask for a flow (T) and trace it with the Trace panel; the presenter steps through it."""
        flow = self.choose_flow()
        if flow is None:
            return None
        return trace_in_panel(self.window.trace_panel, flow)

    def _ask_flow(self) -> Flow | None:
        current = self.result.flow if self.result is not None else None
        dialog = TraceChooser(self.window.document.diagram, current.source if current else "internet",
                              current.destination if current else "", self.window)
        try:
            while dialog.exec() == QDialog.Accepted:
                flow = dialog.flow()
                try:
                    trace(self.window.document.diagram, flow)
                except FlowError as exc:
                    dialog.show_problem(str(exc))
                    continue
                return flow
            return None
        finally:
            dialog.deleteLater()

    def toggle_goals(self) -> None:
        if self.board.isVisible():
            self.board.hide()
        else:
            self._refresh_board(show=True)

    def _document_changed(self, change) -> None:
        if self.active and self.board.isVisible() and not change.is_layout_only:
            self._board_refresh.start()

    def _refresh_board(self, show: bool = False) -> None:
        if not (show or self.board.isVisible()):
            return
        labs = getattr(self.window, "labs", None)
        run = labs.run if labs is not None else None
        if run is None or run.result is None:
            self.board.show_message(self.tr("No lab is running"),
                                    self.tr("Start a lab from the Labs menu to show its goals here."))
            return
        language = labs.language()
        result = run.result
        rows = [(g.passed, g.goal.description.get(language), g.reason.get(language)) for g in result.goals]
        progress = self.tr("%1 of %2 goals met").replace("%1", str(result.passed_count)) \
            .replace("%2", str(result.total))
        self.board.show_goals(run.lab.title.get(language), progress, rows)

    # ------------------------------------------------------------------ keys and language
    def command_for(self, event) -> str | None:
        """What a key press does in presenter mode (None: not one of its keys)."""
        if event.modifiers() & _BLOCKING_MODIFIERS:
            return None
        return _COMMANDS.get(event.key())

    def run_command(self, command: str) -> None:
        canvas = self.window.canvas
        if command == "next":
            self.step(1)
        elif command == "previous":
            self.step(-1)
        elif command == "first":
            self.go_to(0)
        elif command == "last":
            self.go_to(len(self.steps) - 1)
        elif command == "zoom_in":
            canvas.zoom_in()
        elif command == "zoom_out":
            canvas.zoom_out()
        elif command == "fit":
            self._fit()
        elif command == "trace":
            self.choose_trace()
        elif command == "goals":
            self.toggle_goals()
        elif command == "escape" and self.board.isVisible():
            self.board.hide()
        elif command in ("escape", "leave"):
            self.leave()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.LanguageChange and watched is self.window:
            self.retranslate()
            return False
        if not self.active or kind not in (QEvent.KeyPress, QEvent.ShortcutOverride):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False  # a dialog's keys (the trace chooser) stay the dialog's
        command = self.command_for(event)
        if command is None:
            return False
        event.accept()  # ShortcutOverride: the key is ours, not a menu shortcut's (T is a tool)
        if kind == QEvent.KeyPress:
            self.run_command(command)
        return True

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Presenter Mode"))
        tip = self.tr("Large type, high contrast, panels hidden; step through a traced path with the "
                      "arrow keys (F5 or Esc leaves)")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self._show_banner()
        if self.board.isVisible():
            self._refresh_board()

    def _add_to_view_menu(self) -> None:
        panels = getattr(getattr(self.window, "menu_actions", None), "panels_menu", None)
        view_menu = panels.parentWidget() if panels is not None else None
        if view_menu is None:
            return
        before = panels.menuAction()
        view_menu.insertAction(before, self.action)
        view_menu.insertSeparator(before)


def install_presenter(window, *, full_screen: bool = True) -> PresenterMode:
    """Add View ▸ Presenter Mode (F5) to ``window``; the mode is ``window.presenter``."""
    window.presenter = PresenterMode(window, full_screen=full_screen)
    return window.presenter
