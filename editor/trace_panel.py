"""The Trace panel: can this reach that on port P? Asked with two pickers, answered hop by hop.

Choose a source and a destination (a resource, ``internet``, or an AWS service such as ``s3``), a
protocol and a port (by default the destination's own), and Trace. The panel shows the verdict, the
numbered hops there and back, and for a blocked flow the component, the explanation code, why and
what to change; the canvas draws the path (:attr:`TracePanel.path_changed`). Picking two items with
the canvas's trace tool fills the pickers and traces. While a trace is shown it is run again after
every edit, so fixing the design turns the verdict green.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox, QTextBrowser, QToolButton, QVBoxLayout, QWidget)

from labs.explain import untraceable
from model.i18n import kind_label
from model.naming import natural_key
from validators.i18n import code_fix, code_meaning
from validators.locale.matched import matched_text
from validators.locale.trace_story import hop_sentence, path_label, phrase
from validators.reachability import CODES, SERVICES, Flow, FlowError, TraceResult, default_port, trace
from validators.reachability.results import Check, Hop, Path

from .icons import ui_icon
from .translations import current_language

__all__ = ["TracePanel", "TRACEABLE_KINDS", "INTERNET"]

INTERNET = "internet"
#: Kinds a trace can start or end at (docs/tracing.md, "The two ends"); any id may still be typed.
TRACEABLE_KINDS = ("Instance", "AutoScalingGroup", "LambdaFunction", "EcsService", "RdsInstance",
                   "AuroraCluster", "ElastiCacheCluster", "LoadBalancer", "VpcEndpoint", "Subnet",
                   "S3Bucket", "DynamoDbTable", "SqsQueue", "SnsTopic", "LogGroup", "EcrRepository",
                   "ApiGateway", "EventRule", "CloudFrontDistribution", "LightsailInstance", "DnsRecord")
_GREEN, _RED, _MUTED = "#2e7d32", "#c62828", "#55636b"


class _EndPicker(QComboBox):
    """An editable drop-down of the places a flow can start or end at."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.setMinimumContentsLength(16)
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)

    def fill(self, diagram) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        language = current_language()
        internet = self.tr("internet")
        self.addItem(ui_icon("internet"), internet, INTERNET)
        resources = [r for r in diagram if r.kind in TRACEABLE_KINDS]
        for record in sorted(resources, key=lambda r: natural_key(r.label)):
            kind = kind_label(record.kind, language)
            text = f"{record.label} — {kind}" + (f" ({record.id})" if record.label != record.id else "")
            self.addItem(text, record.id)
        self.insertSeparator(self.count())
        for service in SERVICES:
            self.addItem(ui_icon("aws_service"), self.tr("%1 (AWS service)").replace("%1", service), service)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> str:
        """The id (or ``internet``, or a service) picked or typed."""
        text = self.currentText().strip()
        index = self.currentIndex()
        if index >= 0 and self.itemText(index) == text and self.itemData(index):
            return self.itemData(index)
        return text

    def set_value(self, name: str) -> None:
        index = self.findData(name)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(name)


class TracePanel(QWidget):
    #: Draw this path on the canvas: hop ids (in order), the blocking component (or None), and a
    #: tooltip per id.
    path_changed = Signal(list, object, dict)
    #: Nothing traced any more: clear the canvas drawing.
    path_cleared = Signal()
    #: The user wants to pick the two ends on the canvas.
    pick_requested = Signal()
    #: A hop was clicked: select what it checked (a security group, a route table...).
    hop_selected = Signal(list)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.result: TraceResult | None = None
        self._problem = ""
        self.source = _EndPicker()
        self.destination = _EndPicker()
        self.swap_button = QToolButton()
        self.swap_button.setText("⇅")
        self.protocol = QComboBox()
        self.protocol.addItems(["tcp", "udp", "icmp"])
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setValue(443)
        self.auto_port = QCheckBox()
        self.auto_port.setChecked(True)
        self.trace_button = QPushButton()
        self.trace_button.setDefault(True)
        self.pick_button = QPushButton()
        self.clear_button = QPushButton()
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.RichText)
        self.path_choice = QComboBox()
        self.hops = QTextBrowser()
        self.hops.setOpenLinks(False)
        self.hops.setOpenExternalLinks(False)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.RichText)
        self.explanation.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self._build_layout()
        self._wire()
        self.retranslate()
        self._update_port()

    # ------------------------------------------------------------------ building
    def _build_layout(self) -> None:
        ends = QHBoxLayout()
        pickers = QFormLayout()
        self.from_label, self.to_label = QLabel(), QLabel()
        pickers.addRow(self.from_label, self.source)
        pickers.addRow(self.to_label, self.destination)
        ends.addLayout(pickers, 1)
        ends.addWidget(self.swap_button)
        port_row = QHBoxLayout()
        port_row.addWidget(self.protocol)
        port_row.addWidget(self.port)
        port_row.addWidget(self.auto_port, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.trace_button)
        buttons.addWidget(self.pick_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(ends)
        layout.addLayout(port_row)
        layout.addLayout(buttons)
        layout.addWidget(self.verdict)
        layout.addWidget(self.path_choice)
        layout.addWidget(self.hops, 1)
        layout.addWidget(self.explanation)

    def _wire(self) -> None:
        self.trace_button.clicked.connect(self.run)
        self.pick_button.clicked.connect(self.pick_requested.emit)
        self.clear_button.clicked.connect(self.clear)
        self.swap_button.clicked.connect(self._swap)
        self.auto_port.toggled.connect(self._update_port)
        self.destination.currentIndexChanged.connect(lambda _i: self._update_port())
        self.destination.lineEdit().editingFinished.connect(self._update_port)
        self.protocol.currentTextChanged.connect(lambda p: self.port.setEnabled(
            p != "icmp" and not self.auto_port.isChecked()))
        self.path_choice.currentIndexChanged.connect(self._show_path_at)
        self.hops.anchorClicked.connect(self._hop_clicked)
        self._retrace = QTimer(self)
        self._retrace.setSingleShot(True)
        self._retrace.setInterval(0)
        self._retrace.timeout.connect(self._follow_edit)
        self.document.changed.connect(self._on_change)
        self.document.diagram_replaced.connect(self._on_replaced)

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
        """Every word in the current language; a trace on show is said again, not run again."""
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.swap_button.setToolTip(self.tr("Swap source and destination"))
        self.auto_port.setText(self.tr("the destination's own"))
        self.auto_port.setToolTip(self.tr("A database's port, a load balancer's HTTPS listener, else 443"))
        self.trace_button.setText(self.tr("Trace"))
        self.pick_button.setText(self.tr("Pick on Canvas"))
        self.pick_button.setToolTip(self.tr("Click the source, then the destination (the empty canvas is "
                                            "the internet)"))
        self.clear_button.setText(self.tr("Clear"))
        self.path_choice.setToolTip(self.tr("Every concrete path (one per subnet of each end) must pass"))
        self.hops.setToolTip(self.tr("Click a name to select it on the canvas"))
        self._refresh_pickers()
        if self.result is not None:
            index = self.path_choice.currentIndex()
            self._show_result(self.result)
            if 0 <= index < self.path_choice.count():
                self.path_choice.setCurrentIndex(index)
        elif self._problem:
            self._show_problem(self._problem)
        else:
            self._show_nothing()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ asking
    def set_ends(self, source: str, destination: str) -> None:
        self.source.set_value(source)
        self.destination.set_value(destination)
        self._update_port()

    def flow(self) -> Flow:
        port = self.port.value()
        if self.auto_port.isChecked():
            port = default_port(self.document.diagram, self.destination.value())
        return Flow(self.source.value(), self.destination.value(), self.protocol.currentText(), port)

    def run(self) -> TraceResult | None:
        """Trace the flow the pickers describe; show and draw the answer (or why it cannot be
        traced)."""
        flow = self.flow()
        if not flow.source or not flow.destination:
            self._show_problem(self.tr("Choose a source and a destination."))
            return None
        try:
            result = trace(self.document.diagram, flow)
        except FlowError as exc:
            self._show_problem(untraceable(self.document.diagram, flow.source, flow.destination, exc)
                               .get(current_language()))
            return None
        self._show_result(result)
        return result

    def clear(self) -> None:
        self.result = None
        self._show_nothing()
        self.path_cleared.emit()

    # ------------------------------------------------------------------ showing
    def _show_nothing(self) -> None:
        self._problem = ""
        self.verdict.setText(f"<span style='color:{_MUTED}'>"
                             + escape(self.tr("Pick a source and a destination, then Trace. Kumozu follows "
                                              "the packet through security groups, network ACLs, route "
                                              "tables and gateways, there and back.")) + "</span>")
        self.hops.clear()
        self.path_choice.hide()
        self.explanation.clear()

    def _show_problem(self, message: str) -> None:
        self.result = None
        self._problem = message
        cannot = escape(self.tr("Cannot trace"))
        self.verdict.setText(f"<b style='color:{_RED}'>{cannot}</b><br/>"
                             f"{escape(message)}")
        self.hops.clear()
        self.path_choice.hide()
        self.explanation.clear()
        self.path_cleared.emit()

    def _show_result(self, result: TraceResult) -> None:
        self.result = result
        self._problem = ""
        language = current_language()
        flow = result.flow
        port = "" if flow.protocol == "icmp" else f"/{flow.port}"
        ends = escape(self.tr("%1 → %2 on %3").replace("%1", self._name(flow.source))
                      .replace("%2", self._name(flow.destination)).replace("%3", f"{flow.protocol}{port}"))
        way = f"<br/><span style='color:{_MUTED}'>" + escape(self.tr("Way: %1").replace(
            "%1", phrase(result.route, language))) + "</span>" if result.route != "direct" else ""
        if result.reachable:
            total = len(result.paths)
            every = " " + escape(self.tr("(all %1 paths)").replace("%1", str(total))) if total > 1 else ""
            reachable = escape(self.tr("Reachable"))
            self.verdict.setText(f"<b style='color:{_GREEN}; font-size:11pt'>✓ {reachable}</b>{every}"
                                 f"<br/>{ends}{way}")
        else:
            blocked = result.blocked
            where = self.tr("blocked on the way there at %1") if blocked.direction == "forward" else \
                self.tr("blocked on the way back at %1")
            head, _, tail = where.partition("%1")
            not_reachable = escape(self.tr("Not reachable"))
            self.verdict.setText(f"<b style='color:{_RED}; font-size:11pt'>✗ {not_reachable}"
                                 f"</b><br/>{ends}<br/>{escape(head)}"
                                 f"<b>{escape(self._name(blocked.component))}</b>{escape(tail)}{way}")
        self.path_choice.blockSignals(True)
        self.path_choice.clear()
        for path in result.paths:
            mark = "✓ " if path.reachable else "✗ "
            self.path_choice.addItem(mark + path_label(path.label, language))
        deciding = result.paths.index(result.deciding_path) if result.deciding_path else 0
        self.path_choice.setCurrentIndex(deciding)
        self.path_choice.setVisible(len(result.paths) > 1)
        self.path_choice.blockSignals(False)
        self._show_path_at(deciding)

    def _show_path_at(self, index: int) -> None:
        if self.result is None or not 0 <= index < len(self.result.paths):
            return
        path = self.result.paths[index]
        self._fill_hops(path)
        self._explain(path)
        language = current_language()
        diagram = self.document.diagram
        labels = {}
        for hop in path.forward:
            labels.setdefault(hop.location, hop_sentence(diagram, hop, language))
        blocked_id = None
        if path.blocked is not None:
            blocked_id = path.blocked.component if path.blocked.component in diagram \
                else next((r for r in path.blocked.resources if r in diagram), None)
            if blocked_id:
                why = path.blocked.explanation if language == "en" \
                    else code_meaning(path.blocked.code, language)
                labels[blocked_id] = f"{path.blocked.code}: {why}"
        self.path_changed.emit(list(path.locations()), blocked_id, labels)

    def _fill_hops(self, path: Path) -> None:
        """The hops as numbered lists, there and back; the one that blocks in bold red. Names link to
        what was checked, so a click selects it on the canvas."""
        parts = []
        for title, hops in ((self.tr("There"), path.forward), (self.tr("Back (the reply)"), path.returning)):
            if not hops:
                continue
            items = "".join(self._hop_html(hop) for hop in hops)
            parts.append(f"<p style='margin:4px 0 0 0'><b>{title}</b></p><ol style='margin-top:2px'>"
                         f"{items}</ol>")
        self.hops.setHtml("".join(parts))

    def _hop_html(self, hop: Hop) -> str:
        detail = escape(hop_sentence(self.document.diagram, hop, current_language()))
        if hop.check not in (Check.DEPART, Check.DNS, Check.ARRIVE):
            where = hop.location
            name = escape(self._name(where))
            link = f"<a href='select:{escape(where)}'>{name}</a>" if where in self.document.diagram else name
            detail = f"{link}: {detail}"
        component = hop.component
        if component and component != hop.location and component in self.document.diagram:
            show = escape(self.tr("(show)"))
            detail += f" <a href='select:{escape(component)}' style='color:{_MUTED}'>{show}</a>"
        if hop.matched and not hop.matched.startswith("the VPC's default"):
            matched = escape(matched_text(hop.matched, current_language()))
            detail += f" <span style='color:{_MUTED}'>[{matched}]</span>"
        if not hop.passed:
            return f"<li style='color:{_RED}'><b>✗ {detail}</b></li>"
        return f"<li>{detail}</li>"

    def _explain(self, path: Path) -> None:
        parts = []
        if path.blocked is not None:
            blocked = path.blocked
            language = current_language()
            meaning = f" — {escape(code_meaning(blocked.code, language))}" if blocked.code in CODES else ""
            code_word, why_word = escape(self.tr("Code:")), escape(self.tr("Why:"))
            change_word = escape(self.tr("What to change:"))
            parts.append(f"<b>{code_word}</b> <code>{escape(blocked.code)}</code>{meaning}")
            if language == "en":
                parts.append(f"<b>{why_word}</b> {escape(blocked.explanation)}")
                parts.append(f"<b>{change_word}</b> {escape(blocked.suggestion)}")
            else:  # the code's meaning above says why; its usual fix says what to change
                parts.append(f"<b>{change_word}</b> "
                             f"{escape(code_fix(blocked.code, language))}")
        for note in self.result.notes if self.result else ():
            parts.append(f"<span style='color:{_MUTED}'>"
                         + escape(self.tr("Note: %1").replace("%1", phrase(note, current_language())))
                         + "</span>")
        self.explanation.setText("<br/>".join(parts))

    def _name(self, rid: str) -> str:
        record = self.document.diagram.get(rid)
        if record is not None:
            return record.label
        return self.tr("the internet") if rid == INTERNET else rid

    # ------------------------------------------------------------------ following
    def _hop_clicked(self, url: QUrl) -> None:
        text = url.toString()
        rid = text.split(":", 1)[1] if text.startswith("select:") else ""
        if rid in self.document.diagram:
            self.hop_selected.emit([rid])

    def _swap(self) -> None:
        source, destination = self.source.value(), self.destination.value()
        self.set_ends(destination, source)
        if self.result is not None:
            self.run()

    def _update_port(self, *_args) -> None:
        auto = self.auto_port.isChecked()
        if auto:
            self.port.setValue(default_port(self.document.diagram, self.destination.value()))
        self.port.setEnabled(not auto and self.protocol.currentText() != "icmp")

    def _refresh_pickers(self) -> None:
        self.source.fill(self.document.diagram)
        self.destination.fill(self.document.diagram)

    def _on_change(self, change) -> None:
        if change.added or change.removed or any("name" in p for p in change.properties.values()):
            self._refresh_pickers()
        if self.result is not None and not change.is_layout_only:
            self._retrace.start()

    def _follow_edit(self) -> None:
        if self.result is not None:
            self.run()

    def _on_replaced(self) -> None:
        self._refresh_pickers()
        self.result = None
        self._show_nothing()
