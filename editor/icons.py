"""Loading our SVG icons once and handing out cached pixmaps and QIcons."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from model import kinds as _kinds

ICON_DIR = Path(__file__).resolve().parent.parent / "icons"


def icon_path(kind_name: str) -> Path:
    path = ICON_DIR / f"{_kinds.kind(kind_name).icon}.svg"
    return path if path.exists() else ICON_DIR / "generic_resource.svg"


def ui_icon_path(name: str) -> Path:
    return ICON_DIR / "ui" / f"{name}.svg"


@lru_cache(maxsize=None)
def renderer(path: str) -> QSvgRenderer:
    return QSvgRenderer(path)


@lru_cache(maxsize=512)
def kind_pixmap(kind_name: str, size: int) -> QPixmap:
    """The kind's icon rendered at ``size`` device pixels (cached: items paint pixmaps, not SVG)."""
    return _render(str(icon_path(kind_name)), size)


@lru_cache(maxsize=256)
def ui_pixmap(name: str, size: int) -> QPixmap:
    return _render(str(ui_icon_path(name)), size)


def kind_icon(kind_name: str) -> QIcon:
    return QIcon(str(icon_path(kind_name)))


def ui_icon(name: str) -> QIcon:
    return QIcon(str(ui_icon_path(name)))


def paint_kind_icon(painter: QPainter, kind_name: str, rect: QRectF) -> None:
    """Draw the icon as vectors (sharp at any zoom and in SVG/PDF export)."""
    renderer(str(icon_path(kind_name))).render(painter, rect)


def _render(path: str, size: int) -> QPixmap:
    image = QImage(size, size, QImage.Format_ARGB32_Premultiplied)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    renderer(path).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return QPixmap.fromImage(image)
