"""The reference solution of a lab, read-only, beside a list of how the student's design differs.

The solution is drawn from a fresh copy of its file in a plain view (no editing tools), so nothing
the student does here can change their own design or the lab's files. The list of differences
follows the student's edits while the window is open; clicking one shows the resource in the
solution.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPushButton, QSplitter, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from labs.format import Lab
from model import kinds as _kinds
from model.diagram import Diagram

from ..scene import DiagramScene
from ..view import DiagramView
from .compare import ADDED, CHANGED, REMOVED, Difference, compare_designs

__all__ = ["SolutionDialog"]

_RID_ROLE = Qt.UserRole + 1


class SolutionDialog(QDialog):
    """A window on ``lab``'s reference solution, compared with ``document``'s design."""

    def __init__(self, lab: Lab, document, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setObjectName("lab-solution")
        self.lab = lab
        self.document = document
        self.language = language
        self.solution: Diagram = lab.solution_diagram()
        self.differences: list[Difference] = []
        self.scene = DiagramScene(self.solution, self)
        self.view = DiagramView(self.scene)
        self.view.setDragMode(DiagramView.ScrollHandDrag)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #55636b;")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.itemClicked.connect(self._show_difference)
        self.fit_button = QPushButton()
        self.fit_button.clicked.connect(lambda: self.view.zoom_to_fit())
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        buttons.addButton(self.fit_button, QDialogButtonBox.ActionRole)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.tree_heading = QLabel()
        self.tree_heading.setStyleSheet("font-weight: bold;")
        side_layout.addWidget(self.tree_heading)
        side_layout.addWidget(self.note)
        side_layout.addWidget(self.tree, 1)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self._recompare = QTimer(self)  # edits come in bursts: compare once they settle
        self._recompare.setSingleShot(True)
        self._recompare.setInterval(250)
        self._recompare.timeout.connect(self.compare)
        document.changed.connect(self._document_changed)
        document.diagram_replaced.connect(self._recompare.start)
        self.resize(1180, 720)
        self.retranslate()
        self.compare()
        QTimer.singleShot(0, self.view.zoom_to_fit)

    # ------------------------------------------------------------------ comparing
    def compare(self) -> list[Difference]:
        """Compare the student's design (as it is now) with the solution and list the differences."""
        self.differences = compare_designs(self.document.diagram, self.solution)
        self._fill()
        return self.differences

    def _document_changed(self, change) -> None:
        if not change.is_layout_only:
            self._recompare.start()

    def _fill(self) -> None:
        self.tree.clear()
        groups = {ADDED: self.tr("In the solution, not in your design"),
                  CHANGED: self.tr("Different in your design"),
                  REMOVED: self.tr("In your design, not in the solution")}
        for change, title in groups.items():
            found = [d for d in self.differences if d.change == change]
            if not found:
                continue
            group = QTreeWidgetItem([f"{title} ({len(found)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(group)
            for difference in found:
                group.addChild(self._row(difference))
            group.setExpanded(True)
        if not self.differences:
            item = QTreeWidgetItem([self.tr("Your design matches the solution.")])
            item.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)

    def _row(self, difference: Difference) -> QTreeWidgetItem:
        kind = _kinds.kind(difference.kind).label if _kinds.is_kind(difference.kind) else \
            self.tr("connection")
        name = f"{difference.label} ({kind})"
        if difference.change == CHANGED:
            field = self.tr("container") if difference.field == "parent" else difference.field
            item = QTreeWidgetItem([name, field, f"{difference.yours}  →  {difference.solution}"])
            item.setToolTip(2, self.tr("Yours: %1\nSolution: %2").replace("%1", difference.yours)
                            .replace("%2", difference.solution))
        else:
            item = QTreeWidgetItem([name, "", ""])
        item.setData(0, _RID_ROLE, difference.rid)
        return item

    def _show_difference(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        rid = item.data(0, _RID_ROLE)
        target = self.scene.item_for(rid) if rid else None
        self.scene.clearSelection()
        if target is not None:
            target.setSelected(True)
            self.view.centerOn(target)

    # ------------------------------------------------------------------ text
    def retranslate(self) -> None:
        title = self.lab.title.get(self.language)
        self.setWindowTitle(self.tr("Reference Solution — %1").replace("%1", title))
        self.tree_heading.setText(self.tr("How your design differs"))
        self.note.setText(self.tr("Read-only: nothing here changes your design. Resources are matched "
                                  "by id, so one you created under another id appears in both lists."))
        self.tree.setHeaderLabels([self.tr("Resource"), self.tr("Property"),
                                   self.tr("Yours → solution")])
        self.fit_button.setText(self.tr("Zoom to Fit"))
        self._fill()

    def set_language(self, language: str) -> None:
        self.language = language
        self.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._recompare.stop()
        try:
            self.document.changed.disconnect(self._document_changed)
            self.document.diagram_replaced.disconnect(self._recompare.start)
        except (RuntimeError, TypeError):  # the window and its document are already going away
            pass
        self.scene.detach()
        super().closeEvent(event)
