"""Drawing a diagram to PNG, SVG or PDF with the same items the editor shows, with or without a
display.

A PNG is drawn in horizontal bands and written by :func:`_write_png` as it goes, instead of painting
one image of the whole picture and handing it to Qt's PNG writer: a 1,000-resource design at scale 1
is a picture of 60 to 170 megapixels (as the layout goes), which took a quarter to two thirds of a
gigabyte as one image (more at peak with the writer's copies) and most of the export's time in the
writer (it converts every pixel and keeps an alpha channel).
Each band is painted into an opaque ``Format_RGB32`` image (the raster engine's own format) and
copied into PNG rows (a filter byte, then RGB) by Qt itself: the copy is an ``RGB888`` image laid
over a buffer whose stride is one byte longer than a row, so the filter bytes sit in the gaps. A
worker thread compresses each band (zlib, at a fast level, releases the interpreter lock) while the
next one is painted; memory stays at a couple of bands.
"""

from __future__ import annotations

import os
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor
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


def _paint(painter, scene, target, source) -> None:
    painter.setRenderHints(_hints())
    scene.clearSelection()
    scene.render(painter, target, source)
    painter.end()


def _hints():
    """The render hints every picture is drawn with."""
    from PySide6.QtGui import QPainter
    return QPainter.Antialiasing | QPainter.TextAntialiasing | QPainter.SmoothPixmapTransform


def _band_view(scene, source, scale: float, width: int, band: int):
    """An offscreen view showing ``source`` at ``scale``, ``width`` x ``band`` pixels, scrolled by
    whole pixels.

    Bands are painted through a view, not ``QGraphicsScene.render``: the scene's render paints
    every item under a top-level item that meets the band (Qt draws whole subtrees there, without
    looking at the exposed area), so a band of a large design repainted nearly all of it; a view
    paints only what its index finds in the band, as on screen."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QTransform
    from PySide6.QtWidgets import QFrame, QGraphicsView

    view = QGraphicsView(scene)
    view.setFrameShape(QFrame.NoFrame)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    view.setRenderHints(_hints())
    view.setTransformationAnchor(QGraphicsView.NoAnchor)
    view.setResizeAnchor(QGraphicsView.NoAnchor)
    view.setAlignment(Qt.AlignLeft | Qt.AlignTop)
    view.setTransform(QTransform.fromScale(scale, scale))
    view.setSceneRect(source)
    view.resize(width, band)
    # A hidden widget takes its new size when it is next drawn; until then its scroll range is the
    # one of its old size. Drawing a pixel settles it before any band is scrolled into place.
    view.viewport().render(QImage(1, 1, QImage.Format_RGB32))
    return view


def _write_png(scene, path: str, source, scale: float, width: int, height: int) -> None:
    """Paint ``source`` (scene coordinates) at ``scale`` into a ``width`` x ``height`` PNG at
    ``path``, band by band (see the module docs); the file is replaced whole or not at all.
    Cost: O(pixels) time, O(BAND_PIXELS + compressed size) memory."""
    from model.files import atomic_write

    band = max(1, min(height, BAND_PIXELS // width))
    scene.clearSelection()
    view = _band_view(scene, source, scale, width, band)
    try:
        out = _png_bands(view, width, height, band)
    finally:
        view.setScene(None)
        view.deleteLater()
    atomic_write(path, b"".join(out))


def _png_bands(view, width: int, height: int, band: int) -> list[bytes]:
    """The PNG file's chunks, the picture painted by ``view`` ``band`` rows at a time."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QImage, QPainter

    compressor = zlib.compressobj(PNG_LEVEL)
    # 8-bit RGB, no interlacing: colour type 2 (the picture is opaque, so no alpha channel).
    out = [b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))]
    row_bytes = 3 * width
    image = QImage(width, band, QImage.Format_RGB32)
    scroll = view.verticalScrollBar()
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    with ThreadPoolExecutor(max_workers=1) as worker:  # one worker: the zlib stream stays in order
        pending = []
        for top in range(0, height, band):
            rows = min(band, height - top)
            image.fill(Qt.white)
            # The same transform for every band, scrolled by whole pixels: bands meet without a
            # seam. The last band cannot scroll past the end, so its rows start lower down.
            scroll.setValue(scroll.minimum() + top)
            skip = scroll.minimum() + top - scroll.value()
            if not 0 <= skip <= band - rows:
                raise RuntimeError(f"band at row {top} could not be scrolled into place")
            painter = QPainter(image)
            view.viewport().render(painter, QPoint(0, 0))
            painter.end()
            # PNG rows: a filter byte (0: none; flat colour compresses well as it is), then RGB.
            buffer = bytearray(rows * (row_bytes + 1))
            rgb = QImage(memoryview(buffer)[1:], width, rows, row_bytes + 1, QImage.Format_RGB888)
            copier = QPainter(rgb)
            copier.setCompositionMode(QPainter.CompositionMode_Source)
            copier.drawImage(0, 0, image, 0, skip, width, rows)
            copier.end()
            del rgb  # the buffer is the worker's from here on
            pending.append(worker.submit(compressor.compress, buffer))
            if len(pending) > 1:  # at most one band waits for the worker
                out.append(_chunk(b"IDAT", pending.pop(0).result()))
        out += [_chunk(b"IDAT", future.result()) for future in pending]
    out.append(_chunk(b"IDAT", compressor.flush()))
    out.append(_chunk(b"IEND", b""))
    return out


def _chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG chunk: length, type, data, CRC-32 of type and data."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
