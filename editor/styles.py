"""Colours, pens, fonts and stacking order of everything on the canvas, in one place."""

from __future__ import annotations

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
    f.setPointSizeF(point_size)
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
