"""What every resource and container item shares: the record it shows, its findings and its badge.

Items only draw; they hold a copy of the record they show and never change the model. Positions are
relative to the parent item, exactly as the model stores them, so moving a container moves its
contents for free.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from model.i18n import kind_label
from model.resources import Resource
from validators.i18n import finding_fix, finding_message

from .. import styles
from ..translations import current_language

__all__ = ["DiagramItem", "escape_html", "SEVERITY_ORDER"]

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class DiagramItem(QGraphicsRectItem):
    """A resource on the canvas. Selectable, but not movable by Qt: the canvas tools move items
    themselves so that a drag becomes exactly one undo command on release.

    A rectangle item only so that an item whose bounds never change (a resource) can hand them to
    Qt once (``setRect``) instead of answering ``boundingRect`` from Python, which Qt asks twice per
    item and frame; subclasses paint everything themselves and define their own ``shape``."""

    def __init__(self, record: Resource, subtitle: str = "", parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.record = record
        self.subtitle = subtitle
        self.severity: str | None = None
        self.finding_count = 0
        self._findings: list = []
        self.setFlags(QGraphicsItem.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self._update_tooltip()

    @property
    def rid(self) -> str:
        return self.record.id

    def anchor(self) -> QPointF:  # pragma: no cover - overridden
        return self.scenePos()

    def anchor_rect(self) -> QRectF:  # pragma: no cover - overridden
        return QRectF(self.scenePos(), self.scenePos())

    def show_record(self, record: Resource, subtitle: str) -> None:
        if record == self.record and subtitle == self.subtitle:
            return
        self.record = record
        self.subtitle = subtitle
        self._update_tooltip()
        self.update()

    def show_findings(self, findings: list) -> None:
        """Outline and badge for the worst severity among ``findings`` (Finding objects)."""
        worst = min((f.severity.value for f in findings), key=SEVERITY_ORDER.get, default=None)
        self._findings = list(findings)
        self._update_tooltip()
        if worst == self.severity and len(findings) == self.finding_count:
            return
        self.severity = worst
        self.finding_count = len(findings)
        self.update()

    def _update_tooltip(self) -> None:
        language = current_language()
        label = kind_label(self.record.kind, language)
        lines = [f"<b>{escape_html(self.record.label)}</b> — {escape_html(label)}"]
        if self.subtitle:
            lines.append(escape_html(self.subtitle))
        findings = sorted(self._findings, key=lambda f: (SEVERITY_ORDER[f.severity.value], f.rule, f.message))
        fix_word = QCoreApplication.translate("DiagramItem", "Fix: %1")
        for f in findings[:6]:
            colour = styles.SEVERITY_COLOURS[f.severity.value]
            fix = finding_fix(f, language)
            lines.append(f"<span style='color:{colour}'>■</span> <b>{f.rule}</b>: "
                         f"{escape_html(finding_message(f, language))}"
                         + (f"<br/><i>{escape_html(fix_word.replace('%1', fix))}</i>" if fix else ""))
        if len(findings) > 6:
            lines.append(QCoreApplication.translate("DiagramItem", "… and %1 more").replace(
                "%1", str(len(findings) - 6)))
        if findings:
            why = QCoreApplication.translate("DiagramItem", "Right-click: Why?")
            lines.append(f"<i>{why}</i>")
        self.setToolTip("<br/>".join(lines))

    def retranslate(self) -> None:
        """The tooltip again, in the current language."""
        self._update_tooltip()

    def paint_badge(self, painter: QPainter, at: QPointF) -> None:
        if not self.severity:
            return
        colour = QColor(styles.SEVERITY_COLOURS[self.severity])
        painter.setPen(QPen(Qt.white, 1.5))
        painter.setBrush(colour)
        painter.drawEllipse(at, 10, 10)
        painter.setPen(Qt.white)
        painter.setFont(styles.font(7.5, bold=True))
        text = str(self.finding_count) if self.finding_count < 100 else "99+"
        painter.drawText(QRectF(at.x() - 10, at.y() - 10, 20, 20), Qt.AlignCenter, text)


def escape_html(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
