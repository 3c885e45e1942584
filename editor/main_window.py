"""The main window: the canvas in the centre, the palette, inspector and problems around it.

The window owns one :class:`Document` and wires the panels to it and to the canvas; the panels never
talk to each other directly. File handling is in :mod:`editor.file_ops`, actions and menus in
:mod:`editor.window_actions`, autosave in :mod:`editor.recovery`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtWidgets import (QApplication, QDockWidget, QHBoxLayout, QLabel, QMainWindow, QMessageBox,
                               QToolButton, QUndoView, QWidget)

from model import kinds as _kinds
from model.documents import DesignFormat
from model.i18n import kind_label
from model.version import __version__
from validators.finding import Severity
from validators.reachability import implied_results

from .canvas import Canvas
from .dialogs import RuleLessonDialog
from .document import Document
from .file_ops import FileOperations
from .icons import ui_icon
from .inspector import Inspector
from .labs import install_labs
from .palette import Palette
from .preferences_dialog import PreferencesDialog
from .presenter import install_presenter
from .problems_panel import SEVERITY_ICONS, ProblemsPanel
from .recovery import Autosaver, RecoveryStore, autosave_interval_ms
from .settings import Preferences, RecentFiles, load_window_state, save_window_state, settings_store
from .trace_panel import TracePanel
from .translations import current_language, use_language
from .commands import rename_undo_steps
from .window_actions import WindowActions

__all__ = ["MainWindow"]


class SeverityCounts(QWidget):
    """Error, warning and note counts with their icons; a click shows those problems."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.buttons: dict[Severity, QToolButton] = {}
        for severity in Severity:
            button = QToolButton()
            button.setAutoRaise(True)
            button.setIcon(ui_icon(SEVERITY_ICONS[severity]))
            button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            layout.addWidget(button)
            self.buttons[severity] = button

    def show_counts(self, findings) -> None:
        for severity, button in self.buttons.items():
            n = sum(1 for f in findings if f.severity is severity)
            button.setText(str(n))
            if severity is Severity.ERROR:
                tip = self.tr("%n error(s): click to list them", "", n)
            elif severity is Severity.WARNING:
                tip = self.tr("%n warning(s): click to list them", "", n)
            else:
                tip = self.tr("%n note(s): click to list them", "", n)
            button.setToolTip(tip)

    def count(self, severity: Severity) -> int:
        return int(self.buttons[severity].text() or 0)


class MainWindow(QMainWindow):
    def __init__(self, document: Document | None = None, *, prefs: Preferences | None = None,
                 recovery: RecoveryStore | None = None):
        super().__init__()
        self.setObjectName("kumozu-main-window")
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.document = document or Document()
        self.document.setParent(self)
        self.prefs = prefs or Preferences.load()
        use_language(self.prefs.language)  # before any text is set
        self.recent = RecentFiles()
        self.is_example = False
        self.canvas = Canvas(self.document, self)
        self.setCentralWidget(self.canvas)
        self.palette_panel = Palette()
        self.inspector = Inspector(self.document)
        self.problems = ProblemsPanel(self.document)
        self.trace_panel = TracePanel(self.document)
        self.undo_view = QUndoView(self.document.undo_stack)
        self.palette_dock = self._dock("palette-dock", self.palette_panel, Qt.LeftDockWidgetArea)
        self.inspector_dock = self._dock("inspector-dock", self.inspector, Qt.RightDockWidgetArea)
        self.problems_dock = self._dock("problems-dock", self.problems, Qt.BottomDockWidgetArea)
        self.trace_dock = self._dock("trace-dock", self.trace_panel, Qt.RightDockWidgetArea)
        self.history_dock = self._dock("history-dock", self.undo_view, Qt.RightDockWidgetArea)
        self._name_docks()
        self.tabifyDockWidget(self.inspector_dock, self.trace_dock)
        self.tabifyDockWidget(self.inspector_dock, self.history_dock)
        self.inspector_dock.raise_()
        self.files = FileOperations(self)
        self.menu_actions = WindowActions(self)
        for dock in (self.palette_dock, self.inspector_dock, self.problems_dock, self.trace_dock,
                     self.history_dock):
            self.menu_actions.panels_menu.addAction(dock.toggleViewAction())
        install_labs(self)  # the Labs dock and menu (editor/labs)
        install_presenter(self)  # View ▸ Presenter Mode, F5 (editor/presenter)
        self._build_status_bar()
        store = recovery or RecoveryStore()
        self.autosaver = Autosaver(self.document, store.new_session(),
                                   autosave_interval_ms(self.prefs.autosave_seconds), self)
        self.autosaver.origin = lambda: (None if self.is_example else self.document.path,
                                         self.document.format)
        self.autosaver.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self._flows_timer = QTimer(self)  # implied flows are traced again once edits settle
        self._flows_timer.setSingleShot(True)
        self._flows_timer.setInterval(150)
        self._flows_timer.timeout.connect(self._draw_implied_flows)
        self._wire()
        self._apply_preferences()
        self.resize(1440, 900)
        self.resizeDocks([self.palette_dock, self.inspector_dock], [240, 360], Qt.Horizontal)
        self.resizeDocks([self.problems_dock], [150], Qt.Vertical)
        self._restore_window_state()
        self._update_title()
        self._findings_changed()
        self._selection_changed([])

    # ------------------------------------------------------------------ building
    def _dock(self, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.tool_label = QLabel()
        self.tool_label.setStyleSheet("color: #55636b; padding: 0 6px;")
        self.counts = SeverityCounts()
        for severity, button in self.counts.buttons.items():
            button.clicked.connect(lambda _=False, s=severity: self.show_problems(s))
        self.zoom_label = QToolButton()
        self.zoom_label.setAutoRaise(True)
        self.zoom_label.setToolTip(self.tr("Zoom level: click to fit the design in the window"))
        self.zoom_label.clicked.connect(self.canvas.zoom_to_fit)
        status.addPermanentWidget(self.tool_label)
        status.addPermanentWidget(self.counts)
        status.addPermanentWidget(self.zoom_label)
        self._zoom_changed(1.0)

    def _wire(self) -> None:
        doc, canvas = self.document, self.canvas
        doc.clean_changed.connect(self._show_clean)
        doc.path_changed.connect(lambda _p: self._update_title())
        doc.findings_changed.connect(lambda _delta: self._findings_changed())
        doc.diagram_replaced.connect(self._diagram_replaced)
        doc.refused.connect(lambda why: self.statusBar().showMessage(
            self.tr("Not possible: %1").replace("%1", why), 8000))
        doc.changed.connect(self._redraw_flows_later)
        canvas.selection_changed.connect(self._selection_changed)
        canvas.tool_changed.connect(self._tool_changed)
        canvas.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        canvas.zoom_changed.connect(self._zoom_changed)
        self.palette_panel.place_requested.connect(self._place_requested)
        self.inspector.navigate_requested.connect(lambda ids: canvas.select_ids(ids, center=True))
        self.problems.resources_selected.connect(lambda ids: canvas.select_ids(ids, center=True))
        self.problems.explain_requested.connect(self.explain_finding)
        canvas.explain_requested.connect(self.explain_finding)
        canvas.trace_picked.connect(self._trace_picked)
        self.trace_panel.path_changed.connect(canvas.show_path)
        self.trace_panel.path_cleared.connect(canvas.clear_path)
        self.trace_panel.pick_requested.connect(lambda: canvas.set_tool("trace"))
        self.trace_panel.hop_selected.connect(lambda ids: canvas.select_ids(ids, center=True))

    # ------------------------------------------------------------------ state shown
    def display_name(self) -> str:
        name = self.document.display_name
        if self.is_example:
            return self.tr("%1 (example)").replace("%1", name)
        if self.document.format is DesignFormat.CLOUDFORMATION:
            return self.tr("%1 (CloudFormation)").replace("%1", name)
        return name

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.display_name()}[*] — Kumozu")
        self.setWindowModified(self.document.is_modified)
        if self.document.path:
            self.setWindowFilePath(self.document.path)

    def set_example(self, example: bool) -> None:
        self.is_example = example
        self._update_title()

    def _findings_changed(self) -> None:
        self.counts.show_counts(self.document.findings)  # the canvas outlines them itself

    def _show_clean(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _diagram_replaced(self) -> None:
        self._findings_changed()
        if self.menu_actions.implied_flows.isChecked():
            self._flows_timer.start()
        self._update_title()
        QTimer.singleShot(0, self.canvas.zoom_to_fit)

    def _selection_changed(self, ids: list) -> None:
        self.inspector.show_selection(ids)
        has = bool(ids)
        for action in (self.menu_actions.delete, self.menu_actions.cut, self.menu_actions.copy,
                       self.menu_actions.duplicate):
            action.setEnabled(has)
        for action in self.menu_actions.align + [self.menu_actions.distribute_h,
                                                 self.menu_actions.distribute_v]:
            action.setEnabled(len(ids) >= 2)

    def _tool_changed(self, name: str) -> None:
        self.menu_actions.show_tool(name)
        if name.startswith("place:"):
            kind = name.split(":", 1)[1]
            label = kind_label(kind, current_language()) if _kinds.is_kind(kind) else kind
            self.tool_label.setText(self.tr("Placing %1: click where it goes (Esc cancels)").replace("%1", label))
        elif name == "connect":
            self.tool_label.setText(self.tr("Connect: drag from one resource to another"))
        elif name == "trace":
            self.tool_label.setText(self.tr("Trace: click the source, then the destination"))
            self.show_trace()
        else:
            self.tool_label.setText("")

    def _trace_picked(self, source: str, destination: str) -> None:
        self.show_trace()
        self.trace_panel.set_ends(source, destination)
        self.trace_panel.run()

    def show_trace(self) -> None:
        self.trace_dock.show()
        self.trace_dock.raise_()

    def _zoom_changed(self, factor: float) -> None:
        self.zoom_label.setText(f"{factor * 100:.0f}%")

    def _place_requested(self, kind: str) -> None:
        self.canvas.set_tool(f"place:{kind}")
        self.canvas.setFocus()

    # ------------------------------------------------------------------ commands
    def delete_selection(self) -> None:
        """Delete what is selected; the canvas says what goes along first (if the preference asks)."""
        self.canvas.delete_selection()

    def show_implied_flows(self, on: bool) -> None:
        """Draw (or stop drawing) every flow the design implies on the canvas."""
        if on:
            self._draw_implied_flows()
        else:
            self._flows_timer.stop()
            self.canvas.clear_overlay_flows()

    def _redraw_flows_later(self, change) -> None:
        if self.menu_actions.implied_flows.isChecked() and not change.is_layout_only:
            self._flows_timer.start()

    def _draw_implied_flows(self) -> None:
        flows = []
        for implied in implied_results(self.document.diagram):
            flow = implied.result.flow
            port = "" if flow.protocol == "icmp" else f"/{flow.port}"
            if implied.satisfied:
                verdict = self.tr("passes")
            elif implied.result.blocked:
                verdict = self.tr("blocked (%1)").replace("%1", implied.result.blocked.code)
            else:
                verdict = self.tr("blocked")
            flows.append((flow.source, flow.destination, implied.satisfied,
                          f"{implied.implied.reason} — {flow.protocol}{port} {verdict}"))
        self.canvas.show_overlay_flows(flows)
        blocked = sum(1 for f in flows if not f[2])
        self.statusBar().showMessage(self.tr("%n implied flow(s), %1 blocked", "", len(flows))
                                     .replace("%1", str(blocked)), 5000)

    def set_snap(self, on: bool) -> None:
        self.canvas.set_snap(on)
        self.prefs.snap_to_grid = on
        self.prefs.save()

    def step_problem(self, step: int) -> None:
        """Select the next (or previous) problem in the Problems panel and show its resources."""
        findings = self.problems.visible_findings()
        if not findings:
            self.statusBar().showMessage(self.tr("No problems"), 3000)
            return
        current = self.problems.selected_finding()
        index = findings.index(current) + step if current in findings else (0 if step > 0 else -1)
        self.problems_dock.show()
        self.problems.select_finding(findings[index % len(findings)])

    def show_problems(self, severity: Severity | None = None) -> None:
        self.problems_dock.show()
        self.problems_dock.raise_()
        if severity is not None:
            for s in Severity:
                self.problems.set_severity_shown(s, s is severity)

    def explain_finding(self, finding) -> None:
        names = [self.document.diagram[r].label if r in self.document.diagram else r
                 for r in finding.resources]
        RuleLessonDialog(finding, names, self).exec()

    def edit_preferences(self) -> None:
        dialog = PreferencesDialog(self.prefs, self)
        if dialog.exec() != PreferencesDialog.Accepted:
            return
        self.prefs = dialog.preferences()
        self.prefs.save()
        self._apply_preferences()
        use_language(self.prefs.language)  # Qt then tells every window: see changeEvent

    def _apply_preferences(self) -> None:
        self.canvas.set_snap(self.prefs.snap_to_grid)
        self.canvas.set_grid(self.prefs.grid_size)
        self.canvas.confirm_delete = self.prefs.confirm_delete
        self.menu_actions.snap.setChecked(self.prefs.snap_to_grid)
        self.autosaver.set_interval(autosave_interval_ms(self.prefs.autosave_seconds))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Kumozu"),
                          f"<b>Kumozu (雲図) {__version__}</b><p>"
                          + self.tr("Draw AWS network architectures and check them as you draw.")
                          + "</p>")

    # ------------------------------------------------------------------ language
    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Say everything the window itself shows in the current language (each panel follows the
        same event on its own); the document, undo stack and selection are untouched."""
        self.menu_actions.retranslate()
        self._name_docks()
        self.undo_view.setEmptyLabel(self.tr("Opened design"))
        rename_undo_steps(self.document.undo_stack)
        self.menu_actions.retranslate()  # the undo and redo actions name the renamed steps
        self.zoom_label.setToolTip(self.tr("Zoom level: click to fit the design in the window"))
        self._findings_changed()
        self._tool_changed(self.canvas.tool.name)
        self.canvas.retranslate()
        self._update_title()
        if self.menu_actions.implied_flows.isChecked():
            self._draw_implied_flows()

    def _name_docks(self) -> None:
        for dock, title in ((self.palette_dock, self.tr("Palette")), (self.inspector_dock, self.tr("Inspector")),
                            (self.problems_dock, self.tr("Problems")), (self.trace_dock, self.tr("Trace")),
                            (self.history_dock, self.tr("Undo History"))):
            dock.setWindowTitle(title)
        self.undo_view.setEmptyLabel(self.tr("Opened design"))

    def quit_application(self) -> None:
        QApplication.closeAllWindows()

    # ------------------------------------------------------------------ folders and window state
    def last_folder(self) -> str:
        folder = settings_store().value("last_folder", "")
        return folder if isinstance(folder, str) and Path(folder).is_dir() else str(Path.home())

    def remember_folder(self, path: str) -> None:
        store: QSettings = settings_store()
        store.setValue("last_folder", str(Path(path).resolve().parent))

    def _restore_window_state(self) -> None:
        geometry, state = load_window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.files.maybe_save("closing"):
            event.ignore()
            return
        save_window_state(self.saveGeometry(), self.saveState())
        self.autosaver.close()
        # Empty the stack while the document is whole: emptying it during the document's own
        # destruction would signal into a half-deleted object.
        self.document.undo_stack.clear()
        event.accept()
