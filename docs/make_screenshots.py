"""Screenshots of the editor for the README: each example open in the real main window, one with a
problem selected in the Problems panel, and one with a traced path.

    python docs/make_screenshots.py [--out docs/images] [--size 1600x1000] [--xvfb]

Runs offscreen by default; ``--xvfb`` runs under ``xvfb-run`` when it is installed (a real X server
draws native window decorations and fonts the way a desktop does). Settings and autosaves go to a
temporary folder, so the screenshots show the default layout and touch nothing of the user's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: What each example's screenshot shows selected, so the inspector has something to say.
FOCUS = {"dual-az-web": "alb", "ecs-fargate": "service", "route-tables": "rt-2"}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "images"), help="folder for the PNGs")
    parser.add_argument("--size", default="1600x1000", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--xvfb", action="store_true", help="run under xvfb-run if it is installed")
    parser.add_argument("--language", choices=("en", "ja", "all"), default="all",
                        help="the interface language of the screenshots (ja-*.png for Japanese)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.xvfb and not os.environ.get("DISPLAY"):
        runner = shutil.which("xvfb-run")
        if runner:
            command = [runner, "-a", "-s", "-screen 0 1920x1200x24", sys.executable, __file__,
                       "--out", args.out, "--size", args.size, "--language", args.language]
            return subprocess.call(command)
        print("xvfb-run is not installed; drawing offscreen", file=sys.stderr)
    if not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    scratch = tempfile.mkdtemp(prefix="kumozu-screens-")
    os.environ["KUMOZU_SETTINGS_DIR"] = str(Path(scratch) / "settings")
    os.environ["KUMOZU_RECOVERY_DIR"] = str(Path(scratch) / "recovery")
    width, height = (int(v) for v in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        languages = ("en", "ja") if args.language == "all" else (args.language,)
        return _shoot(out, width, height, languages)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _shoot(out: Path, width: int, height: int, languages=("en",)) -> int:
    from editor.app import create_application
    from editor.settings import Preferences
    from editor.translations import use_language

    app = create_application()
    written = []
    for language in languages:
        prefs = Preferences.load()  # the windows read the language from the (scratch) settings
        prefs.language = language
        prefs.save()
        use_language(language)
        prefix = "" if language == "en" else f"{language}-"
        written += _shoot_language(app, out, width, height, prefix)
    for path in written:
        print(f"wrote {path}")
    return 0


def _shoot_language(app, out: Path, width: int, height: int, prefix: str) -> list[Path]:
    """The screenshots in the language in use; Japanese ones are named ``ja-*.png``."""
    from editor.main_window import MainWindow
    from editor.window_actions import example_files
    from model import edits

    written = []
    for path, _title in example_files():
        if prefix and path.name != "dual-az-web.kumozu.yaml":
            continue  # one example is enough to show the translated interface
        name = path.name.removesuffix(".kumozu.yaml")
        window = _window(MainWindow, path, width, height, app)
        focus = FOCUS.get(name)
        if focus in window.document.diagram:
            window.canvas.select_ids([focus], center=False)
        written.append(_grab(window, out / f"{prefix}{name}.png", app))
        _close(window)

    # A problem: two subnets given the same range, picked in the Problems panel.
    window = _window(MainWindow, ROOT / "examples" / "dual-az-web.kumozu.yaml", width, height, app)
    diagram = window.document.diagram
    window.document.push(edits.set_property(diagram, "app-c", "cidr", diagram["app-a"].get("cidr")))
    overlap = next(f for f in window.document.findings if f.rule == "cidr-overlap")
    window.show_problems()
    window.problems.select_finding(overlap)
    written.append(_grab(window, out / f"{prefix}problems.png", app))
    _close(window)

    # A trace that is blocked: a private subnet asking the database on its port.
    window = _window(MainWindow, ROOT / "examples" / "dual-az-web.kumozu.yaml", width, height, app)
    window.show_trace()
    window.trace_panel.set_ends("app-a", "db")
    window.trace_panel.run()
    written.append(_grab(window, out / f"{prefix}trace.png", app))
    _close(window)
    return written


def _window(window_class, path: Path, width: int, height: int, app):
    window = window_class()
    window.files.open_path(str(path), example=True)
    window.resize(width, height)
    window.show()
    _settle(app)
    window.canvas.zoom_to_fit()
    _settle(app)
    return window


def _grab(window, target: Path, app) -> Path:
    _settle(app)
    if not window.grab().save(str(target)):
        raise OSError(f"could not write {target}")
    return target


def _close(window) -> None:
    window.document.undo_stack.setClean()
    window.close()


def _settle(app) -> None:
    for _ in range(6):
        app.processEvents()


if __name__ == "__main__":
    sys.exit(main())
