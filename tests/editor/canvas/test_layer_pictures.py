"""The line layer and the far-out name layer keep their last frame as a picture while nothing they
draw changes: a kept picture looks like the layer drawn afresh, and every kind of change (a rename,
a move, a selection, a finding, a zoom) shows in the very next frame."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage, QPainter

from editor.items.far_titles import FarTitleLayer
from editor.items.layer_cache import LayerPicture
from editor.items.lines import FAINT_DETAIL, LineLayer
from model.edits import move, rename
from tests.support.builder import load_example
from validators.finding import Finding, Severity

#: A channel off by more than this counts as a different pixel (drawing into a transparent picture
#: first and blending it afterwards rounds translucent edges by a few 255ths).
_TOLERANCE = 8
_FAR = 0.12


def _frame(canvas) -> QImage:
    return canvas.view.grab().toImage().convertToFormat(QImage.Format_RGB32)


def _drawn_afresh(canvas, monkeypatch) -> QImage:
    with monkeypatch.context() as patch:
        patch.setattr(LayerPicture, "_key_for", lambda self, painter, widget, content: None)
        return _frame(canvas)


def _differing_pixels(a: QImage, b: QImage) -> int:
    """Pixels of ``a`` and ``b`` with a channel apart by more than the tolerance."""
    assert a.size() == b.size()
    delta = QImage(a)
    painter = QPainter(delta)
    painter.setCompositionMode(QPainter.CompositionMode_Difference)
    painter.drawImage(0, 0, b)
    painter.end()
    table = bytes(0 if v <= _TOLERANCE else 1 for v in range(256))
    channels = bytes(delta.constBits()).translate(table)
    # Format_RGB32 is 4 bytes a pixel, the fourth always 0xff (mapped to 1): count the others.
    return sum(1 for i in range(0, len(channels), 4) if channels[i] or channels[i + 1] or channels[i + 2])


def _layers(canvas):
    items = canvas.scene.items()
    return (next(i for i in items if isinstance(i, LineLayer)),
            next(i for i in items if isinstance(i, FarTitleLayer)))


@pytest.mark.parametrize("zoom", [_FAR, None])
def test_a_repeated_frame_is_blitted_and_looks_like_the_layers_drawn_afresh(make_canvas, monkeypatch, zoom):
    """Far out (names drawn by the layer, faint lines left out) and fitted (every line drawn with
    its arrow head and dashes; the whole design in view, since where Qt clips a thin dashed line
    at the device's edge it restarts the dashes, and the kept picture reaches past that edge)."""
    canvas = make_canvas(load_example("dual-az-web"))
    if zoom is not None:
        canvas.view.set_zoom(zoom)
    else:
        assert canvas.view.zoom() >= FAINT_DETAIL
    lines, names = _layers(canvas)
    first = _frame(canvas)
    assert not lines._picture.kept  # one frame with a view is no reason to keep a picture yet
    kept = _frame(canvas)
    assert lines._picture.kept
    assert names._picture_of_names.kept == (zoom == _FAR)  # close up the layer draws nothing
    afresh = _drawn_afresh(canvas, monkeypatch)
    assert _differing_pixels(kept, afresh) == 0
    assert _differing_pixels(first, afresh) == 0
    if zoom == _FAR:
        assert "vpc" in names.drawn


def test_every_change_shows_in_the_next_frame_while_pictures_are_kept(make_canvas, monkeypatch):
    canvas = make_canvas(load_example("dual-az-web"))
    canvas.view.set_zoom(_FAR)
    lines, names = _layers(canvas)

    def settle_and_check(before: QImage | None = None) -> QImage:
        shown = _frame(canvas)  # drawn straight into the view (a new key)
        again = _frame(canvas)  # the key repeats: the pictures are made and blitted
        assert lines._picture.kept and names._picture_of_names.kept
        assert _differing_pixels(again, shown) == 0
        assert _differing_pixels(again, _drawn_afresh(canvas, monkeypatch)) == 0
        if before is not None:
            assert _differing_pixels(shown, before) > 0  # the change is visible at all
        return again

    start = settle_and_check()
    canvas.document.push(rename(canvas.diagram, "vpc", "a much longer name for the network"))
    renamed = settle_and_check(start)
    geometry = canvas.diagram.geometry("app-a")
    canvas.document.push(move(canvas.diagram, {"app-a": (geometry.x, geometry.y + 120, geometry.w,
                                                         geometry.h)}))
    moved = settle_and_check(renamed)
    line = next(line for line in canvas.scene.lines() if line.isVisible() and not line.faint)
    line.setSelected(True)
    selected = settle_and_check(moved)
    canvas.scene.item_for("vpc").show_findings(
        [Finding("cidr-overlap", Severity.ERROR, "overlaps", ("vpc",))])  # its name turns red
    settle_and_check(selected)
    canvas.view.set_zoom(_FAR * 1.3)
    settle_and_check()

