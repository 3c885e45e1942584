"""A real editor process for the crash-recovery test (run by it, not collected by pytest).

It starts Kumozu through ``main.main`` on the file given, then acts as a user would: selects the
subnet ``app-a`` and types a new name into the inspector. Once the autosave holding that name is on
disk it prints ``AUTOSAVED <path>`` and keeps running, so the test can kill it with SIGKILL.

    python crash_editor.py DESIGN NEW_NAME
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import main  # noqa: E402
from editor.app import create_application  # noqa: E402
from editor.main_window import MainWindow  # noqa: E402


def act(design: str, new_name: str) -> None:
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows:
        QTimer.singleShot(50, lambda: act(design, new_name))
        return
    window = windows[0]
    window.canvas.select_ids(["app-a"])
    name = window.inspector.editor("name").line
    name.setFocus()
    name.selectAll()
    QTest.keyClicks(name, new_name)
    QTest.keyClick(name, Qt.Key_Return)
    wait_for_autosave(window, new_name)


def wait_for_autosave(window, new_name: str) -> None:
    path = window.autosaver.session.design_path
    if path.exists() and new_name in path.read_text(encoding="utf-8"):
        print(f"AUTOSAVED {path}", flush=True)
        return
    QTimer.singleShot(50, lambda: wait_for_autosave(window, new_name))


if __name__ == "__main__":
    design, new_name = sys.argv[1], sys.argv[2]
    create_application()
    QTimer.singleShot(0, lambda: act(design, new_name))
    sys.exit(main.main([design]))
