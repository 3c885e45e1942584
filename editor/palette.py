"""The palette: every kind of resource, grouped as the model groups them, to drag onto the canvas.

Dragging an entry starts a :class:`QDrag` carrying the kind's name as ``application/x-kumozu-kind``;
double-clicking it (or pressing Enter) asks for the canvas's ``place:<Kind>`` tool instead, so the
next click on the canvas places one. The search box matches a kind's label, name, description and
category, ignoring case (``casefold``, so it also works for any script typed with an input method).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QMimeData, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QFont
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from model.i18n import category_label, kind_description, kind_label
from model.kinds import ALL_KINDS, CATEGORIES, kinds_in
from model.schema import Kind

from .icons import kind_icon, kind_pixmap
from .styles import CATEGORY_COLOURS
from .translations import current_language

__all__ = ["Palette", "KIND_MIME_TYPE", "kind_mime_data", "kind_matches", "match_rank"]

KIND_MIME_TYPE = "application/x-kumozu-kind"
_KIND_ROLE = Qt.UserRole + 1
_CATEGORY_ROLE = Qt.UserRole + 2


def kind_mime_data(kind_name: str) -> QMimeData:
    """What a palette drag carries: the kind's name, UTF-8 encoded (and as text, for other apps)."""
    data = QMimeData()
    data.setData(KIND_MIME_TYPE, kind_name.encode("utf-8"))
    data.setText(kind_name)
    return data


def kind_matches(kind: Kind, query: str) -> bool:
    """Whether ``query`` (every word of it) appears in the kind's label, name, description or
    category, in English or in the interface language, ignoring case."""
    words = query.casefold().split()
    if not words:
        return True
    haystack = " ".join((kind.label, kind.name, kind.description, kind.category,
                         *_local_words(kind))).casefold()
    return all(word in haystack for word in words)


def _local_words(kind: Kind) -> tuple[str, ...]:
    language = current_language()
    if language == "en":
        return ()
    return (kind_label(kind.name, language), kind_description(kind.name, language),
            category_label(kind.category, language))


def match_rank(kind: Kind, query: str) -> int:
    """How well ``query`` names the kind, lower is better: 0 the label itself, 1 the start of the
    label, 2 words of the label or name, 3 only the description or category."""
    q = query.casefold().strip()
    label, name = kind.label.casefold(), kind.name.casefold()
    local = kind_label(kind.name, current_language()).casefold()
    if q in (label, name, local):
        return 0
    if label.startswith(q) or local.startswith(q) or name.startswith(q.replace(" ", "")):
        return 1
    if all(word in f"{label} {name} {local}" for word in q.split()):
        return 2
    return 3


class _KindTree(QTreeWidget):
    """The tree of categories and kinds; only kinds can be dragged."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setIconSize(QSize(26, 26))
        self.setIndentation(10)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragOnly)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setAnimated(False)
        self.setExpandsOnDoubleClick(True)

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [KIND_MIME_TYPE]

    def mimeData(self, items) -> QMimeData:  # noqa: N802 - Qt's name
        kinds = [i.data(0, _KIND_ROLE) for i in items if i.data(0, _KIND_ROLE)]
        return kind_mime_data(kinds[0]) if kinds else QMimeData()

    def startDrag(self, actions) -> None:  # noqa: N802 - Qt's name
        item = self.currentItem()
        name = item.data(0, _KIND_ROLE) if item is not None else None
        if not name:
            return
        drag = QDrag(self)
        drag.setMimeData(kind_mime_data(name))
        pixmap = kind_pixmap(name, 48)
        drag.setPixmap(pixmap)
        drag.setHotSpot(QPoint(pixmap.width() // 2, pixmap.height() // 2))
        drag.exec(Qt.CopyAction)


class Palette(QWidget):
    """Search box and grouped kinds."""

    #: The user asked to place a kind with the next canvas click (double-click or Enter).
    place_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.tree = _KindTree()
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet("color: #55636b; padding: 12px;")
        self.empty.hide()
        self.hint = hint = QLabel()
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #55636b; font-size: 8pt; padding: 2px 4px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(hint)
        self._category_items: dict[str, QTreeWidgetItem] = {}
        self._kind_items: dict[str, QTreeWidgetItem] = {}
        self._populate()
        self.retranslate()
        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self._place_first_match)
        self.tree.itemActivated.connect(self._on_activated)

    # ------------------------------------------------------------------ building
    def _populate(self) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        for category in CATEGORIES:
            members = kinds_in(category)
            if not members:
                continue
            group = QTreeWidgetItem([category])
            group.setData(0, _CATEGORY_ROLE, category)
            group.setFont(0, bold)
            group.setForeground(0, QColor(CATEGORY_COLOURS[category]))
            group.setFlags(Qt.ItemIsEnabled)
            group.setSizeHint(0, QSize(0, 26))
            self.tree.addTopLevelItem(group)
            self._category_items[category] = group
            for kind in members:
                item = QTreeWidgetItem([kind.label])
                item.setIcon(0, kind_icon(kind.name))
                item.setData(0, _KIND_ROLE, kind.name)
                item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled)
                item.setSizeHint(0, QSize(0, 30))
                group.addChild(item)
                self._kind_items[kind.name] = item
            group.setExpanded(True)

    def retranslate(self) -> None:
        """Group names, kind names and tooltips in the current language (the search is run again)."""
        language = current_language()
        self.search.setPlaceholderText(self.tr("Search resources…"))
        self.search.setToolTip(self.tr("Filter by name or description, e.g. 'nat', 'queue', 'firewall'"))
        self.hint.setText(self.tr("Drag onto the canvas, or double-click and then click where it goes."))
        for category, group in self._category_items.items():
            group.setText(0, category_label(category, language))
        for name, item in self._kind_items.items():
            item.setText(0, kind_label(name, language))
            item.setToolTip(0, _tooltip(_BY_NAME[name], language, self.tr("Goes in: %1"),
                                        self.tr("the canvas")))
        self.filter(self.search.text())

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def category_text(self, category: str) -> str:
        """The group's name as shown (tests)."""
        return self._category_items[category].text(0)

    # ------------------------------------------------------------------ queries (tests, main window)
    def kind_names(self) -> list[str]:
        """Every kind the palette offers, in its order."""
        return list(self._kind_items)

    def visible_kind_names(self) -> list[str]:
        return [name for name, item in self._kind_items.items() if not item.isHidden()]

    def item_for(self, kind_name: str) -> QTreeWidgetItem:
        return self._kind_items[kind_name]

    # ------------------------------------------------------------------ filtering
    def filter(self, text: str) -> None:
        query = text.strip()
        shown = 0
        for category, group in self._category_items.items():
            visible = 0
            for i in range(group.childCount()):
                item = group.child(i)
                match = kind_matches(_kind_of(item), query)
                item.setHidden(not match)
                visible += match
            group.setHidden(visible == 0)
            if query and visible:
                group.setExpanded(True)
            shown += visible
        self.empty.setVisible(shown == 0)
        self.tree.setVisible(shown > 0)
        if shown == 0:
            self.empty.setText(self.tr("No resource matches “%1”.").replace("%1", query))
        best = self.best_match()
        if query and best:  # show what Enter would place
            self.tree.setCurrentItem(self._kind_items[best])
            self.tree.scrollToItem(self._kind_items[best])

    def best_match(self) -> str | None:
        """The visible kind the search names best (what Enter places)."""
        query = self.search.text().strip()
        names = self.visible_kind_names()
        if not names or not query:
            return None
        return min(names, key=lambda n: match_rank(_BY_NAME[n], query))

    def _place_first_match(self) -> None:
        best = self.best_match()
        if best:
            self.place_requested.emit(best)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        name = item.data(0, _KIND_ROLE)
        if name:
            self.place_requested.emit(name)


_BY_NAME = {k.name: k for k in ALL_KINDS}


def _kind_of(item: QTreeWidgetItem) -> Kind:
    return _BY_NAME[item.data(0, _KIND_ROLE)]


def _tooltip(kind: Kind, language: str, goes_in: str, canvas: str) -> str:
    where = ", ".join(canvas if p is None else kind_label(p, language) for p in kind.parents)
    return (f"<b>{escape(kind_label(kind.name, language), quote=False)}</b><br/>"
            f"{escape(kind_description(kind.name, language), quote=False)}<br/>"
            f"<span style='color:#55636b'>{escape(goes_in.replace('%1', where), quote=False)}</span>")
