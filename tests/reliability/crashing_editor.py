"""A real editor with unsaved work, to be killed (run by ``test_crash_recovery.py``, not collected).

It starts Kumozu through ``main.main`` on DESIGN, then works as a user would, through the window:
renames a subnet in the inspector, adds a subnet and an instance, nudges a box, connects two
resources (with the editor's own edit builders) and deletes a NAT gateway with the canvas. It prints
``ADDED <instance id>``; once the autosave holds all of it, ``AUTOSAVED <sha256 of the document's
native text>``, and keeps running until it is killed.

    python crashing_editor.py DESIGN
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import main  # noqa: E402
from editor.app import create_application  # noqa: E402
from editor.main_window import MainWindow  # noqa: E402
from editor.tools.arrange import nudge_edit  # noqa: E402
from editor.tools.creation import new_resource_edit  # noqa: E402
from editor.tools.links import connection_option  # noqa: E402


def work(window: MainWindow) -> None:
    """The edits, made the way the editor's tools make them (containers grow to fit)."""
    document, diagram = window.document, window.document.diagram
    window.canvas.select_ids(["app-a"])
    name = window.inspector.editor("name").line
    name.setFocus()
    name.selectAll()
    QTest.keyClicks(name, "renamed before the crash")
    QTest.keyClick(name, Qt.Key_Return)
    zone = diagram["app-a"].parent
    add_subnet, subnet = new_resource_edit(diagram, "Subnet", zone, 200, 700)
    document.push(add_subnet)
    add_server, server = new_resource_edit(diagram, "Instance", subnet, 60, 90)
    document.push(add_server)
    document.push(nudge_edit(diagram, ["app-c"], 37, 11))
    document.push(connection_option(diagram, server, "app-a", port=5432).edit)
    window.canvas.confirm_delete = False  # the question would wait for a click nobody makes
    window.canvas.select_ids(["nat-c"])
    assert window.canvas.delete_selection()
    print(f"ADDED {server}", flush=True)


def act() -> None:
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows:
        QTimer.singleShot(50, act)
        return
    work(windows[0])
    wait_for_autosave(windows[0])


def wait_for_autosave(window: MainWindow) -> None:
    text = window.document.to_native_text()
    path = window.autosaver.session.design_path
    if path.exists() and path.read_text(encoding="utf-8") == text:
        print(f"AUTOSAVED {hashlib.sha256(text.encode()).hexdigest()}", flush=True)
        return
    QTimer.singleShot(50, lambda: wait_for_autosave(window))


if __name__ == "__main__":
    create_application()
    QTimer.singleShot(0, act)
    sys.exit(main.main([sys.argv[1]]))
