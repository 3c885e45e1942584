"""Undo and incremental validation under random editing, through the editor's own commands.

A hypothesis state machine edits an example design the way the editor does: resources added with
the placing tool's edit builder, deleted and copied/pasted/duplicated by the canvas, nudged with the
arrow keys (merged steps), dragged and dropped into other containers with the move gesture (move and
re-parent in one step), properties typed as the inspector types them (merged steps), linked as the
connect tool links them, aligned and distributed; with undo and redo in between. After every step
the live findings equal a full validation; at the end, undoing everything gives back the original
native bytes and redoing everything the final ones.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent

from editor.canvas import Canvas
from editor.commands import MERGE_PROPERTY
from editor.document import Document
from editor.tools.arrange import EDGES
from editor.tools.connecting import choose_link
from editor.tools.creation import new_resource_edit
from editor.tools.links import link_options
from editor.tools.moving import MoveGesture
from model import edits, kinds
from model.documents import open_design
from model.schema import FieldType
from tests.reliability.strategies import valid_value
from tests.support.builder import ROOT
from validators.engine import validate

EXAMPLES = ["dual-az-web", "route-tables", "ecs-fargate"]
ARROWS = [Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down]
LONG = int(os.environ.get("KUMOZU_FUZZ_EXAMPLES", "0"))


class EditorSession(RuleBasedStateMachine):
    """One document in one canvas, edited at random; the checks are the invariant and teardown."""

    def __init__(self):
        super().__init__()
        self.document: Document | None = None
        self.canvas: Canvas | None = None

    @initialize(example=st.sampled_from(EXAMPLES))
    def open(self, example):
        self.document = Document(open_design(str(ROOT / "examples" / f"{example}.kumozu.yaml")))
        self.canvas = Canvas(self.document)
        self.canvas.confirm_delete = False
        self.original = self.document.to_native_text()

    # ------------------------------------------------------------------ helpers
    @property
    def diagram(self):
        return self.document.diagram

    def pick_ids(self, data, most: int = 3) -> list[str]:
        ids = sorted(self.diagram.ids())
        if not ids:
            return []
        return data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=most, unique=True),
                         label="ids")

    def containers(self) -> list[str]:
        return sorted(r.id for r in self.diagram if kinds.kind(r.kind).container)

    # ------------------------------------------------------------------ edits
    @rule(data=st.data())
    def add(self, data):
        container = data.draw(st.sampled_from(self.containers() + [None]), label="container")
        parent_kind = self.diagram[container].kind if container else None
        allowed = [k.name for k in kinds.ALL_KINDS if parent_kind in k.parents]
        if not allowed:
            return
        kind = data.draw(st.sampled_from(allowed), label="kind")
        x, y = data.draw(st.integers(0, 600), label="x"), data.draw(st.integers(0, 400), label="y")
        edit, _ = new_resource_edit(self.diagram, kind, container, x, y, grid=10)
        self.canvas.push(edit)

    @rule(data=st.data())
    def delete(self, data):
        ids = self.pick_ids(data)
        if ids:
            self.canvas.select_ids(ids, center=False)
            self.canvas.delete_selection()

    @rule(data=st.data())
    def nudge_with_arrow_keys(self, data):
        ids = self.pick_ids(data)
        if not ids:
            return
        self.canvas.select_ids(ids, center=False)
        for _ in range(data.draw(st.integers(1, 3), label="presses")):
            key = data.draw(st.sampled_from(ARROWS), label="arrow")
            shift = data.draw(st.booleans(), label="shift")
            event = QKeyEvent(QEvent.KeyPress, key, Qt.ShiftModifier if shift else Qt.NoModifier)
            self.canvas.tool.key(event)

    @rule(data=st.data())
    def drag(self, data):
        """Drag with the move gesture: a short move, or a drop into another container."""
        ids = self.pick_ids(data, most=2)
        items = [self.canvas.scene.item_for(rid) for rid in ids]
        if not ids or any(item is None for item in items):
            return
        self.canvas.select_ids(ids, center=False)
        grabbed = items[0]
        press = grabbed.scenePos() + QPointF(4, 4)
        view_press = self.canvas.view.mapFromScene(press)
        gesture = MoveGesture(self.canvas, grabbed, press, view_press)
        containers = [c for c in self.containers() if c not in ids]
        if containers and data.draw(st.booleans(), label="into another container"):
            holder = self.canvas.scene.item_for(data.draw(st.sampled_from(containers), label="into"))
            target = holder.scene_rect().center() if holder is not None else press
        else:
            target = press + QPointF(data.draw(st.integers(-80, 200), label="dx"),
                                     data.draw(st.integers(-80, 200), label="dy"))
        gesture.update(target, view_press + QPoint(50, 50))
        gesture.finish(target)

    @rule(data=st.data())
    def edit_property(self, data):
        """As the inspector does: typing into a field merges into one step per editing session."""
        rid = data.draw(st.sampled_from(sorted(self.diagram.ids()) or ["-"]), label="resource")
        if rid not in self.diagram:
            return
        record = self.diagram[rid]
        fields = [f for f in kinds.kind(record.kind).fields if f.type is not FieldType.ANY]
        if not fields:
            return
        field = data.draw(st.sampled_from(fields), label="field")
        known = {r.id: r.kind for r in self.diagram}
        value = data.draw(valid_value(field, known), label="value")
        session = data.draw(st.integers(0, 2), label="editing session")
        self.document.push(edits.set_property(self.diagram, rid, field.name, value),
                           merge_id=MERGE_PROPERTY, merge_key=((rid,), field.name, session))

    @rule(data=st.data())
    def rename(self, data):
        rid = data.draw(st.sampled_from(sorted(self.diagram.ids()) or ["-"]), label="resource")
        if rid in self.diagram:
            self.document.push(edits.rename(self.diagram, rid, data.draw(st.text(max_size=8))))

    @rule(data=st.data())
    def connect(self, data):
        """As the connect tool does: the one fitting reference, a pick from the menu, or a plain
        connection."""
        ids = sorted(self.diagram.ids())
        if len(ids) < 2:
            return
        source, target = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
        self.canvas.choose_option = lambda options, _pos: options[
            data.draw(st.integers(0, len(options) - 1), label="menu choice")]
        choice = choose_link(self.canvas, self.diagram, source, target,
                             link_options(self.diagram, source, target), QPoint())
        if choice is not None:
            self.canvas.push(choice.edit)

    @rule(data=st.data())
    def copy_and_paste(self, data):
        ids = self.pick_ids(data)
        if not ids:
            return
        self.canvas.select_ids(ids, center=False)
        if not self.canvas.copy():
            return
        containers = self.containers()
        at = None
        if containers and data.draw(st.booleans(), label="paste into a container"):
            holder = self.canvas.scene.item_for(data.draw(st.sampled_from(containers)))
            at = holder.scene_rect().center() if holder is not None else None
        self.canvas.paste(at)

    @rule(data=st.data())
    def duplicate(self, data):
        ids = self.pick_ids(data)
        if ids:
            self.canvas.select_ids(ids, center=False)
            self.canvas.duplicate()

    @rule(data=st.data())
    def align_or_distribute(self, data):
        ids = self.pick_ids(data, most=4)
        if not ids:
            return
        self.canvas.select_ids(ids, center=False)
        if data.draw(st.booleans(), label="align"):
            self.canvas.align(data.draw(st.sampled_from(EDGES), label="edge"))
        else:
            self.canvas.distribute(data.draw(st.sampled_from(["horizontal", "vertical"])))

    @rule(steps=st.integers(1, 3))
    def undo(self, steps):
        for _ in range(steps):
            self.document.undo_stack.undo()

    @rule(steps=st.integers(1, 2))
    def redo(self, steps):
        for _ in range(steps):
            self.document.undo_stack.redo()

    # ------------------------------------------------------------------ checks
    @invariant()
    def live_findings_equal_a_full_validation(self):
        if self.document is not None:
            assert self.document.findings == validate(self.diagram)

    def teardown(self):
        if self.document is None:
            return
        try:
            stack = self.document.undo_stack
            while stack.canRedo():  # the last steps may have been undos: the end is all redone
                stack.redo()
            final = self.document.to_native_text()
            while stack.canUndo():
                stack.undo()
            assert self.document.to_native_text() == self.original, "undo-all is not the original"
            assert self.document.findings == validate(self.diagram)
            while stack.canRedo():
                stack.redo()
            assert self.document.to_native_text() == final, "redo-all is not the final design"
            assert self.document.findings == validate(self.diagram)
        finally:
            self.document.undo_stack.clear()
            self.canvas.deleteLater()
            self.document.deleteLater()


@pytest.mark.slow
def test_random_editing_through_the_editor_undoes_and_validates_exactly(qapp):
    run_state_machine_as_test(EditorSession, settings=settings(
        max_examples=LONG or 25, stateful_step_count=30, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
