"""Layering: model/ and validators/ never import Qt or the editor, and headless commands start
without Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PURE_PACKAGES = ("model", "validators", "labs")


def _modules(package: str) -> list[str]:
    base = ROOT / package
    if not base.is_dir():
        return []
    out = []
    for path in sorted(base.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        out.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return out


@pytest.mark.parametrize("package", PURE_PACKAGES)
def test_pure_packages_do_not_mention_qt_or_the_editor_in_their_imports(package):
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")) if (ROOT / package).is_dir() else []:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names
                          if n.split(".")[0] in ("PySide6", "shiboken6", "editor")]
    assert offenders == []


def test_importing_every_pure_module_loads_no_qt():
    modules = [m for p in PURE_PACKAGES for m in _modules(p)]
    assert "model.diagram" in modules and "validators.engine" in modules
    code = ("import importlib, sys\n"
            f"for name in {modules!r}:\n"
            "    importlib.import_module(name)\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'editor'))\n"
            "print(','.join(bad))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.parametrize("argv", [
    ["validate", "examples/dual-az-web.kumozu.yaml"],
    ["validate", "examples/dual-az-web.kumozu.yaml", "--format", "json"],
    ["export", "examples/route-tables.kumozu.yaml", "-o", "{tmp}/out.yaml"],
    ["--version"],
])
def test_headless_commands_do_not_import_qt(tmp_path, argv):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code = ("import sys, main\n"
            "try:\n"
            f"    code = main.main({argv!r})\n"
            "except SystemExit as exit:\n"
            "    code = exit.code\n"
            "print('QT' if 'PySide6' in sys.modules else 'NO-QT', code, file=sys.stderr)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.stderr.strip().splitlines()[-1] == "NO-QT 0", result.stderr
