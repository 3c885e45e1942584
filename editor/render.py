"""Drawing a diagram to PNG, SVG or PDF with the same items the editor shows, with or without a
display.

A PNG is drawn in horizontal bands and written by :func:`_write_png` as it goes, instead of painting
one image of the whole picture and handing it to Qt's PNG writer: a 1,000-resource design at scale 1
is a 64-megapixel picture, which took 256 MB as one image (700 MB at peak with the writer's copies)
and most of the export's time in the writer (it converts every pixel and keeps an alpha channel).
Each band is painted into an opaque ``Format_RGB32`` image (the raster engine's own format), turned
into RGB rows and compressed by zlib at a fast level; memory stays at one band.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

__all__ = ["ensure_application", "render_file", "IMAGE_SUFFIXES"]

IMAGE_SUFFIXES = (".png", ".svg", ".pdf")
MARGIN = 24.0
#: Largest picture drawn, in pixels.
MAX_PIXELS = 400_000_000
#: Pixels painted per band (32 MB of image; a band is at least one row).
BAND_PIXELS = 8_000_000
#: zlib's level for PNG data: 3 gives files as small as Qt's default level at about three times
#: its speed on diagrams (mostly flat colour); 6 saves another sixth at twice the time.
PNG_LEVEL = 3


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
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
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
            width, height = max(1, int(source.width() * scale)), max(1, int(source.height() * scale))
            if width * height > MAX_PIXELS:
                raise ValueError("the picture would be larger than 400 megapixels; use a smaller --scale")
            _write_png(scene, path, source, scale, width, height)
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


def _paint(painter, scene, target, source, aspect=None) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter
    painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing | QPainter.SmoothPixmapTransform)
    scene.clearSelection()
    scene.render(painter, target, source, aspect if aspect is not None else Qt.KeepAspectRatio)
    painter.end()


def _write_png(scene, path: str, source, scale: float, width: int, height: int) -> None:
    """Paint ``source`` (scene coordinates) at ``scale`` into a ``width`` x ``height`` PNG at
    ``path``, band by band (see the module docs); the file is replaced whole or not at all.
    Cost: O(pixels) time, O(BAND_PIXELS + compressed size) memory."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter

    from model.files import atomic_write

    band = max(1, min(height, BAND_PIXELS // width))
    compressor = zlib.compressobj(PNG_LEVEL)
    # 8-bit RGB, no interlacing: colour type 2 (the picture is opaque, so no alpha channel).
    out = [b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))]
    row_bytes = 3 * width
    for top in range(0, height, band):
        rows = min(band, height - top)
        image = QImage(width, rows, QImage.Format_RGB32)
        image.fill(Qt.white)
        # Each band maps its own strip of the scene at exactly ``scale``, so the strips meet
        # without a seam (the same transform, shifted by whole pixels).
        strip = QRectF(source.x(), source.y() + top / scale, width / scale, rows / scale)
        _paint(QPainter(image), scene, QRectF(0, 0, width, rows), strip, Qt.IgnoreAspectRatio)
        rgb = image.convertToFormat(QImage.Format_RGB888)
        del image
        stride = rgb.bytesPerLine()
        pixels = memoryview(rgb.constBits()).cast("B")
        # Each PNG row starts with its filter type: 0, none (flat colour compresses well as is).
        data = compressor.compress(b"".join(b"\x00" + pixels[y * stride:y * stride + row_bytes]
                                            for y in range(rows)))
        if data:
            out.append(_chunk(b"IDAT", data))
        pixels.release()
    out.append(_chunk(b"IDAT", compressor.flush()))
    out.append(_chunk(b"IEND", b""))
    atomic_write(path, b"".join(out))


def _chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG chunk: length, type, data, CRC-32 of type and data."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
