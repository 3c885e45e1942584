"""The presenter style reaches the canvas through one hook: a view paints inside
``styles.painting_with(view.canvas_style)``, which scales text and lines and swaps the colours for
that paint only."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from editor import styles
from editor.scene import DiagramScene
from editor.view import DiagramView
from model.documents import open_design
from tests.support.builder import ROOT


def test_painting_with_the_presenter_style_scales_text_and_lines_and_swaps_colours(qtbot):
    before = (styles.TEXT, styles.SEVERITY_COLOURS, styles.font(8.5).pointSizeF(), styles.line_width(2))
    with styles.painting_with(styles.PRESENTER_STYLE):
        assert styles.font(8.5).pointSizeF() == 8.5 * styles.PRESENTER_STYLE.font_scale > 8.5
        assert styles.line_width(2) == 4
        assert styles.TEXT == QColor("#000000")
        assert styles.SEVERITY_COLOURS["error"] == styles.PRESENTER_STYLE.severity["error"]
    after = (styles.TEXT, styles.SEVERITY_COLOURS, styles.font(8.5).pointSizeF(), styles.line_width(2))
    assert after == before and styles.active_style() is styles.DEFAULT_STYLE


def dark_pixels(view: DiagramView) -> int:
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format_Grayscale8)
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if image.pixelColor(x, y).value() < 90)


def test_a_view_in_the_presenter_style_draws_more_ink(qtbot):
    """Bigger, darker text and thicker lines: the same drawing in the presenter style has clearly
    more dark pixels."""
    diagram = open_design(str(ROOT / "examples" / "route-tables.kumozu.yaml")).diagram
    scene = DiagramScene(diagram)
    view = DiagramView(scene)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.zoom_to_fit()
    plain = dark_pixels(view)
    view.canvas_style = styles.PRESENTER_STYLE
    view.viewport().update()
    assert dark_pixels(view) > plain * 1.3
    assert styles.active_style() is styles.DEFAULT_STYLE  # only while that view painted
    scene.detach()

