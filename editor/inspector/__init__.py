"""The inspector: edits what is selected on the canvas, or the design's settings when nothing is.

It shows one page at a time (see :mod:`.resource_page` and :mod:`.diagram_page`), rebuilt when the
selection changes and kept current from the document's change sets and findings.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from .connection_page import ConnectionPage
from .diagram_page import DiagramPage
from .resource_page import ResourcePage

__all__ = ["Inspector"]


class Inspector(QWidget):
    #: Ids the user asked to select on the canvas (a reference's target...).
    navigate_requested = Signal(list)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.ids: list[str] = []
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QScrollArea.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.page: QWidget | None = None
        document.changed.connect(self._follow)
        document.findings_changed.connect(self._findings_changed)
        document.diagram_replaced.connect(lambda: self.show_selection([], rebuild=True))
        self.show_selection([])

    def show_selection(self, ids, rebuild: bool = False) -> None:
        """Show the resources ``ids``, or a connection when only connections are selected (ids
        that no longer exist are ignored)."""
        diagram = self.document.diagram
        wanted = list(dict.fromkeys(ids))
        resources = [i for i in wanted if i in diagram]
        relations = [i for i in wanted if i not in diagram and diagram.relation(i) is not None]
        shown = resources or relations[:1]
        if shown == self.ids and self.page is not None and not rebuild:
            return
        self.ids = shown
        if resources:
            page = ResourcePage(self.document, resources)
        elif relations:
            page = ConnectionPage(self.document, relations[0])
        else:
            page = DiagramPage(self.document)
        if isinstance(page, (ResourcePage, ConnectionPage)):
            page.navigate_requested.connect(self.navigate_requested.emit)
        old = self.scroll.takeWidget()
        self.scroll.setWidget(page)
        self.page = page
        if old is not None:
            old.deleteLater()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.LanguageChange and self.page is not None:
            # Labels, help and choices are built with the page: build it again for the same selection.
            self.show_selection(self.ids, rebuild=True)
        super().changeEvent(event)

    def editor(self, name: str):
        """The editor of field ``name`` on the current page (tests, keyboard focus)."""
        return self.page.editors.get(name) if self.page is not None else None

    def _follow(self, change) -> None:
        gone = set(change.removed) | (set(change.relations_removed) - set(change.relations_added))
        if any(i in gone for i in self.ids):
            self.show_selection([i for i in self.ids if i not in gone])
            return
        self.page.follow(change)

    def _findings_changed(self, _delta) -> None:
        self.page.refresh_findings()
