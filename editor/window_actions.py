"""The main window's actions, menus and toolbar, with the platform's standard shortcuts.

Actions call the window (file operations) and the canvas (editing, tools, zoom); nothing here holds
state of its own beyond the menus it rebuilds when they open (recent files, examples).
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from .icons import ui_icon, ui_icon_path

__all__ = ["WindowActions", "EXAMPLES_DIR", "example_files"]

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
_TITLE_LINE = re.compile(r"^title:\s*['\"]?(.+?)['\"]?\s*$", re.MULTILINE)
Key = QKeySequence.StandardKey

ALIGNMENTS = (("left", "Align &Left Edges"), ("h-center", "Align &Horizontal Centres"),
              ("right", "Align &Right Edges"), ("top", "Align &Top Edges"),
              ("v-center", "Align &Vertical Centres"), ("bottom", "Align &Bottom Edges"))


def example_files() -> list[tuple[Path, str]]:
    """The bundled examples with their titles, sorted by file name."""
    out = []
    for path in sorted(EXAMPLES_DIR.glob("*.kumozu.yaml")):
        try:
            match = _TITLE_LINE.search(path.read_text(encoding="utf-8")[:4000])
        except (OSError, UnicodeDecodeError):
            continue
        out.append((path, match.group(1) if match else path.name))
    return out


def _icon(name: str) -> QIcon:
    """The toolbar icon ``icons/ui/<name>.svg`` (an empty icon if the set lacks it: text shows)."""
    return ui_icon(name) if ui_icon_path(name).exists() else QIcon()


class WindowActions:
    """Creates every action of ``window`` and puts them in its menus and toolbar."""

    def __init__(self, window):
        self.window = window
        files = window.files
        canvas = window.canvas
        stack = window.document.undo_stack
        # -- File
        self.new = self._action("&New", files.new, Key.New, "new", "Start a new, empty design")
        self.open = self._action("&Open…", files.open, Key.Open, "open",
                                 "Open a Kumozu design or a CloudFormation template")
        self.save = self._action("&Save", files.save, Key.Save, "save", "Save the design")
        self.save_as = self._action("Save &As…", files.save_as, Key.SaveAs, None,
                                    "Save the design under a new name")
        self.export_png = self._action("&PNG Image…", partial(files.export_image, "png"))
        self.export_svg = self._action("&SVG Drawing…", partial(files.export_image, "svg"))
        self.export_pdf = self._action("P&DF Document…", partial(files.export_image, "pdf"))
        self.export_native = self._action("Kumozu &Design (YAML)…", files.export_native)
        self.export_cfn_yaml = self._action("&CloudFormation Template (YAML)…",
                                            partial(files.export_cloudformation, "yaml"))
        self.export_cfn_json = self._action("CloudFormation Template (&JSON)…",
                                            partial(files.export_cloudformation, "json"))
        self.preferences = self._action("&Preferences…", window.edit_preferences, Key.Preferences)
        self.preferences.setMenuRole(QAction.PreferencesRole)
        self.close = self._action("&Close", window.close, Key.Close)
        self.quit = self._action("&Quit", window.quit_application, Key.Quit)
        self.quit.setMenuRole(QAction.QuitRole)
        # -- Edit
        self.undo = stack.createUndoAction(window, "&Undo")
        self.undo.setShortcut(QKeySequence(Key.Undo))
        self.undo.setIcon(_icon("undo"))
        # The toolbar shows the short icon text; the menu and the tooltip say what is undone.
        self.undo.setIconText("Undo")
        self.redo = stack.createRedoAction(window, "&Redo")
        self.redo.setShortcut(QKeySequence(Key.Redo))
        self.redo.setIcon(_icon("redo"))
        self.redo.setIconText("Redo")
        self.cut = self._action("Cu&t", canvas.cut, Key.Cut)
        self.copy = self._action("&Copy", canvas.copy, Key.Copy)
        self.paste = self._action("&Paste", canvas.paste, Key.Paste)
        self.duplicate = self._action("D&uplicate", canvas.duplicate, QKeySequence("Ctrl+D"))
        self.delete = self._action("&Delete", window.delete_selection, Key.Delete, "delete",
                                   "Delete the selection (and say what goes with it)")
        self.select_all = self._action("Select &All", canvas.select_all, Key.SelectAll)
        self.align = [self._action(text, partial(canvas.align, edge)) for edge, text in ALIGNMENTS]
        self.distribute_h = self._action("Distribute &Horizontally", partial(canvas.distribute, "horizontal"))
        self.distribute_v = self._action("Distribute &Vertically", partial(canvas.distribute, "vertical"))
        # -- View
        self.zoom_in = self._action("Zoom &In", canvas.zoom_in, Key.ZoomIn, "zoom_in")
        self.zoom_out = self._action("Zoom &Out", canvas.zoom_out, Key.ZoomOut, "zoom_out")
        self.zoom_fit = self._action("Zoom to &Fit", canvas.zoom_to_fit, QKeySequence("Ctrl+0"), "zoom_fit",
                                     "Show the whole design")
        self.snap = self._action("&Snap to Grid", window.set_snap, QKeySequence("Ctrl+Shift+G"))
        self.snap.setCheckable(True)
        self.implied_flows = self._action("Show &Implied Flows", window.show_implied_flows,
                                          QKeySequence("Ctrl+Shift+F"), None,
                                          "Draw the flows the design implies: green when they pass, "
                                          "red dashed when they are blocked")
        self.implied_flows.setCheckable(True)
        self.next_problem = self._action("&Next Problem", partial(window.step_problem, 1),
                                         QKeySequence("F8"))
        self.previous_problem = self._action("P&revious Problem", partial(window.step_problem, -1),
                                             QKeySequence("Shift+F8"))
        # -- Tools
        self.tools = QActionGroup(window)
        self.tools.setExclusive(True)
        self.tool_select = self._tool("select", "&Select and Move", "V", "select",
                                      "Select, move and resize (V)")
        self.tool_connect = self._tool("connect", "&Connect", "C", "connect",
                                       "Drag from one resource to another to relate them (C)")
        self.tool_trace = self._tool("trace", "&Trace a Path", "T", "trace",
                                     "Pick a source and a destination: can traffic flow? (T)")
        self.tool_select.setChecked(True)
        # -- Help
        self.about = self._action("&About Kumozu", window.show_about)
        self.about.setMenuRole(QAction.AboutRole)
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.examples_menu = QMenu("Open E&xample", window)
        self.examples_menu.aboutToShow.connect(self._fill_examples)
        self._fill_recent()
        self._build_menus()
        self._build_toolbar()

    # ------------------------------------------------------------------ helpers
    def _action(self, text, slot, shortcut=None, icon=None, tip="") -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon:
            action.setIcon(_icon(icon))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda checked=False: slot(checked) if action.isCheckable() else slot())
        return action

    def _tool(self, name, text, key, icon, tip) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(key))
        action.setCheckable(True)
        action.setIcon(_icon(icon))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setData(name)
        action.triggered.connect(lambda: self.window.canvas.set_tool(name))
        self.tools.addAction(action)
        return action

    def show_tool(self, name: str) -> None:
        """Check the action of the canvas's current tool (place:<Kind> shows none)."""
        for action in self.tools.actions():
            if action.data() == name:
                action.setChecked(True)
                return
        checked = self.tools.checkedAction()
        if checked is not None:
            self.tools.setExclusive(False)
            checked.setChecked(False)
            self.tools.setExclusive(True)

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new, self.open])
        file_menu.addMenu(self.recent_menu)
        file_menu.addMenu(self.examples_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as])
        export = file_menu.addMenu(_icon("export"), "&Export")
        export.addActions([self.export_png, self.export_svg, self.export_pdf])
        export.addSeparator()
        export.addActions([self.export_native, self.export_cfn_yaml, self.export_cfn_json])
        file_menu.addSeparator()
        file_menu.addAction(self.preferences)
        file_menu.addSeparator()
        file_menu.addActions([self.close, self.quit])

        edit = bar.addMenu("&Edit")
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.cut, self.copy, self.paste, self.duplicate, self.delete])
        edit.addSeparator()
        edit.addAction(self.select_all)
        align = edit.addMenu("A&lign")
        align.addActions(self.align[:3])
        align.addSeparator()
        align.addActions(self.align[3:])
        align.addSeparator()
        align.addActions([self.distribute_h, self.distribute_v])

        view = bar.addMenu("&View")
        view.addActions([self.zoom_in, self.zoom_out, self.zoom_fit])
        view.addSeparator()
        view.addActions([self.snap, self.implied_flows])
        view.addSeparator()
        view.addActions([self.next_problem, self.previous_problem])
        view.addSeparator()
        self.panels_menu = view.addMenu("&Panels")

        tools = bar.addMenu("&Tools")
        tools.addActions(self.tools.actions())

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Main toolbar", self.window)
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonTextUnderIcon)
        bar.addActions([self.new, self.open, self.save])
        bar.addSeparator()
        bar.addActions([self.undo, self.redo, self.delete])
        bar.addSeparator()
        bar.addActions(self.tools.actions())
        bar.addSeparator()
        # Short labels under the toolbar icons; the menu items keep their full names.
        for action, short in ((self.zoom_out, "Zoom Out"), (self.zoom_fit, "Fit"), (self.zoom_in, "Zoom In")):
            action.setIconText(short)
            bar.addAction(action)
        self.toolbar = bar
        self.window.addToolBar(Qt.TopToolBarArea, bar)

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = self.window.recent.paths()
        for n, path in enumerate(paths, 1):
            p = Path(path)
            action = menu.addAction(f"&{n % 10} {p.name}  —  {p.parent}")
            action.setData(path)
            action.triggered.connect(partial(self.window.files.open_recent, path))
        if not paths:
            menu.addAction("No recent files").setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction("&Clear Menu")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.window.recent.clear)

    def _fill_examples(self) -> None:
        menu = self.examples_menu
        menu.clear()
        for path, title in example_files():
            action = menu.addAction(f"{title}  ({path.name.removesuffix('.kumozu.yaml')})")
            action.setData(str(path))
            action.triggered.connect(partial(self.window.files.open_example, str(path)))
        if menu.isEmpty():
            menu.addAction("No examples installed").setEnabled(False)
