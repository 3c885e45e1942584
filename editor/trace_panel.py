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

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox, QTextBrowser, QToolButton, QVBoxLayout, QWidget)

from model import kinds as _kinds
from model.naming import natural_key
from validators.reachability import CODES, SERVICES, Flow, FlowError, TraceResult, default_port, trace
from validators.reachability.results import Check, Hop, Path

from .icons import ui_icon

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
        self.addItem(ui_icon("internet"), "internet", INTERNET)
        resources = [r for r in diagram if r.kind in TRACEABLE_KINDS]
        for record in sorted(resources, key=lambda r: natural_key(r.label)):
            kind = _kinds.kind(record.kind).label
            text = f"{record.label} — {kind}" + (f" ({record.id})" if record.label != record.id else "")
            self.addItem(text, record.id)
        self.insertSeparator(self.count())
        for service in SERVICES:
            self.addItem(ui_icon("aws_service"), f"{service} (AWS service)", service)
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
        self.source = _EndPicker()
        self.destination = _EndPicker()
        self.swap_button = QToolButton()
        self.swap_button.setText("⇅")
        self.swap_button.setToolTip("Swap source and destination")
        self.protocol = QComboBox()
        self.protocol.addItems(["tcp", "udp", "icmp"])
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setValue(443)
        self.auto_port = QCheckBox("the destination's own")
        self.auto_port.setChecked(True)
        self.auto_port.setToolTip("A database's port, a load balancer's HTTPS listener, else 443")
        self.trace_button = QPushButton("Trace")
        self.trace_button.setDefault(True)
        self.pick_button = QPushButton("Pick on Canvas")
        self.pick_button.setToolTip("Click the source, then the destination (the empty canvas is the "
                                    "internet)")
        self.clear_button = QPushButton("Clear")
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.RichText)
        self.path_choice = QComboBox()
        self.path_choice.setToolTip("Every concrete path (one per subnet of each end) must pass")
        self.hops = QTextBrowser()
        self.hops.setOpenLinks(False)
        self.hops.setOpenExternalLinks(False)
        self.hops.setToolTip("Click a name to select it on the canvas")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.RichText)
        self.explanation.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self._build_layout()
        self._wire()
        self._refresh_pickers()
        self._update_port()
        self._show_nothing()

    # ------------------------------------------------------------------ building
    def _build_layout(self) -> None:
        ends = QHBoxLayout()
        pickers = QFormLayout()
        pickers.addRow("From", self.source)
        pickers.addRow("To", self.destination)
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
            self._show_problem("Choose a source and a destination.")
            return None
        try:
            result = trace(self.document.diagram, flow)
        except FlowError as exc:
            self._show_problem(str(exc))
            return None
        self._show_result(result)
        return result

    def clear(self) -> None:
        self.result = None
        self._show_nothing()
        self.path_cleared.emit()

    # ------------------------------------------------------------------ showing
    def _show_nothing(self) -> None:
        self.verdict.setText(f"<span style='color:{_MUTED}'>Pick a source and a destination, then "
                             f"Trace. Kumozu follows the packet through security groups, network ACLs, "
                             f"route tables and gateways, there and back.</span>")
        self.hops.clear()
        self.path_choice.hide()
        self.explanation.clear()

    def _show_problem(self, message: str) -> None:
        self.result = None
        self.verdict.setText(f"<b style='color:{_RED}'>Cannot trace</b><br/>{escape(message)}")
        self.hops.clear()
        self.path_choice.hide()
        self.explanation.clear()
        self.path_cleared.emit()

    def _show_result(self, result: TraceResult) -> None:
        self.result = result
        flow = result.flow
        port = "" if flow.protocol == "icmp" else f"/{flow.port}"
        ends = f"{escape(self._name(flow.source))} → {escape(self._name(flow.destination))} " \
               f"on {flow.protocol}{port}"
        way = f"<br/><span style='color:{_MUTED}'>Way: {escape(result.route)}</span>" \
            if result.route != "direct" else ""
        if result.reachable:
            total = len(result.paths)
            every = f" (all {total} paths)" if total > 1 else ""
            self.verdict.setText(f"<b style='color:{_GREEN}; font-size:11pt'>✓ Reachable</b>{every}"
                                 f"<br/>{ends}{way}")
        else:
            blocked = result.blocked
            where = "on the way there" if blocked.direction == "forward" else "on the way back"
            self.verdict.setText(f"<b style='color:{_RED}; font-size:11pt'>✗ Not reachable</b><br/>"
                                 f"{ends}<br/>blocked {where} at "
                                 f"<b>{escape(self._name(blocked.component))}</b>{way}")
        self.path_choice.blockSignals(True)
        self.path_choice.clear()
        for path in result.paths:
            self.path_choice.addItem(("✓ " if path.reachable else "✗ ") + path.label)
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
        labels = {}
        for hop in path.forward:
            labels.setdefault(hop.location, hop.detail)
        blocked_id = None
        if path.blocked is not None:
            blocked_id = path.blocked.component if path.blocked.component in self.document.diagram \
                else next((r for r in path.blocked.resources if r in self.document.diagram), None)
            if blocked_id:
                labels[blocked_id] = f"{path.blocked.code}: {path.blocked.explanation}"
        self.path_changed.emit(list(path.locations()), blocked_id, labels)

    def _fill_hops(self, path: Path) -> None:
        """The hops as numbered lists, there and back; the one that blocks in bold red. Names link to
        what was checked, so a click selects it on the canvas."""
        parts = []
        for title, hops in (("There", path.forward), ("Back (the reply)", path.returning)):
            if not hops:
                continue
            items = "".join(self._hop_html(hop) for hop in hops)
            parts.append(f"<p style='margin:4px 0 0 0'><b>{title}</b></p><ol style='margin-top:2px'>"
                         f"{items}</ol>")
        self.hops.setHtml("".join(parts))

    def _hop_html(self, hop: Hop) -> str:
        detail = escape(hop.detail)
        if hop.check not in (Check.DEPART, Check.DNS, Check.ARRIVE):
            where = hop.location
            name = escape(self._name(where))
            link = f"<a href='select:{escape(where)}'>{name}</a>" if where in self.document.diagram else name
            detail = f"{link}: {detail}"
        component = hop.component
        if component and component != hop.location and component in self.document.diagram:
            detail += f" <a href='select:{escape(component)}' style='color:{_MUTED}'>(show)</a>"
        if hop.matched and not hop.matched.startswith("the VPC's default"):
            detail += f" <span style='color:{_MUTED}'>[{escape(hop.matched)}]</span>"
        if not hop.passed:
            return f"<li style='color:{_RED}'><b>✗ {detail}</b></li>"
        return f"<li>{detail}</li>"

    def _explain(self, path: Path) -> None:
        parts = []
        if path.blocked is not None:
            blocked = path.blocked
            code = CODES.get(blocked.code)
            meaning = f" — {escape(code.meaning)}" if code else ""
            parts.append(f"<b>Code:</b> <code>{escape(blocked.code)}</code>{meaning}")
            parts.append(f"<b>Why:</b> {escape(blocked.explanation)}")
            parts.append(f"<b>What to change:</b> {escape(blocked.suggestion)}")
        for note in self.result.notes if self.result else ():
            parts.append(f"<span style='color:{_MUTED}'>Note: {escape(note)}</span>")
        self.explanation.setText("<br/>".join(parts))

    def _name(self, rid: str) -> str:
        record = self.document.diagram.get(rid)
        if record is not None:
            return record.label
        return "the internet" if rid == INTERNET else rid

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
