"""Starting the editor."""

from __future__ import annotations

import sys

from model.documents import open_design
from model.errors import LoadError

__all__ = ["run_editor"]


def run_editor(path: str, region: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Kumozu")
    app.setOrganizationName("Kumozu")
    try:
        opened = open_design(path, region=region)
    except LoadError as exc:
        print(f"kumozu: {exc}", file=sys.stderr)
        QMessageBox.critical(None, "Cannot open design", str(exc))
        return 2
    window = MainWindow(opened)
    window.show()
    return app.exec()
