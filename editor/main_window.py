"""The main window: the canvas, with the design's findings shown on it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox

from model.documents import OpenedDesign, open_design
from model.errors import LoadError
from validators.engine import Validator

from .icons import ui_icon
from .scene import DiagramScene
from .view import DiagramView

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    def __init__(self, opened: OpenedDesign):
        super().__init__()
        self.opened = opened
        self.scene: DiagramScene | None = None
        self.validator: Validator | None = None
        self.view = DiagramView()
        self.setCentralWidget(self.view)
        self.counts = QLabel()
        self.statusBar().addPermanentWidget(self.counts)
        self._build_actions()
        self.resize(1400, 900)
        self.show_design(opened)

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        open_action = QAction(ui_icon("open"), "&Open…", self, shortcut=QKeySequence.StandardKey.Open,
                              triggered=self.open_file)
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        file_menu.addAction(open_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu("&View")
        for icon, text, key, slot in (
                ("zoom_in", "Zoom &In", QKeySequence.StandardKey.ZoomIn, self.view.zoom_in),
                ("zoom_out", "Zoom &Out", QKeySequence.StandardKey.ZoomOut, self.view.zoom_out),
                ("zoom_fit", "Zoom to &Fit", QKeySequence("Ctrl+0"), lambda: self.view.zoom_to_fit())):
            action = QAction(ui_icon(icon), text, self, shortcut=key, triggered=slot)
            view_menu.addAction(action)

    def show_design(self, opened: OpenedDesign) -> None:
        if self.validator is not None:
            self.validator.close()
        if self.scene is not None:
            self.scene.detach()
        self.opened = opened
        self.scene = DiagramScene(opened.diagram, self)
        self.view.setScene(self.scene)
        self.validator = Validator(opened.diagram)
        self.validator.changed.connect(lambda _delta: self._show_findings())
        self._show_findings()
        self.setWindowTitle(f"{Path(opened.path).name} — Kumozu")
        self.view.zoom_to_fit()

    def _show_findings(self) -> None:
        findings = self.validator.findings
        self.scene.show_findings(findings)
        errors = sum(1 for f in findings if f.severity.value == "error")
        warnings = sum(1 for f in findings if f.severity.value == "warning")
        self.counts.setText(f"{errors} error{'s' if errors != 1 else ''}, "
                            f"{warnings} warning{'s' if warnings != 1 else ''}")

    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open design", str(Path(self.opened.path).parent),
                                              "Designs and templates (*.yaml *.yml *.json *.template);;"
                                              "All files (*)")
        if not path:
            return
        try:
            self.show_design(open_design(path))
        except LoadError as exc:
            QMessageBox.warning(self, "Cannot open design", str(exc))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.view.zoom_to_fit()
