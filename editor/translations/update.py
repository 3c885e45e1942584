"""Keep the editor's Qt translations in step with its sources.

    python editor/translations/update.py           update kumozu_ja.ts and kumozu_en.ts, compile both
    python editor/translations/update.py --check   change nothing; fail if anything is out of step

``lupdate`` (it ships with PySide6-Essentials) collects every ``self.tr(...)``,
``QCoreApplication.translate(...)`` and ``QT_TRANSLATE_NOOP(...)`` of ``editor/`` into
``kumozu_ja.ts`` (everything, to be translated by hand in Qt Linguist or any editor) and
``kumozu_en.ts`` (only the plural forms: "%n error(s)" -> "1 error" / "2 errors"). ``lrelease``
compiles them into the ``.qm`` files the editor loads; they are committed, so installing Kumozu
needs no Qt tools. Both modes fail (exit 1), naming each entry, when a translation is unfinished or
empty, or loses a ``%1``/``%n`` placeholder; ``--check`` also fails when lupdate finds a string the
catalogue lacks or a ``.qm`` is not compiled from its ``.ts``. Both also fail for a translation call
lupdate could not see (one written inside an f-string, say: see ``calls.py``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

try:  # run as a script (python editor/translations/update.py) or imported as a module
    from .calls import unseen_calls
except ImportError:
    from calls import unseen_calls

HERE = Path(__file__).resolve().parent
EDITOR = HERE.parent
CATALOGUES = {"ja": HERE / "kumozu_ja.ts", "en": HERE / "kumozu_en.ts"}
_PLACEHOLDER = re.compile(r"%(?:n|L?\d)")

__all__ = ["sources", "run_lupdate", "messages", "problems", "compile_catalogue", "invisible_calls", "main"]


def sources() -> list[Path]:
    """Every Python file of the editor (the translations' own scripts hold no interface text)."""
    return sorted(p for p in EDITOR.rglob("*.py") if HERE not in p.parents and "__pycache__" not in p.parts)


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6
    bundled = Path(PySide6.__file__).resolve().parent / name
    if bundled.exists():
        return str(bundled)
    raise SystemExit(f"{name} not found: install PySide6-Essentials (it ships pyside6-{name})")


def run_lupdate(target: Path, plurals_only: bool = False) -> None:
    """Merge the sources' strings into ``target`` (created if missing), dropping vanished ones."""
    args = [_tool("lupdate"), *map(str, sources()), "-no-obsolete", "-locations", "none", "-silent",
            "-ts", str(target)]
    if plurals_only:
        args.insert(-2, "-pluralonly")
    subprocess.run(args, check=True)


def messages(path: Path) -> dict[tuple[str, str, str], list[str]]:
    """``(context, source, comment)`` -> the translations (one per plural form; ``[]`` when
    unfinished), for every message of a ``.ts`` file."""
    out: dict[tuple[str, str, str], list[str]] = {}
    root = ElementTree.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                out[key] = []
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            out[key] = forms if message.get("numerus") == "yes" else [translation.text or ""]
    return out


def problems(path: Path) -> list[str]:
    """Unfinished or empty translations, and translations that lose a placeholder."""
    found = []
    for (context, source, _comment), forms in messages(path).items():
        where = f"{path.name}: {context}: {source!r}"
        if not forms or not all(f.strip() for f in forms):
            found.append(f"{where} is not translated")
            continue
        wanted = set(_PLACEHOLDER.findall(source))
        for form in forms:
            if set(_PLACEHOLDER.findall(form)) != wanted:
                found.append(f"{where}: {form!r} does not keep the placeholders {sorted(wanted)}")
    return found


def compile_catalogue(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def invisible_calls(ts: Path = CATALOGUES["ja"]) -> list[str]:
    """Translation calls of the sources that ``ts`` lacks because lupdate did not see them."""
    root = EDITOR.parent
    return [f"{call.path.relative_to(root)}:{call.line}: {call.context}: {call.source!r} is translated in "
            f"the code but lupdate cannot see the call (inside an f-string?): move it out"
            for call in unseen_calls(sources(), messages(ts))]


def _check() -> list[str]:
    found = invisible_calls()
    with tempfile.TemporaryDirectory() as tmp:
        for language, ts in CATALOGUES.items():
            if not ts.exists():
                found.append(f"{ts.name} is missing: run editor/translations/update.py")
                continue
            fresh = Path(tmp) / ts.name
            shutil.copyfile(ts, fresh)
            run_lupdate(fresh, plurals_only=language == "en")
            # Entries the sources no longer use are harmless (the next update drops them); an
            # entry the catalogue lacks is a string the user would see in English.
            added = set(messages(fresh)) - set(messages(ts))
            found += [f"{ts.name}: new in the sources, not in the catalogue: {k[0]}: {k[1]!r}" for k in added]
            found += problems(ts)
            compiled = Path(tmp) / ts.with_suffix(".qm").name
            compile_catalogue(ts, compiled)
            qm = ts.with_suffix(".qm")
            if not qm.exists() or qm.read_bytes() != compiled.read_bytes():
                found.append(f"{qm.name} is not compiled from the current {ts.name}")
    return found


def main(argv: list[str]) -> int:
    if "--check" in argv:
        found = _check()
    else:
        for language, ts in CATALOGUES.items():
            run_lupdate(ts, plurals_only=language == "en")
        found = [p for ts in CATALOGUES.values() for p in problems(ts)] + invisible_calls()
        for ts in CATALOGUES.values():
            compile_catalogue(ts, ts.with_suffix(".qm"))
    for problem in found:
        print(problem)
    if found:
        print(f"{len(found)} problem(s): translate in kumozu_*.ts (Qt Linguist, or by hand) and run "
              f"editor/translations/update.py again")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
