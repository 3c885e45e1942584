"""A Japanese interface shows no English of its own: a real main window is driven through what a
student and an instructor see (every resource of the examples selected in the inspector, a finding's
lesson, a blocked trace, every course lab started with its hints, a finished lab and its summary, the
reference solution beside the work, presenter mode with its banner, goals and flow chooser, the
preferences and image export dialogs), and every text on screen is read: labels, buttons, menus and
their tooltips, tabs, list, tree and table cells, headers, placeholders, rich text.

A text is English when it has no Japanese character and still holds a word after the design's own
data is taken out (ids, names, property values, rule ids, Region codes, file names): those are the
user's words and stay as written. This catches a string that was never wrapped in ``tr()`` (which no
catalogue check can see) as well as one whose translation is missing."""

from __future__ import annotations

import re

import pytest
import shiboken6
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox, QDockWidget,
                               QGroupBox, QLabel, QLineEdit, QMenu, QTabBar, QTextEdit, QWidget)

from editor.main_window import MainWindow
from editor.settings import Preferences
from editor.translations import use_language
from labs import load_course
from model.frozen import thaw
from tests.support.builder import ROOT
from validators.registry import all_rules

from tests.editor.labs.helpers import edits_towards

EXAMPLES = sorted((ROOT / "examples").glob("*.kumozu.yaml"))
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")
_WORD = re.compile(r"(?<![\w.-])[A-Za-z][a-z]{2,}(?![\w.-])")
_TAG = re.compile(r"<[^>]+>|&\w+;")
_LINK = re.compile(r"https?://\S+")
#: AWS's product and feature names, written in the Latin alphabet in Japanese too.
PRODUCTS = ("Application Load Balancer", "Network Load Balancer", "Gateway Load Balancer",
            "Amazon Trust Services", "Zone Apex", "Redis OSS", "Valkey", "Memcached", "Container Insights",
            "Elastic IP", "Transit Gateway", "Internet Gateway", "NAT Gateway", "CloudWatch Logs",
            "Auto Scaling", "Route 53", "Network")
#: Names that are the same in a Japanese interface: services, products and the two languages.
_PROPER = {"Kumozu", "English", "Amazon", "Route", "Lambda", "Fargate", "Lightsail", "Tokyo", "Transit",
           "Gateway", "Elastic", "Container", "Insights"}


def _strings(value) -> set[str]:
    """Every string inside a property value (lists, records, nested)."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(_strings(v) for v in value.values())) if value else set()
    if isinstance(value, (list, tuple)):
        return set().union(*(_strings(v) for v in value)) if value else set()
    return set()


def technical_values() -> set[str]:
    """Values written the same in both languages: enumerated values the catalogue keeps as they are
    (protocols, engines, modes), the environment tags the design settings suggest, the AWS
    services the tracer knows by their endpoint names, and rule ids."""
    from editor.inspector.diagram_page import ENVIRONMENTS
    from model.i18n import choice_label, iter_fields
    from model.kinds import ALL_KINDS
    from validators.reachability import SERVICES

    values = {rule.id for rule in all_rules()} | set(ENVIRONMENTS) | set(SERVICES)
    for kind in ALL_KINDS:
        for _path, field in iter_fields(kind.fields):
            values |= {c for c in (field.choices or ()) if choice_label(c, "ja") == c}
            values |= {str(v) for v in field.suggestions or ()}  # free text: offered as written
    return values


def design_words(diagram) -> set[str]:
    """What the user wrote or the design holds: shown as it is in any language."""
    words = technical_values()
    for record in diagram:
        words |= {record.id, record.label, record.name or ""} | _strings(thaw(dict(record.properties)))
    for value in diagram.metadata_items().values():
        words |= _strings(thaw(value))
    return {w for w in words if w}


class Reader:
    """Collects every text a set of widgets shows."""

    def __init__(self):
        self.seen: dict[str, str] = {}

    def add(self, where: str, text) -> None:
        if isinstance(text, str) and text.strip():
            self.seen.setdefault(text, where)

    def read(self, root: QWidget) -> None:
        for menu in root.findChildren(QMenu):
            menu.aboutToShow.emit()  # menus filled when opened (recent files) fill themselves now
        QApplication.processEvents()  # the actions they replaced are deleted
        for action in root.findChildren(QAction):
            if action.isVisible():
                self.add("action", action.text())
                tip = action.toolTip()  # Qt's default tooltip is the text itself
                self.add("action tooltip", tip if tip != action.text().replace("&", "") else "")
        for widget in [root, *root.findChildren(QWidget)]:
            if widget is not root and not widget.isVisibleTo(root) and not isinstance(widget, QMenu):
                continue  # a hidden widget says itself again when it is shown
            self.add(f"tooltip of {type(widget).__name__}", widget.toolTip())
            if isinstance(widget, QLabel):
                self.add("label", widget.text())
            elif isinstance(widget, QAbstractButton):
                self.add("button", widget.text())
            elif isinstance(widget, QGroupBox):
                self.add("group", widget.title())
            elif isinstance(widget, QDockWidget):
                self.add("dock", widget.windowTitle())
            elif isinstance(widget, QLineEdit):
                self.add("placeholder", widget.placeholderText())
            elif isinstance(widget, QTextEdit):
                self.add("text", widget.toPlainText())
            elif isinstance(widget, QTabBar):
                for i in range(widget.count()):
                    self.add("tab", widget.tabText(i))
            elif isinstance(widget, QComboBox):
                for i in range(widget.count()):
                    self.add("combo item", widget.itemText(i))
            elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
                self._read_model(type(widget).__name__, widget.model())

    def _read_model(self, where: str, model) -> None:
        def columns(parent):
            try:
                return model.columnCount(parent)
            except TypeError:  # list models take no column argument from Python
                return 1
        for column in range(columns(QModelIndex())):
            self.add(f"{where} header", model.headerData(column, Qt.Horizontal, Qt.DisplayRole))

        def walk(parent, depth):
            for row in range(min(model.rowCount(parent), 300)):
                for column in range(columns(parent)):
                    index = model.index(row, column, parent)
                    self.add(f"{where} cell", model.data(index, Qt.DisplayRole))
                    self.add(f"{where} cell tooltip", model.data(index, Qt.ToolTipRole))
                if depth < 3:
                    walk(model.index(row, 0, parent), depth + 1)
        walk(QModelIndex(), 0)

    def read_all(self, window) -> None:
        QApplication.processEvents()
        for top in QApplication.topLevelWidgets():
            if not shiboken6.isValid(top):  # a window of an earlier test, being deleted
                continue
            if top is window or (top.isVisible() and top.window() is top):
                self.read(top)


def english_left(seen: dict[str, str], data: set[str]) -> list[str]:
    """The texts that still read as English once the design's own words, AWS's product names and
    links are taken out."""
    longest_first = sorted(data | set(PRODUCTS), key=len, reverse=True)
    ours = re.compile("|".join(rf"(?<![A-Za-z0-9_-]){re.escape(word)}(?![A-Za-z0-9_-])"
                               for word in longest_first))
    found = []
    for text, where in seen.items():
        plain = ours.sub(" ", _LINK.sub(" ", _TAG.sub(" ", text)))
        if _JAPANESE.search(plain):
            # Japanese with English inside: a phrase of English words is a sentence left over.
            words = [" ".join(run) for run in _phrases(plain)]
        else:
            words = [w for w in _WORD.findall(plain) if w not in _PROPER]
        if words:
            found.append(f"{where}: {text[:160]!r} ({', '.join(words[:4])})")
    return sorted(found)


def _phrases(text: str) -> list[list[str]]:
    """Runs of two or more English words (proper names aside) in a text."""
    runs, run = [], []
    for token in re.split(r"[\s,.:;()\[\]「」（）．，：]+", text):
        if _WORD.fullmatch(token) and token not in _PROPER:
            run.append(token)
            continue
        if len(run) > 1:
            runs.append(run)
        run = []
    if len(run) > 1:
        runs.append(run)
    return runs


@pytest.fixture
def japanese_window(qtbot, english_afterwards):
    use_language("ja")
    window = MainWindow(prefs=Preferences(language="ja"))
    window.presenter.full_screen = False
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for top in QApplication.topLevelWidgets():
        if shiboken6.isValid(top) and top is not window and top.isVisible() and top.window() is top:
            top.close()
    window.presenter.leave()
    window.labs.leave()
    window.document.undo_stack.setClean()
    window.close()


def test_the_examples_inspector_problems_lessons_and_traces_are_all_japanese(japanese_window):
    from editor.dialogs import ImageExportDialog, RuleLessonDialog
    from editor.preferences_dialog import PreferencesDialog

    window, reader, data = japanese_window, Reader(), set()
    for example in EXAMPLES:
        assert window.files.open_path(str(example), example=True)
        data |= design_words(window.document.diagram) | {example.name}
        reader.read_all(window)
        for record in list(window.document.diagram):
            window.canvas.select_ids([record.id], center=False)
            reader.read(window.inspector)
        ids = [r.id for r in window.document.diagram if r.kind in ("Subnet", "Instance")][:2]
        window.canvas.select_ids(ids, center=False)  # two: the menu offers Align and Distribute
        menu = window.canvas.context_menu(window.canvas.scene.item_for(ids[0]))
        reader.read(menu)
        menu.deleteLater()
        for finding in list(window.document.findings)[:5]:
            dialog = RuleLessonDialog(finding, list(finding.resources), window)
            reader.read(dialog)
            dialog.deleteLater()
        window.show_trace()
        source = next(r.id for r in window.document.diagram if r.kind == "Instance" or r.kind == "EcsService")
        window.trace_panel.set_ends("internet", source)
        window.trace_panel.run()
        reader.read_all(window)
    dialogs = (PreferencesDialog(Preferences(language="ja"), window),
               ImageExportDialog("png", (800, 600), window))
    for dialog in dialogs:
        reader.read(dialog)
        dialog.deleteLater()
    assert not english_left(reader.seen, data), "\n".join(english_left(reader.seen, data))


def test_every_course_lab_its_summary_solution_and_presenter_mode_are_all_japanese(japanese_window, qtbot):
    from editor.presenter.chooser import TraceChooser

    window, reader, data = japanese_window, Reader(), set()
    for lab in load_course():
        assert window.labs.start(lab)
        panel = window.labs.panel
        while panel.hints.button.isVisible() and panel.hints.button.isEnabled():
            qtbot.mouseClick(panel.hints.button, Qt.LeftButton)
        data |= design_words(window.document.diagram) | {lab.start.name, lab.id}
        reader.read_all(window)
    # The last lab, finished: the summary card, the solution beside the work, presenter mode.
    solution = window.labs.run.lab.solution
    from model.native_format import load
    steps = edits_towards(window.document.diagram, load(solution))
    data |= {step.label for step in steps}  # the test's own undo-step names ("Rename")
    for step in steps:
        window.document.push(step)
    assert window.labs.run.result.complete
    data |= design_words(window.document.diagram) | {solution.name}
    reader.read_all(window)
    dialog = window.labs.show_solution()
    reader.read_all(window)
    dialog.close()
    window.presenter.enter()
    window.presenter.toggle_goals()
    for _ in range(len(window.presenter.steps)):
        reader.read(window)
        window.presenter.step(1)
    chooser = TraceChooser(window.document.diagram, parent=window)
    reader.read(chooser)
    chooser.deleteLater()
    assert not english_left(reader.seen, data), "\n".join(english_left(reader.seen, data))


def test_a_window_switched_from_english_keeps_no_english(qtbot, english_afterwards):
    """Built in English and switched live: every widget says itself again (a text set once in a
    constructor and never again would stay English)."""
    window = MainWindow(prefs=Preferences(language="en"))
    window.presenter.full_screen = False
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    try:
        lab = load_course()[3]
        assert window.labs.start(lab)
        qtbot.mouseClick(window.labs.panel.hints.button, Qt.LeftButton)
        data = design_words(window.document.diagram) | {lab.start.name, lab.id}
        window.canvas.select_ids([next(r.id for r in window.document.diagram if r.kind == "LoadBalancer")],
                                 center=False)
        window.show_trace()
        window.trace_panel.set_ends("internet", "alb")
        window.trace_panel.run()
        window.show_problems()
        use_language("ja")
        reader = Reader()
        reader.read_all(window)
        assert not english_left(reader.seen, data), "\n".join(english_left(reader.seen, data))
    finally:
        window.labs.leave()
        window.document.undo_stack.setClean()
        window.close()
