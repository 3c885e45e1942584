"""PNG export: painted in bands and written as it goes, the picture is the one painted in one piece,
an opaque 8-bit RGB PNG that image readers accept, replacing the old file whole."""

from __future__ import annotations

import struct
import zlib

import pytest

from editor import render
from tests.support.builder import load_example


def _chunks(data: bytes):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos = 8
    while pos < len(data):
        length, = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        crc, = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        yield kind, body, crc
        pos += 12 + length


def test_png_is_an_opaque_rgb_image_with_valid_chunks(tmp_path, qapp):
    from PySide6.QtGui import QImage
    out = tmp_path / "design.png"
    render.render_file(load_example("dual-az-web"), str(out), scale=1.0)
    chunks = list(_chunks(out.read_bytes()))
    assert all(zlib.crc32(kind + body) == crc for kind, body, crc in chunks), "a chunk's CRC is wrong"
    assert [k for k, _, _ in chunks][0] == b"IHDR" and chunks[-1][0] == b"IEND"
    width, height, depth, colour = struct.unpack(">IIBB", chunks[0][1][:10])
    assert (depth, colour) == (8, 2), "8-bit RGB without an alpha channel"
    image = QImage(str(out))
    assert (image.width(), image.height()) == (width, height)
    assert image.pixelColor(2, 2).name() == "#ffffff", "the margin is white"
    raw = zlib.decompress(b"".join(body for kind, body, _ in chunks if kind == b"IDAT"))
    assert len(raw) == height * (1 + 3 * width), "every row: a filter byte and its pixels"


@pytest.mark.parametrize("share", [0.02, 0.6], ids=["fifty-bands", "two-bands"])
def test_bands_meet_without_a_seam_and_the_last_band_sits_at_the_bottom(tmp_path, qapp, monkeypatch, share):
    """The same design painted as one band and as several (the last one shorter, so it cannot
    scroll as far as the others): the same picture in every stretch of rows, up to the
    anti-aliasing of a few line pixels."""
    from PySide6.QtGui import QImage
    diagram = load_example("dual-az-web")
    one, banded = tmp_path / "one.png", tmp_path / "banded.png"
    render.render_file(diagram, str(one), scale=1.0)
    a = QImage(str(one))
    rows = int(a.height() * share)
    assert a.height() % rows, "the last band is shorter than the others"
    monkeypatch.setattr(render, "BAND_PIXELS", a.width() * rows)
    render.render_file(diagram, str(banded), scale=1.0)
    b = QImage(str(banded))
    assert a.size() == b.size()
    for start in range(0, a.height(), 100):
        stretch = range(start, min(start + 100, a.height()))
        differing = sum(1 for y in stretch for x in range(0, a.width(), 3) if a.pixel(x, y) != b.pixel(x, y))
        assert differing / (len(stretch) * len(range(0, a.width(), 3))) < 0.02, f"rows from {start}"


def test_png_replaces_the_old_file_whole(tmp_path, qapp):
    out = tmp_path / "design.png"
    out.write_bytes(b"old picture")
    render.render_file(load_example("route-tables"), str(out), scale=1.0)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [p.name for p in tmp_path.iterdir()] == ["design.png"], "no temporary file is left"
