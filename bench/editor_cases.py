"""Editor measurements, offscreen: open and first paint, a full repaint, a dragged subnet released
into another Availability Zone until its findings are shown, and PNG export.

The canvas is ``editor.canvas.Canvas`` (the editor's own widget, scene and view) when it exists,
otherwise ``editor.scene.DiagramScene`` in an ``editor.view.DiagramView`` wired to the document's
findings the way the canvas is. A paint is ``QWidget.grab()`` of the view: Qt renders the widget
(and so the scene, through ``QGraphicsView.paintEvent``) into a pixmap, as it would into the window.
"""

from __future__ import annotations

import os

from model import edits

from .context import Context
from .timing import Row, measure

__all__ = ["CASES", "Surface", "application"]

WINDOW = (1600, 1000)
_SUBNET, _HOME, _AWAY = "V000AppA", "V000ZoneA", "V000ZoneB"


def application():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from editor.render import ensure_application
    return ensure_application()


class Surface:
    """A document shown on a canvas widget of the window's size."""

    def __init__(self, document):
        try:
            from editor.canvas import Canvas
        except ImportError:
            Canvas = None
        self.document = document
        if Canvas is not None:
            self.widget = Canvas(document)
            self.view = self.widget.view
            self.kind = "editor.canvas.Canvas"
        else:
            from editor.scene import DiagramScene
            from editor.view import DiagramView
            scene = DiagramScene(document.diagram)
            scene.show_findings(document.findings)
            document.findings_changed.connect(scene.show_findings)
            self.view = self.widget = DiagramView(scene)
            self.kind = "editor.scene.DiagramScene + editor.view.DiagramView"
        self.widget.resize(*WINDOW)
        self.widget.show()
        self.fit()

    def fit(self) -> None:
        (self.widget if hasattr(self.widget, "zoom_to_fit") else self.view).zoom_to_fit()

    def paint(self):
        return self.view.grab()

    def close(self) -> None:
        self.widget.close()
        self.widget.deleteLater()
        self.document.deleteLater()
        application().processEvents()


def _open(path):
    from editor.document import Document
    from model.documents import open_design
    return Surface(Document(open_design(str(path))))


def case_open_paint(ctx: Context, n: int) -> list[Row]:
    app = application()
    path = ctx.design(n)
    shown: list = []

    def close_previous():
        while shown:
            shown.pop().close()

    def open_and_paint():
        surface = _open(path)
        shown.append(surface)
        image = surface.paint()
        app.processEvents()
        return image

    samples = measure(open_and_paint, setup=close_previous, repeat=ctx.repeat(5), warmup=1, budget_s=60)
    kind = shown[-1].kind if shown else "?"
    if shown and n == 1000:
        ctx.results.mkdir(parents=True, exist_ok=True)
        shown[-1].paint().save(str(ctx.results / f"canvas-{n}.png"))
    close_previous()
    target = 1500.0 if n == 1000 else None
    return [Row("editor.open", "editor: open + first paint (file → window)", n, samples, target, note=kind)]


def case_repaint(ctx: Context, n: int) -> list[Row]:
    application()  # this case may run alone (--only editor.repaint)
    surface = _open(ctx.design(n))
    rows = []
    try:
        surface.paint()
        fit = measure(surface.paint, repeat=ctx.repeat(20), budget_s=30)
        rows.append(Row("editor.repaint", "editor: full repaint, whole design in view", n, fit, 16.0,
                        note=f"zoom {surface.view.zoom():.3f}"))
        surface.view.set_zoom(1.0)
        surface.paint()
        one = measure(surface.paint, repeat=ctx.repeat(20), budget_s=30)
        rows.append(Row("editor.repaint", "editor: full repaint at 100 % zoom", n, one, 16.0))
    finally:
        surface.close()
    return rows


def _drop_edit(d):
    """The edit a drag of V000AppA into the other Availability Zone pushes on release (move,
    re-parent and the zone property), alternating between its home zone and the other one."""
    record = d[_SUBNET]
    away = record.parent == _HOME
    target, letter = (_AWAY, "b") if away else (_HOME, "a")
    g = d.geometry(_SUBNET)
    if away:
        bottom = max((d.geometry(c.id).y + max(d.geometry(c.id).h, 104.0) for c in d.children(_AWAY)), default=40.0)
        where = (20.0, bottom + 20.0, g.w, g.h)
    else:
        where = (20.0, 60.0 + 204.0, g.w, g.h)
    return edits.reparent(d, _SUBNET, target, where,
                          extra=[edits.set_property(d, _SUBNET, "availability_zone", f"us-east-1{letter}")])


def case_release(ctx: Context, n: int) -> list[Row]:
    app = application()
    surface = _open(ctx.design(n))
    doc = surface.document
    delivered: list = []
    doc.findings_changed.connect(lambda delta: delivered.append(delta))
    pending: list = []
    pushed: list = []

    def release():
        pushed.append(doc.push(pending[-1]))
        app.processEvents()  # the frame: pending item updates and the repaint of what changed

    try:
        surface.paint()
        samples = measure(release, setup=lambda: pending.append(_drop_edit(doc.diagram)),
                          repeat=ctx.repeat(30), budget_s=30)
        subnet_item = surface.widget.scene.item_for(_SUBNET) if hasattr(surface.widget, "scene") else None
    finally:
        surface.close()
    ok = all(pushed) and len(delivered) >= len(pushed)
    note = (f"{len(pushed)} drops, {len(delivered)} findings_changed delivered"
            + ("" if ok else " — NOT every drop produced a findings change")
            + ("" if subnet_item is not None or not hasattr(surface.widget, "scene") else "; item missing"))
    return [Row("editor.release", "editor: drop subnet in other AZ → findings shown", n, samples, 16.0,
                note=note)]


def case_png(ctx: Context, n: int) -> list[Row]:
    application()
    from editor.render import render_file
    d = ctx.load(n)
    out = ctx.results / f"export-{n}.png"
    ctx.results.mkdir(parents=True, exist_ok=True)
    samples = measure(lambda: render_file(d, str(out), scale=1.0), repeat=ctx.repeat(5), warmup=1, budget_s=60)
    return [Row("export.png", "PNG export in-process (scale 1)", n, samples,
                note=f"{out.stat().st_size / 1e6:.1f} MB file")]


CASES = {
    "editor.open": (case_open_paint, (100, 1000, 10000)),
    "editor.repaint": (case_repaint, (100, 1000, 10000)),
    "editor.release": (case_release, (100, 1000, 10000)),
    "export.png": (case_png, (100, 1000)),
}
