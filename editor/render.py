"""Drawing a diagram to PNG, SVG or PDF with the same items the editor shows, with or without a
display."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ensure_application", "render_file", "IMAGE_SUFFIXES"]

IMAGE_SUFFIXES = (".png", ".svg", ".pdf")
MARGIN = 24.0


def ensure_application():
    """A QApplication, created offscreen when there is no display (CI, servers)."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication
    app = QCoreApplication.instance()
    if app is None:
        app = QApplication(["kumozu"])
    elif not isinstance(app, QApplication):
        raise RuntimeError("drawing needs a QApplication, but a non-widget Qt application is running")
    return app


def render_file(diagram, path: str, scale: float = 2.0, findings=None) -> None:
    """Write ``diagram`` to ``path``; the format follows the suffix. Findings, if given, are drawn
    as they are on the canvas."""
    ensure_application()
    from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
    from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
    from PySide6.QtSvg import QSvgGenerator

    from .scene import DiagramScene

    scene = DiagramScene(diagram)
    scene.setBackgroundBrush(Qt.white)
    try:
        if findings is not None:
            scene.show_findings(findings)
        source = scene.content_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        suffix = Path(path).suffix.lower()
        if suffix == ".png":
            size = QSize(max(1, int(source.width() * scale)), max(1, int(source.height() * scale)))
            if size.width() * size.height() > 400_000_000:
                raise ValueError("the picture would be larger than 400 megapixels; use a smaller --scale")
            image = QImage(size, QImage.Format_ARGB32_Premultiplied)
            image.fill(Qt.white)
            painter = QPainter(image)
            _paint(painter, scene, QRectF(0, 0, size.width(), size.height()), source)
            if not image.save(path):
                raise OSError(f"could not write {path}")
        elif suffix == ".svg":
            generator = QSvgGenerator()
            generator.setFileName(path)
            generator.setSize(QSize(int(source.width()), int(source.height())))
            generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
            generator.setTitle(diagram.title or "Kumozu diagram")
            generator.setDescription("Drawn with Kumozu")
            painter = QPainter(generator)
            _paint(painter, scene, QRectF(0, 0, source.width(), source.height()), source)
        elif suffix == ".pdf":
            writer = QPdfWriter(path)
            writer.setTitle(diagram.title or "Kumozu diagram")
            writer.setCreator("Kumozu")
            writer.setResolution(144)
            points = QSizeF(source.width() * 0.75, source.height() * 0.75)
            writer.setPageLayout(QPageLayout(QPageSize(points, QPageSize.Point), QPageLayout.Portrait,
                                             QMarginsF(0, 0, 0, 0)))
            painter = QPainter(writer)
            target = QRectF(0, 0, writer.width(), writer.height())
            _paint(painter, scene, target, source)
        else:
            raise ValueError(f"cannot draw to '{suffix}' files; use {', '.join(IMAGE_SUFFIXES)}")
    finally:
        scene.detach()
        scene.deleteLater()


def _paint(painter, scene, target, source) -> None:
    from PySide6.QtGui import QPainter
    painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing | QPainter.SmoothPixmapTransform)
    scene.clearSelection()
    scene.render(painter, target, source)
    painter.end()
