"""The presenter's quick trace chooser (key T): from, to, protocol and port in large type. The flow
is traced by the Trace panel, as any trace is, so the canvas, the panel and the presenter show the
same path."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QSpinBox, QVBoxLayout)

from model.i18n import kind_label
from model.naming import natural_key
from validators.reachability import SERVICES, Flow, FlowError, default_port

from ..trace_panel import INTERNET, TRACEABLE_KINDS
from ..translations import current_language

__all__ = ["TraceChooser", "end_choices"]

_POINT_SIZE = 16


def end_choices(diagram, language: str = "en", internet: str = "internet",
                service_text=lambda service: service) -> list[tuple[str, str]]:
    """(text, name) for each place a flow can start or end at: the internet, the resources the
    Trace panel offers (with their kind in ``language``), then the AWS services the tracer knows
    (``service_text`` says each one)."""
    choices = [(internet, INTERNET)]
    resources = sorted((r for r in diagram if r.kind in TRACEABLE_KINDS), key=lambda r: natural_key(r.label))
    for record in resources:
        choices.append((f"{record.label} — {kind_label(record.kind, language)}", record.id))
    choices += [(service_text(service), service) for service in SERVICES]
    return choices


class TraceChooser(QDialog):
    """Asks for a flow; :meth:`flow` is the answer once accepted."""

    def __init__(self, diagram, source: str = INTERNET, destination: str = "", parent=None):
        super().__init__(parent)
        self.diagram = diagram
        font = self.font()
        font.setPointSize(_POINT_SIZE)
        self.setFont(font)
        self.source = self._picker(source)
        self.destination = self._picker(destination)
        self.protocol = QComboBox()
        self.protocol.addItems(["tcp", "udp", "icmp"])
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.own_port = QCheckBox()
        self.own_port.setChecked(True)
        self.own_port.toggled.connect(self._update_port)
        self.destination.currentIndexChanged.connect(lambda _i: self._update_port())
        self.protocol.currentTextChanged.connect(lambda _p: self._update_port())
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        port_row = QHBoxLayout()
        port_row.addWidget(self.protocol)
        port_row.addWidget(self.port)
        port_row.addWidget(self.own_port, 1)
        self.from_label, self.to_label, self.port_label = QLabel(), QLabel(), QLabel()
        self.form = QFormLayout()
        self.form.addRow(self.from_label, self.source)
        self.form.addRow(self.to_label, self.destination)
        self.form.addRow(self.port_label, port_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(720)
        self.retranslate()
        self._update_port()

    def _picker(self, value: str) -> QComboBox:
        picker = QComboBox()
        picker.setEditable(True)
        picker.setInsertPolicy(QComboBox.NoInsert)
        self._fill(picker, value)
        return picker

    def _fill(self, picker: QComboBox, value: str) -> None:
        """The ends in the interface language, ``value`` chosen (or typed, when it is not one)."""
        picker.blockSignals(True)
        picker.clear()
        for text, name in end_choices(self.diagram, current_language(), self.tr("the internet"),
                                      lambda service: self.tr("%1 (AWS service)").replace("%1", service)):
            picker.addItem(text, name)
        index = picker.findData(value)
        if index >= 0:
            picker.setCurrentIndex(index)
        else:
            picker.setEditText(value)
        picker.blockSignals(False)

    @staticmethod
    def _value(picker: QComboBox) -> str:
        text = picker.currentText().strip()
        index = picker.currentIndex()
        if index >= 0 and picker.itemText(index) == text and picker.itemData(index):
            return picker.itemData(index)
        return text

    def _update_port(self) -> None:
        own = self.own_port.isChecked()
        if own:
            try:
                self.port.setValue(default_port(self.diagram, self._value(self.destination)))
            except FlowError:
                pass
        self.port.setEnabled(not own and self.protocol.currentText() != "icmp")

    def flow(self) -> Flow:
        return Flow(self._value(self.source), self._value(self.destination), self.protocol.currentText(),
                    self.port.value())

    def _accept_if_valid(self) -> None:
        flow = self.flow()
        if not flow.source or not flow.destination or flow.source == flow.destination:
            self.problem.setText(self.tr("Choose two different places to trace between."))
            self.problem.show()
            return
        self.accept()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Trace a Path"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.port_label.setText(self.tr("Port"))
        self.own_port.setText(self.tr("the destination's own"))
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Trace"))
        for picker in (self.source, self.destination):  # in the new language, keeping the choice
            self._fill(picker, self._value(picker))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
