"""The translation calls written in the editor's sources, read with ``ast``: a second opinion on
lupdate, which reads the sources as text and silently skips a call it cannot parse, notably one
inside an f-string (``f"<b>{self.tr('Read more')}</b>"``). Such a string would stay English in a
Japanese interface while ``update.py --check`` passed.

Only calls whose text is a literal count (lupdate ignores the others too); a ``self.tr`` call's
context is the class it is written in, as lupdate takes it.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

__all__ = ["TranslationCall", "translation_calls", "unseen_calls"]


@dataclass(frozen=True)
class TranslationCall:
    path: Path
    line: int
    context: str
    source: str


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _call_text(call: ast.Call, class_name: str) -> tuple[str, str] | None:
    """``(context, source)`` of a translation call with literal text, else None."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    args = call.args
    if name == "tr" and isinstance(func, ast.Attribute) and args:
        source = _literal(args[0])
        return (class_name, source) if source is not None and class_name else None
    if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
        context, source = _literal(args[0]), _literal(args[1])
        if context is not None and source is not None:
            return context, source
    return None


def translation_calls(paths) -> list[TranslationCall]:
    """Every ``tr`` / ``translate`` / ``QT_TRANSLATE_NOOP`` call with literal text in ``paths``.
    Cost: one parse and one walk of each file."""
    found: list[TranslationCall] = []

    def visit(node: ast.AST, class_name: str, path: Path) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else class_name
            if isinstance(child, ast.Call):
                text = _call_text(child, class_name)
                if text is not None:
                    found.append(TranslationCall(path, child.lineno, *text))
            visit(child, inner, path)

    for path in paths:
        path = Path(path)
        visit(ast.parse(path.read_text(encoding="utf-8"), str(path)), "", path)
    return found


def unseen_calls(paths, catalogue_keys) -> list[TranslationCall]:
    """The calls whose ``(context, source)`` is not among ``catalogue_keys`` (the ``(context,
    source, comment)`` keys of a ``.ts`` file): strings lupdate did not collect."""
    known = {(context, source) for context, source, *_rest in catalogue_keys}
    return [call for call in translation_calls(paths) if (call.context, call.source) not in known]
