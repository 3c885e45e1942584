"""The Problems panel: every finding of the open design, filterable, each one a way to the resources.

A click selects and centres the finding's resources on the canvas; a double-click (or "Why?") shows
the rule's lesson, fix and AWS documentation. The list follows the document's findings live and keeps
the selected finding selected when the list changes around it.
"""

from __future__ import annotations

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QEvent,
                            QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QToolButton, QTreeView, QVBoxLayout, QWidget)

from validators.finding import Finding, Severity
from validators.i18n import finding_fix, finding_message, rule_title

from .dialogs import severity_name
from .icons import ui_icon
from .translations import current_language

__all__ = ["ProblemsPanel", "FindingsModel", "SEVERITY_ICONS"]

SEVERITY_ICONS = {Severity.ERROR: "severity_error", Severity.WARNING: "severity_warning",
                  Severity.INFO: "severity_info"}
_COLUMNS = (QT_TRANSLATE_NOOP("FindingsModel", "Severity"), QT_TRANSLATE_NOOP("FindingsModel", "Rule"),
            QT_TRANSLATE_NOOP("FindingsModel", "Message"), QT_TRANSLATE_NOOP("FindingsModel", "Resources"))
FINDING_ROLE = Qt.UserRole + 1


class FindingsModel(QAbstractTableModel):
    """The findings as a table; resource ids are shown by name."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.findings = list(findings)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return len(_COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 - Qt's name
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return QCoreApplication.translate("FindingsModel", _COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        finding = self.findings[index.row()]
        column = index.column()
        if role == FINDING_ROLE:
            return finding
        if role == Qt.DisplayRole:
            if column == 0:
                return severity_name(finding.severity)
            if column == 1:
                return finding.rule
            if column == 2:
                return finding_message(finding, current_language())
            return ", ".join(self._name(r) for r in finding.resources)
        if role == Qt.DecorationRole and column == 0:
            return ui_icon(SEVERITY_ICONS[finding.severity])
        if role == Qt.ToolTipRole:
            language = current_language()
            fix = finding_fix(finding, language)
            fix = "\n" + self.tr("Fix: %1").replace("%1", fix) if fix else ""
            title = rule_title(finding.rule, language)
            return (f"{title}\n{finding.rule}: {finding_message(finding, language)}{fix}\n\n"
                    + self.tr("Double-click to learn why."))
        if role == Qt.UserRole:  # sort key: severity rank, not alphabetical
            return (finding.severity.rank, finding.rule) if column == 0 else self.data(index)
        return None

    def _name(self, rid: str) -> str:
        record = self.document.diagram.get(rid)
        return record.label if record is not None else rid

    def retranslate(self) -> None:
        """Headers and rows again, in the current language."""
        self.headerDataChanged.emit(Qt.Horizontal, 0, len(_COLUMNS) - 1)
        if self.findings:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.findings) - 1, len(_COLUMNS) - 1))


class _FindingsFilter(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.severities = set(Severity)
        self.rule = ""
        self.text = ""
        self.setSortRole(Qt.UserRole)

    def refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, finding: Finding, names: str) -> bool:
        if finding.severity not in self.severities or (self.rule and finding.rule != self.rule):
            return False
        if self.text:
            haystack = " ".join((finding.rule, finding.message, finding_message(finding, current_language()),
                                 names, " ".join(finding.resources)))
            return all(word in haystack.casefold() for word in self.text.casefold().split())
        return True

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802 - Qt's name
        model = self.sourceModel()
        finding = model.findings[row]
        return self.accepts(finding, model.data(model.index(row, 3)))

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802 - Qt's name
        a, b = left.data(Qt.UserRole), right.data(Qt.UserRole)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


class ProblemsPanel(QWidget):
    #: The user picked a finding: select and centre these resources.
    resources_selected = Signal(list)
    #: The user asked why: show this finding's rule.
    explain_requested = Signal(object)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.model = FindingsModel(document, self)
        self.proxy = _FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self._restoring = False
        self.severity_buttons: dict[Severity, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setSpacing(4)
        for severity in Severity:
            button = QToolButton()
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(ui_icon(SEVERITY_ICONS[severity]))
            button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            button.toggled.connect(self._filters_changed)
            self.severity_buttons[severity] = button
            bar.addWidget(button)
        self.rule_combo = QComboBox()
        self.rule_combo.setMinimumContentsLength(18)
        self.rule_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.rule_combo.currentIndexChanged.connect(self._filters_changed)
        self.text_filter = QLineEdit()
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(self._filters_changed)
        self.why_button = QPushButton()
        self.why_button.setIcon(ui_icon("lesson"))
        self.why_button.clicked.connect(self._explain_current)
        bar.addSpacing(8)
        bar.addWidget(self.rule_combo)
        bar.addWidget(self.text_filter, 1)
        bar.addWidget(self.why_button)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setSectionResizeMode(3, QHeaderView.Interactive)
        header.setStretchLastSection(False)
        header.resizeSection(3, 220)
        self.view.clicked.connect(self._picked)
        self.view.activated.connect(self._picked)
        self.view.doubleClicked.connect(self._explain_index)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet("color: #2e7d32; padding: 10px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        document.findings_changed.connect(lambda _delta: self.refresh())
        document.diagram_replaced.connect(self.refresh)
        document.changed.connect(self._names_may_have_changed)
        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------------ state
    def selected_finding(self) -> Finding | None:
        index = self.view.currentIndex()
        return index.data(FINDING_ROLE) if index.isValid() else None

    def visible_findings(self) -> list[Finding]:
        return [self.proxy.index(r, 0).data(FINDING_ROLE) for r in range(self.proxy.rowCount())]

    def refresh(self) -> None:
        """Show the document's current findings, keeping the selected one selected."""
        keep = self.selected_finding()
        self._restoring = True
        try:
            self.model.set_findings(self.document.findings)
            self._update_counts()
            if keep is not None:
                self.select_finding(keep, notify=False)
        finally:
            self._restoring = False
        self._update_empty()

    def select_finding(self, finding: Finding, notify: bool = True) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(FINDING_ROLE) == finding:
                self.view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
                self.view.scrollTo(index)
                if notify:
                    self._picked(index)
                return True
        return False

    def set_severity_shown(self, severity: Severity, shown: bool) -> None:
        self.severity_buttons[severity].setChecked(shown)

    # ------------------------------------------------------------------ filters
    def retranslate(self) -> None:
        """Every word of the panel in the current language; the filters and selection stay."""
        self.text_filter.setPlaceholderText(self.tr("Filter problems…"))
        self.why_button.setText(self.tr("Why?"))
        self.why_button.setToolTip(self.tr("What the rule checks, how to fix it, and the AWS documentation"))
        self.model.retranslate()
        self._update_counts()
        self._update_empty()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_counts(self) -> None:
        findings = self.model.findings
        for severity, button in self.severity_buttons.items():
            n = sum(1 for f in findings if f.severity is severity)
            if severity is Severity.ERROR:
                text, tip = self.tr("%n error(s)", "", n), self.tr("Show or hide errors")
            elif severity is Severity.WARNING:
                text, tip = self.tr("%n warning(s)", "", n), self.tr("Show or hide warnings")
            else:
                text, tip = self.tr("%n note(s)", "", n), self.tr("Show or hide notes")
            button.setText(text)
            button.setToolTip(tip)
        current = self.rule_combo.currentData() or ""
        counts: dict[str, int] = {}
        for f in findings:
            counts[f.rule] = counts.get(f.rule, 0) + 1
        self.rule_combo.blockSignals(True)
        self.rule_combo.clear()
        self.rule_combo.addItem(self.tr("All rules (%1)").replace("%1", str(len(findings))), "")
        for rule in sorted(counts):
            self.rule_combo.addItem(f"{rule} ({counts[rule]})", rule)
        index = self.rule_combo.findData(current)
        if index < 0 and current:  # keep a chosen rule even while it has no findings
            self.rule_combo.addItem(f"{current} (0)", current)
            index = self.rule_combo.count() - 1
        self.rule_combo.setCurrentIndex(max(0, index))
        self.rule_combo.blockSignals(False)

    def _filters_changed(self, *_args) -> None:
        keep = self.selected_finding()
        self.proxy.severities = {s for s, b in self.severity_buttons.items() if b.isChecked()}
        self.proxy.rule = self.rule_combo.currentData() or ""
        self.proxy.text = self.text_filter.text().strip()
        self._restoring = True
        try:
            self.proxy.refilter()
            if keep is not None:
                self.select_finding(keep, notify=False)
        finally:
            self._restoring = False
        self._update_empty()

    def _update_empty(self) -> None:
        total, shown = len(self.model.findings), self.proxy.rowCount()
        if total == 0:
            self.empty.setText(self.tr("✓ No problems found. Kumozu checks the design as you draw."))
        elif shown == 0:
            self.empty.setText(self.tr("No problems match the filters (%1 hidden).")
                               .replace("%1", str(total)))
        self.empty.setStyleSheet(f"color: {'#2e7d32' if total == 0 else '#55636b'}; padding: 10px;")
        self.empty.setVisible(shown == 0)
        self.view.setVisible(shown > 0)
        self.why_button.setEnabled(self.selected_finding() is not None)

    def _names_may_have_changed(self, change) -> None:
        if any("name" in props for props in change.properties.values()):
            top, bottom = self.model.index(0, 3), self.model.index(self.model.rowCount() - 1, 3)
            self.model.dataChanged.emit(top, bottom)

    # ------------------------------------------------------------------ picking
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.why_button.setEnabled(current.isValid())
        if not self._restoring and current.isValid() and self.view.hasFocus():
            self._picked(current)

    def _picked(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if finding is None:
            return
        existing = [r for r in finding.resources if r in self.document.diagram]
        if existing:
            self.resources_selected.emit(existing)

    def _explain_index(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if finding is not None:
            self.explain_requested.emit(finding)

    def _explain_current(self) -> None:
        finding = self.selected_finding()
        if finding is not None:
            self.explain_requested.emit(finding)
