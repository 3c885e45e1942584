"""The main window's actions, menus and toolbar, with the platform's standard shortcuts.

Actions call the window (file operations) and the canvas (editing, tools, zoom); nothing here holds
state of its own beyond the menus it rebuilds when they open (recent files, examples).
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from .icons import ui_icon, ui_icon_path

__all__ = ["WindowActions", "EXAMPLES_DIR", "example_files"]

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
_TITLE_LINE = re.compile(r"^title:\s*['\"]?(.+?)['\"]?\s*$", re.MULTILINE)
Key = QKeySequence.StandardKey

# Edges and centres the Align menu offers, in its order.
ALIGNMENTS = ("left", "h-center", "right", "top", "v-center", "bottom")


# The bundled examples' titles as the menu says them, translatable (a design file holds one title, in
# English); an example not listed here is shown by the title in its file.
_EXAMPLE_TITLES = {
    "dual-az-web": QT_TRANSLATE_NOOP("Examples", "Dual-AZ web application"),
    "ecs-fargate": QT_TRANSLATE_NOOP("Examples", "ECS on Fargate in private subnets"),
    "route-tables": QT_TRANSLATE_NOOP("Examples", "The notes' route table examples"),
}


def example_files() -> list[tuple[Path, str]]:
    """The bundled examples with their titles in the interface language, sorted by file name."""
    out = []
    for path in sorted(EXAMPLES_DIR.glob("*.kumozu.yaml")):
        stem = path.name.removesuffix(".kumozu.yaml")
        if stem in _EXAMPLE_TITLES:
            out.append((path, QCoreApplication.translate("Examples", _EXAMPLE_TITLES[stem])))
            continue
        try:
            match = _TITLE_LINE.search(path.read_text(encoding="utf-8")[:4000])
        except (OSError, UnicodeDecodeError):
            continue
        out.append((path, match.group(1) if match else path.name))
    return out


def _icon(name: str) -> QIcon:
    """The toolbar icon ``icons/ui/<name>.svg`` (an empty icon if the set lacks it: text shows)."""
    return ui_icon(name) if ui_icon_path(name).exists() else QIcon()


class WindowActions(QObject):
    """Creates every action of ``window`` and puts them in its menus and toolbar. Their words are set
    by :meth:`retranslate`, again whenever the interface language changes."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        files = window.files
        canvas = window.canvas
        stack = window.document.undo_stack
        # -- File
        self.new = self._action(files.new, Key.New, "new")
        self.open = self._action(files.open, Key.Open, "open")
        self.save = self._action(files.save, Key.Save, "save")
        self.save_as = self._action(files.save_as, Key.SaveAs)
        self.export_png = self._action(partial(files.export_image, "png"))
        self.export_svg = self._action(partial(files.export_image, "svg"))
        self.export_pdf = self._action(partial(files.export_image, "pdf"))
        self.export_native = self._action(files.export_native)
        self.export_cfn_yaml = self._action(partial(files.export_cloudformation, "yaml"))
        self.export_cfn_json = self._action(partial(files.export_cloudformation, "json"))
        self.preferences = self._action(window.edit_preferences, Key.Preferences)
        self.preferences.setMenuRole(QAction.PreferencesRole)
        self.close = self._action(window.close, Key.Close)
        self.quit = self._action(window.quit_application, Key.Quit)
        self.quit.setMenuRole(QAction.QuitRole)
        # -- Edit: undo and redo name the step ("Undo Add web-a") in the current language.
        self.undo = self._action(stack.undo, Key.Undo, "undo")
        self.undo.setEnabled(stack.canUndo())
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.undoTextChanged.connect(lambda _text: self._name_undo_redo())
        self.redo = self._action(stack.redo, Key.Redo, "redo")
        self.redo.setEnabled(stack.canRedo())
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.redoTextChanged.connect(lambda _text: self._name_undo_redo())
        self.cut = self._action(canvas.cut, Key.Cut)
        self.copy = self._action(canvas.copy, Key.Copy)
        self.paste = self._action(canvas.paste, Key.Paste)
        self.duplicate = self._action(canvas.duplicate, QKeySequence("Ctrl+D"))
        self.delete = self._action(window.delete_selection, Key.Delete, "delete")
        self.select_all = self._action(canvas.select_all, Key.SelectAll)
        self.align = [self._action(partial(canvas.align, edge)) for edge in ALIGNMENTS]
        self.distribute_h = self._action(partial(canvas.distribute, "horizontal"))
        self.distribute_v = self._action(partial(canvas.distribute, "vertical"))
        # -- View
        self.zoom_in = self._action(canvas.zoom_in, Key.ZoomIn, "zoom_in")
        self.zoom_out = self._action(canvas.zoom_out, Key.ZoomOut, "zoom_out")
        self.zoom_fit = self._action(canvas.zoom_to_fit, QKeySequence("Ctrl+0"), "zoom_fit")
        self.snap = self._action(window.set_snap, QKeySequence("Ctrl+Shift+G"))
        self.snap.setCheckable(True)
        self.implied_flows = self._action(window.show_implied_flows, QKeySequence("Ctrl+Shift+F"))
        self.implied_flows.setCheckable(True)
        self.next_problem = self._action(partial(window.step_problem, 1), QKeySequence("F8"))
        self.previous_problem = self._action(partial(window.step_problem, -1), QKeySequence("Shift+F8"))
        # -- Tools
        self.tools = QActionGroup(window)
        self.tools.setExclusive(True)
        self.tool_select = self._tool("select", "V", "select")
        self.tool_connect = self._tool("connect", "C", "connect")
        self.tool_trace = self._tool("trace", "T", "trace")
        self.tool_select.setChecked(True)
        # -- Help
        self.about = self._action(window.show_about)
        self.about.setMenuRole(QAction.AboutRole)
        self.recent_menu = QMenu(window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.examples_menu = QMenu(window)
        self.examples_menu.aboutToShow.connect(self._fill_examples)
        self._build_menus()
        self._build_toolbar()
        self.retranslate()
        self._fill_recent()

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
        """Every action's, menu's and the toolbar's words in the current language."""
        texts = (
            (self.new, self.tr("&New"), self.tr("Start a new, empty design")),
            (self.open, self.tr("&Open…"),
             self.tr("Open a Kumozu design or a CloudFormation template")),
            (self.save, self.tr("&Save"), self.tr("Save the design")),
            (self.save_as, self.tr("Save &As…"), self.tr("Save the design under a new name")),
            (self.export_png, self.tr("&PNG Image…"), ""),
            (self.export_svg, self.tr("&SVG Drawing…"), ""),
            (self.export_pdf, self.tr("P&DF Document…"), ""),
            (self.export_native, self.tr("Kumozu &Design (YAML)…"), ""),
            (self.export_cfn_yaml, self.tr("&CloudFormation Template (YAML)…"), ""),
            (self.export_cfn_json, self.tr("CloudFormation Template (&JSON)…"), ""),
            (self.preferences, self.tr("&Preferences…"), ""),
            (self.close, self.tr("&Close"), ""),
            (self.quit, self.tr("&Quit"), ""),
            (self.cut, self.tr("Cu&t"), ""),
            (self.copy, self.tr("&Copy"), ""),
            (self.paste, self.tr("&Paste"), ""),
            (self.duplicate, self.tr("D&uplicate"), ""),
            (self.delete, self.tr("&Delete"),
             self.tr("Delete the selection (and say what goes with it)")),
            (self.select_all, self.tr("Select &All"), ""),
            (self.distribute_h, self.tr("Distribute &Horizontally"), ""),
            (self.distribute_v, self.tr("Distribute &Vertically"), ""),
            (self.zoom_in, self.tr("Zoom &In"), ""),
            (self.zoom_out, self.tr("Zoom &Out"), ""),
            (self.zoom_fit, self.tr("Zoom to &Fit"), self.tr("Show the whole design")),
            (self.snap, self.tr("&Snap to Grid"), ""),
            (self.implied_flows, self.tr("Show &Implied Flows"),
             self.tr("Draw the flows the design implies: green when they pass, red dashed when "
                          "they are blocked")),
            (self.next_problem, self.tr("&Next Problem"), ""),
            (self.previous_problem, self.tr("P&revious Problem"), ""),
            (self.tool_select, self.tr("&Select and Move"), self.tr("Select, move and resize (V)")),
            (self.tool_connect, self.tr("&Connect"),
             self.tr("Drag from one resource to another to relate them (C)")),
            (self.tool_trace, self.tr("&Trace a Path"),
             self.tr("Pick a source and a destination: can traffic flow? (T)")),
            (self.about, self.tr("&About Kumozu"), ""),
        )
        for action, text, tip in texts:
            action.setText(text)
            action.setIconText(_plain(text))
            action.setStatusTip(tip)
            action.setToolTip(tip or _plain(text))
        aligned = (self.tr("Align &Left Edges"), self.tr("Align &Horizontal Centres"),
                   self.tr("Align &Right Edges"), self.tr("Align &Top Edges"),
                   self.tr("Align &Vertical Centres"), self.tr("Align &Bottom Edges"))
        for action, text in zip(self.align, aligned):
            action.setText(text)
        # Short labels under the toolbar icons; the menu items keep their full names.
        for action, short in ((self.zoom_out, self.tr("Zoom Out")), (self.zoom_fit, self.tr("Fit")),
                              (self.zoom_in, self.tr("Zoom In"))):
            action.setIconText(short)
        self._name_undo_redo()
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.examples_menu.setTitle(self.tr("Open E&xample"))
        for menu, title in ((self.file_menu, self.tr("&File")), (self.export_menu, self.tr("&Export")),
                            (self.edit_menu, self.tr("&Edit")), (self.align_menu, self.tr("A&lign")),
                            (self.view_menu, self.tr("&View")), (self.panels_menu, self.tr("&Panels")),
                            (self.tools_menu, self.tr("&Tools")), (self.help_menu, self.tr("&Help"))):
            menu.setTitle(title)
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))

    def _name_undo_redo(self) -> None:
        """"Undo Add web-a": the step's name (an edit's label) said in the current language."""
        from model.i18n import edit_label
        from .translations import current_language

        stack = self.window.document.undo_stack
        language = current_language()
        for action, text, word, short in (
                (self.undo, stack.undoText(), self.tr("&Undo"),
                 self.tr("Undo")),
                (self.redo, stack.redoText(), self.tr("&Redo"),
                 self.tr("Redo"))):
            named = edit_label(text, language) if text else ""
            action.setText(self.tr("%1 %2", "undo/redo and the step's name")
                           .replace("%1", word).replace("%2", named) if named else word)
            action.setIconText(short)
            action.setToolTip(_plain(action.text()))

    # ------------------------------------------------------------------ helpers
    def _action(self, slot, shortcut=None, icon=None) -> QAction:
        action = QAction(self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon:
            action.setIcon(_icon(icon))
        action.triggered.connect(lambda checked=False: slot(checked) if action.isCheckable() else slot())
        return action

    def _tool(self, name, key, icon) -> QAction:
        action = QAction(self.window)
        action.setShortcut(QKeySequence(key))
        action.setCheckable(True)
        action.setIcon(_icon(icon))
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
        self.file_menu = file_menu = bar.addMenu("")
        file_menu.addActions([self.new, self.open])
        file_menu.addMenu(self.recent_menu)
        file_menu.addMenu(self.examples_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as])
        self.export_menu = export = file_menu.addMenu(_icon("export"), "")
        export.addActions([self.export_png, self.export_svg, self.export_pdf])
        export.addSeparator()
        export.addActions([self.export_native, self.export_cfn_yaml, self.export_cfn_json])
        file_menu.addSeparator()
        file_menu.addAction(self.preferences)
        file_menu.addSeparator()
        file_menu.addActions([self.close, self.quit])

        self.edit_menu = edit = bar.addMenu("")
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.cut, self.copy, self.paste, self.duplicate, self.delete])
        edit.addSeparator()
        edit.addAction(self.select_all)
        self.align_menu = align = edit.addMenu("")
        align.addActions(self.align[:3])
        align.addSeparator()
        align.addActions(self.align[3:])
        align.addSeparator()
        align.addActions([self.distribute_h, self.distribute_v])

        self.view_menu = view = bar.addMenu("")
        view.addActions([self.zoom_in, self.zoom_out, self.zoom_fit])
        view.addSeparator()
        view.addActions([self.snap, self.implied_flows])
        view.addSeparator()
        view.addActions([self.next_problem, self.previous_problem])
        view.addSeparator()
        self.panels_menu = view.addMenu("")

        self.tools_menu = tools = bar.addMenu("")
        tools.addActions(self.tools.actions())

        self.help_menu = help_menu = bar.addMenu("")
        help_menu.addAction(self.about)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.window)
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonTextUnderIcon)
        bar.addActions([self.new, self.open, self.save])
        bar.addSeparator()
        bar.addActions([self.undo, self.redo, self.delete])
        bar.addSeparator()
        bar.addActions(self.tools.actions())
        bar.addSeparator()
        bar.addActions([self.zoom_out, self.zoom_fit, self.zoom_in])
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
            menu.addAction(self.tr("No recent files")).setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear Menu"))
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
            menu.addAction(self.tr("No examples installed")).setEnabled(False)


def _plain(text: str) -> str:
    """A menu text without its mnemonic (``&Open``, or ``開く(&O)`` as Japanese writes it) and ellipsis,
    for tooltips and icon texts."""
    text = re.sub(r"\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")
