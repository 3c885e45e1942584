"""Fixtures for canvas tests: a shown Canvas on a design, and real mouse, key and drop events."""

from __future__ import annotations

import pytest

from editor.canvas import Canvas
from editor.document import Document
from model.documents import DesignFormat, OpenedDesign
from model.layout import layout_edit

from .helpers import Mouse, PaletteDrag


@pytest.fixture
def make_canvas(qtbot):
    """``make_canvas(diagram)``: a Canvas on ``diagram`` (laid out where positions are missing),
    shown at 1100 x 800, zoomed to fit, deleting without asking."""
    def make(diagram, size=(1100, 800)) -> Canvas:
        arrange = layout_edit(diagram, only_missing=True)
        if arrange:
            diagram.apply(arrange)
        document = Document(OpenedDesign(diagram, "design.kumozu.yaml", DesignFormat.NATIVE))
        canvas = Canvas(document)
        canvas.confirm_delete = False
        qtbot.addWidget(canvas)
        canvas.resize(*size)
        canvas.show()
        qtbot.waitExposed(canvas)
        canvas.zoom_to_fit()
        return canvas
    return make


@pytest.fixture
def mouse(qtbot) -> Mouse:
    return Mouse(qtbot)


@pytest.fixture
def palette_drag():
    """``palette_drag(canvas, "Subnet")``: a drag from the palette, moved and dropped by hand."""
    return PaletteDrag
