"""The Labs dock, the Labs menu and what they do in the window: opening a lab's start design
through the window's own Open (so unsaved work is never dropped without asking), grading the open
design live, showing a goal on the canvas, and the reference solution beside the student's work.

``install_labs(window)`` is the one call the main window makes; the controller it returns is
``window.labs``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMenu

from labs import load_course
from labs.format import LAB_SUFFIX, Lab, load_lab
from model import edits
from model.errors import LoadError

from ..dialogs import show_error
from .language import lab_language
from .panel import LabsPanel
from .paths import goal_trace, trace_in_panel
from .run import LabRun
from .solution import SolutionDialog

__all__ = ["install_labs", "LabsController", "LabsDock"]


class LabsDock(QDockWidget):
    """The dock holding the Labs panel (titled in the interface language)."""

    def __init__(self, panel: LabsPanel, parent=None):
        super().__init__(parent)
        self.setObjectName("labs-dock")
        self.setWidget(panel)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Labs"))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LabsController(QObject):
    """Runs labs in ``window``; at most one at a time."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.course: tuple[Lab, ...] = load_course()
        self.file_lab: Lab | None = None
        self.run: LabRun | None = None
        self.solution_dialog: SolutionDialog | None = None
        # The flow of the goal last drawn on the canvas (so a later goal without a path clears it,
        # but never a trace the user asked for).
        self._drawn_flow = None
        # How a lab file is chosen (tests replace it): ``() -> path or ""``.
        self.choose_lab_path = self._ask_lab_path
        self.panel = LabsPanel(self.language)
        self.panel.set_course(self.course)
        self.dock = LabsDock(self.panel, window)
        self.panel.start_requested.connect(self.start)
        self.panel.check_current_requested.connect(self.check_current)
        self.panel.open_file_requested.connect(self.open_lab_file)
        self.panel.leave_requested.connect(self.leave)
        self.panel.restart_requested.connect(self.restart)
        self.panel.goal_clicked.connect(self.show_goal)
        self.panel.solution_requested.connect(self.show_solution)
        self.panel.next_requested.connect(self.next_lab)
        self._build_menu()
        window.installEventFilter(self)

    def language(self) -> str:
        return lab_language()

    # ------------------------------------------------------------------ starting and leaving
    def start(self, lab: Lab) -> bool:
        """Open ``lab``'s starting design in the window (asking about unsaved changes first) and
        grade it from now on. False when the user cancelled or the design could not be opened."""
        if not self.window.files.maybe_save(self.tr("starting the lab")):
            return False
        self._end_run()
        if lab.start is None:
            document = self.window.document
            document.new()
            document.diagram.apply(edits.set_metadata(document.diagram, "region", lab.region or "us-east-1"))
            self.window.set_example(False)
        elif not self.window.files.open_path(str(lab.start), example=True, region=lab.region):
            self.panel.show_course_page()
            return False
        self._begin(lab)
        self.window.statusBar().showMessage(self.tr("Lab started: %1").replace(
            "%1", lab.title.get(self.language())), 5000)
        return True

    def check_current(self, lab: Lab) -> None:
        """Grade the design already open against ``lab`` (nothing is opened or changed)."""
        self._end_run()
        self._begin(lab)

    def restart(self) -> None:
        if self.run is not None:
            self.start(self.run.lab)

    def next_lab(self) -> None:
        position = self.position()
        if position is not None and position[0] < len(self.course):
            lab = self.course[position[0]]
            self.panel.choose(lab)
            self.start(lab)

    def leave(self) -> None:
        """Stop the lab and go back to the list (the design stays open as it is)."""
        self._end_run()
        self.panel.show_course_page()

    def position(self) -> tuple[int, int] | None:
        """The running lab's number in the course and the course's length (None for a lab file)."""
        if self.run is None:
            return None
        index = next((i for i, lab in enumerate(self.course) if lab is self.run.lab), None)
        return (index + 1, len(self.course)) if index is not None else None

    def _begin(self, lab: Lab) -> None:
        self.run = LabRun(lab, self.window.document, self)
        self.panel.choose(lab)
        self.panel.set_run(self.run, self.position())
        self.reveal_dock()

    def reveal_dock(self) -> None:
        """Show the Labs dock; the first time, give it most of the right-hand column so the goals
        can be followed while editing (later the user's own arrangement stays)."""
        first = not self.dock.isVisible()
        self.dock.show()
        self.dock.raise_()
        neighbour = getattr(self.window, "inspector_dock", None)
        if first and neighbour is not None and not self.dock.isFloating() and neighbour.isVisible() \
                and self.window.dockWidgetArea(neighbour) == self.window.dockWidgetArea(self.dock):
            QTimer.singleShot(0, lambda: self._share_column(neighbour))

    def _share_column(self, neighbour) -> None:
        height = neighbour.height() + self.dock.height()
        self.window.resizeDocks([neighbour, self.dock], [int(height * 0.3), int(height * 0.7)],
                                Qt.Vertical)

    def _end_run(self) -> None:
        if self.solution_dialog is not None:
            self.solution_dialog.close()
            self.solution_dialog = None
        if self._drawn_flow is not None:
            self._clear_goal_path()
        if self.run is not None:
            self.panel.set_run(None)
            self.run.close()
            self.run.deleteLater()
            self.run = None

    # ------------------------------------------------------------------ lab files
    def open_lab_file(self) -> Lab | None:
        path = self.choose_lab_path()
        return self.open_lab_path(path) if path else None

    def open_lab_path(self, path: str) -> Lab | None:
        """Read a lab file and list it after the course; a file that cannot be read is explained
        (file, line, column) and changes nothing."""
        try:
            lab = load_lab(path)
        except LoadError as exc:
            show_error(self.window, self.tr("Cannot open the lab"),
                       self.tr("Kumozu could not read the lab “%1”.").replace("%1", Path(path).name),
                       str(exc))
            return None
        self.file_lab = lab
        self.panel.set_course(self.course, extra=lab)
        self.panel.choose(lab)
        self.reveal_dock()
        self.window.remember_folder(path)
        return lab

    def _ask_lab_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open Lab"), self.window.last_folder(),
            self.tr("Kumozu labs (*%1);;YAML files (*.yaml *.yml)").replace("%1", LAB_SUFFIX))
        return path

    # ------------------------------------------------------------------ showing a goal
    def show_goal(self, goal_id: str) -> None:
        """Select the resources a goal is about and centre them; for a flow goal, trace the flow
        that decides it (drawn on the canvas, hop by hop in the Trace panel)."""
        if self.run is None:
            return
        result = self.run.session.goal_result(goal_id)
        if result is None:
            return
        diagram = self.window.document.diagram
        trace = goal_trace(result)
        if trace is not None:
            if trace_in_panel(self.window.trace_panel, trace.flow) is not None:
                self._drawn_flow = trace.flow
        elif self._drawn_flow is not None:
            self._clear_goal_path()
        ids = [rid for rid in result.resources if rid in diagram]
        self.window.canvas.select_ids(ids, center=True)
        description = result.goal.description.get(self.language())
        self.window.statusBar().showMessage(description, 6000)

    def _clear_goal_path(self) -> None:
        panel = self.window.trace_panel
        if panel.result is not None and panel.result.flow == self._drawn_flow:
            panel.clear()
        self._drawn_flow = None

    def goal_path(self):
        """The trace of the lab's current flow goal (the first unmet one, else the first), for the
        presenter; None when no lab runs or it has no flow goal."""
        if self.run is None or self.run.result is None:
            return None
        flows = [g for g in self.run.result.goals if g.traces]
        current = next((g for g in flows if not g.passed), flows[0] if flows else None)
        return goal_trace(current)

    # ------------------------------------------------------------------ the solution
    def show_solution(self) -> SolutionDialog | None:
        """The reference solution, read-only, beside how the open design differs from it."""
        if self.run is None:
            return None
        if self.solution_dialog is None:
            try:
                dialog = SolutionDialog(self.run.lab, self.window.document, self.language(), self.window)
            except LoadError as exc:
                show_error(self.window, self.tr("Cannot show the solution"), str(exc))
                return None
            dialog.destroyed.connect(self._solution_closed)
            self.solution_dialog = dialog
        self.run.solution_viewed = True
        self.solution_dialog.show()
        self.solution_dialog.raise_()
        self.solution_dialog.activateWindow()
        self.panel.refresh()
        return self.solution_dialog

    def _solution_closed(self) -> None:
        self.solution_dialog = None

    # ------------------------------------------------------------------ menu and language
    def _build_menu(self) -> None:
        bar = self.window.menuBar()
        self.menu = QMenu(self.window)
        self.open_action = QAction(self.window)
        self.open_action.triggered.connect(self.open_lab_file)
        self.panel_action = self.dock.toggleViewAction()
        # The two lasting actions stay; only the labs are listed again each time the menu opens
        # (QMenu.clear() would also invalidate the Python wrappers of the lasting ones).
        self.menu.addAction(self.panel_action)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self._lab_actions: list[QAction] = []
        self.menu.aboutToShow.connect(self._fill_menu)
        menus = bar.actions()
        if menus:
            bar.insertMenu(menus[-1], self.menu)  # Help stays the last menu
        else:
            bar.addMenu(self.menu)
        panels = getattr(getattr(self.window, "menu_actions", None), "panels_menu", None)
        if panels is not None:
            panels.addAction(self.panel_action)
        self.retranslate()

    def _fill_menu(self) -> None:
        """List the course's labs in the current language (every time the menu opens)."""
        for action in self._lab_actions:
            self.menu.removeAction(action)
            action.deleteLater()
        language = self.language()
        self._lab_actions = []
        for n, lab in enumerate(self.course, start=1):
            action = self.menu.addAction(f"&{n}  {lab.title.get(language)}")
            action.triggered.connect(lambda _=False, chosen=lab: self.start(chosen))
            self._lab_actions.append(action)

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Labs"))
        self.open_action.setText(self.tr("&Open Lab File…"))
        if self.solution_dialog is not None:
            self.solution_dialog.set_language(self.language())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.LanguageChange:
            self.retranslate()
        return False


def install_labs(window) -> LabsController:
    """Add the Labs dock (hidden until a lab starts or the user opens it), the Labs menu, and
    ``window.labs``."""
    controller = LabsController(window)
    window.addDockWidget(Qt.RightDockWidgetArea, controller.dock, Qt.Vertical)
    controller.dock.hide()
    window.labs = controller
    return controller
