"""Starting the editor: the application, an offer to recover unsaved work, the first window."""

from __future__ import annotations

import sys
from pathlib import Path

from model.errors import LoadError

__all__ = ["run_editor", "create_application", "start_editor"]

APP_ICON = Path(__file__).resolve().parent.parent / "icons" / "vpc.svg"


def create_application(argv: list[str] | None = None):
    """The QApplication, named so settings and the recovery folder land in Kumozu's place."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Kumozu")
    app.setOrganizationName("Kumozu")
    app.setApplicationDisplayName("Kumozu")
    if APP_ICON.exists():
        app.setWindowIcon(QIcon(str(APP_ICON)))
    from .settings import Preferences
    from .translations import use_language
    use_language(Preferences.load().language)  # before the first dialog (recovery) is shown
    if app.platformName() == "offscreen":
        # Qt's offscreen clipboard crashes during shutdown while it holds copied resources
        # (QMimeData); a screenless editor has no other program to paste into anyway. (A lambda:
        # the clipboard's own clear() cannot be connected, libpyside finds no wrapper for it.)
        app.aboutToQuit.connect(lambda: app.clipboard().clear())
    return app


def start_editor(path: str | None, region: str | None = None, *, recovery=None) -> list:
    """Show the editor's windows: first any autosaves the user chooses to restore, then ``path``
    unless its restored version is already open (the built-in example only when nothing was
    restored). A file that cannot be read is reported and an empty design opens instead. Returns the
    windows."""
    from .dialogs import show_error
    from PySide6.QtCore import QCoreApplication

    from .main_window import MainWindow
    from .recovery import RecoveryStore, restore_into
    from .recovery_dialog import RecoveryDialog
    from .window_actions import EXAMPLES_DIR

    store = recovery or RecoveryStore()
    windows = []
    orphans = store.orphans()
    if orphans:
        dialog = RecoveryDialog(orphans)
        dialog.exec()
        for entry in dialog.ticked() if dialog.decision != "later" else ():
            if dialog.decision == "discard":
                entry.discard()
                continue
            window = MainWindow(recovery=store)
            try:
                restore_into(window.document, entry)
            except LoadError as exc:
                show_error(None, QCoreApplication.translate("App", "Cannot restore"),
                           QCoreApplication.translate(
                               "App", "The autosave of “%1” cannot be read; it is kept in the recovery "
                                      "folder.").replace("%1", entry.display_name), str(exc))
                window.autosaver.close()
                window.deleteLater()
                continue
            window.autosaver.save_now()  # the restored work is safe under this session first
            entry.discard()
            windows.append(window)
    is_example = path is not None and Path(path).resolve().parent == EXAMPLES_DIR
    restored = {str(Path(w.document.path).resolve()) for w in windows if w.document.path}
    already_open = path is not None and str(Path(path).resolve()) in restored
    if path is not None and not already_open and not (is_example and windows):
        window = MainWindow(recovery=store)
        window.files.open_path(path, example=is_example, region=region)
        windows.append(window)
    if not windows:
        windows.append(MainWindow(recovery=store))
    for window in windows:
        window.show()
    windows[0].raise_()
    windows[0].activateWindow()
    return windows


def run_editor(path: str | None, region: str | None = None) -> int:
    app = create_application()
    windows = start_editor(path, region)
    code = app.exec()
    del windows
    return code
