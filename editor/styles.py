"""Colours, pens, fonts and stacking order of everything on the canvas, in one place.

A view may draw its items in another :class:`CanvasStyle` (the presenter's large, high-contrast
one): it paints inside :func:`painting_with`, which swaps the colours below and scales
:func:`font` and :func:`line_width` for the duration of that paint only, so other windows and
exported pictures keep the default look.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPen

from model.kinds import CATEGORIES

#: Category colours, the same as the icon tiles (icons/README.md).
CATEGORY_COLOURS = {
    "Networking": "#017980", "Security & identity": "#B53F4C", "Compute": "#6368A3",
    "Containers": "#B58143", "Databases": "#2590D0", "Storage": "#22602C", "Edge & DNS": "#53358A",
    "Integration": "#7B2650", "Management": "#6E5C14", "Other": "#949186",
}
assert set(CATEGORY_COLOURS) == set(CATEGORIES)

#: How each container kind is drawn: border colour, fill, dashed border.
CONTAINER_STYLES = {
    "Region": ("#1f5f8b", "#f7fbff", True),
    "Vpc": ("#2e7d32", "#fbfdfb", False),
    "AvailabilityZone": ("#5c6bc0", "#00ffffff", True),
    "PublicSubnet": ("#2e7d32", "#eaf5ea", False),
    "PrivateSubnet": ("#1565c0", "#e8f1fb", False),
    "Subnet": ("#1565c0", "#e8f1fb", False),
    "AutoScalingGroup": ("#c26a00", "#00ffffff", True),
    "EcsCluster": ("#8d5a1f", "#fffaf3", True),
    "HostedZone": ("#53358A", "#f8f5fc", False),
}
DEFAULT_CONTAINER_STYLE = ("#607d8b", "#00ffffff", False)

SEVERITY_COLOURS = {"error": "#d32f2f", "warning": "#f29d00", "info": "#1e88e5"}

TEXT = QColor("#1f2a30")
MUTED_TEXT = QColor("#55636b")
SELECTION = QColor("#0b84ff")
CANVAS = QColor("#f4f6f8")

#: Stacking order: containers behind lines behind resources behind badges.
Z_CONTAINER = 0.0
Z_REFERENCE = 10.0
Z_RESOURCE = 20.0
Z_BADGE = 30.0
Z_OVERLAY = 40.0

#: Relations drawn strongly (traffic flows) versus faintly (structure).
TRAFFIC_RELATIONS = {"routes to", "forwards to", "targets", "origin", "alias of", "integrates with",
                     "triggers", "sends to", "consumes from", "registered in", "attached to",
                     "peers with", "sends failures to", "delivers to", "pulls image from", "logs to",
                     "deploys", "runs"}


def font(point_size: float = 9.0, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(["Noto Sans CJK JP", "Noto Sans JP", "DejaVu Sans", "Sans Serif"])
    f.setPointSizeF(point_size * _active.font_scale)
    f.setBold(bold)
    return f


def reference_pen(relation: str) -> QPen:
    if relation == "routes to":
        pen = QPen(QColor("#2e7d32"), 1.6)
    elif relation in TRAFFIC_RELATIONS:
        pen = QPen(QColor("#455a64"), 1.4)
    else:
        pen = QPen(QColor("#90a4ae"), 1.0, Qt.DashLine)
    pen.setCosmetic(False)
    return pen


def connection_pen() -> QPen:
    pen = QPen(QColor("#6a1b9a"), 1.8, Qt.DashDotLine)
    return pen


def line_width(width: float) -> float:
    """A line or outline width as the style being painted wants it (thicker for presenting)."""
    return width * _active.line_scale


@dataclass(frozen=True)
class CanvasStyle:
    """How a view draws the diagram: text and line scale, and the colours items read from this
    module while they paint (:data:`TEXT`, :data:`MUTED_TEXT`, :data:`SELECTION`,
    :data:`SEVERITY_COLOURS`); ``canvas`` is the background."""

    name: str
    font_scale: float = 1.0
    line_scale: float = 1.0
    text: str = "#1f2a30"
    muted_text: str = "#55636b"
    selection: str = "#0b84ff"
    canvas: str = "#f4f6f8"
    severity: Mapping[str, str] = field(default_factory=lambda: MappingProxyType(dict(SEVERITY_COLOURS)))


DEFAULT_STYLE = CanvasStyle("default")
#: For a projector: larger labels, lines twice as thick, near-black text on white, and severity
#: colours dark enough to read on a washed-out screen.
PRESENTER_STYLE = CanvasStyle(
    "presenter", font_scale=1.3, line_scale=2.0, text="#000000", muted_text="#1c262b",
    selection="#0050c8", canvas="#ffffff",
    severity=MappingProxyType({"error": "#b00020", "warning": "#b35900", "info": "#0d47a1"}))
_active = DEFAULT_STYLE


def active_style() -> CanvasStyle:
    return _active


@contextmanager
def painting_with(style: CanvasStyle):
    """Paint with ``style`` inside the block (views wrap their paint events in it)."""
    global _active, TEXT, MUTED_TEXT, SELECTION, SEVERITY_COLOURS
    saved = (_active, TEXT, MUTED_TEXT, SELECTION, SEVERITY_COLOURS)
    if style is not _active:
        _active = style
        TEXT, MUTED_TEXT, SELECTION = QColor(style.text), QColor(style.muted_text), QColor(style.selection)
        SEVERITY_COLOURS = dict(style.severity)
    try:
        yield style
    finally:
        _active, TEXT, MUTED_TEXT, SELECTION, SEVERITY_COLOURS = saved
