"""A font that draws Japanese, wherever the editor runs.

Windows (Yu Gothic, Meiryo), macOS (Hiragino) and Linux desktops set up for Japanese (Noto Sans CJK,
IPA, Takao...) have one; minimal Linux machines, containers and Qt's offscreen platform (CI,
screenshots) often do not, and every kanji would be drawn as an empty box. So when no installed
family writes Japanese, :func:`ensure_japanese_font` loads the one bundled here: a subset of Noto
Sans CJK JP Regular (SIL Open Font License 1.1, ``OFL.txt``) with kana, the JIS X 0208 level-1 kanji,
full-width punctuation and every character Kumozu's own Japanese uses (``make_subset.py`` builds it;
a test checks the coverage). A system font is always preferred: it also covers rare kanji a user
may type.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

__all__ = ["BUNDLED_FONT", "BUNDLED_FAMILY", "japanese_families", "ensure_japanese_font",
           "PREFERRED_FAMILIES"]

BUNDLED_FONT = Path(__file__).resolve().parent / "NotoSansCJKjp-Kumozu-Regular.otf"
BUNDLED_FAMILY = "Noto Sans CJK JP"
#: Japanese families in the order the editor prefers them (the first installed one is used).
PREFERRED_FAMILIES = ("Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "Hiragino Sans",
                      "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Yu Gothic", "Meiryo UI", "Meiryo",
                      "IPAexGothic", "IPAGothic", "TakaoPGothic", "VL PGothic")

_loaded: dict[str, str] = {}


def japanese_families() -> list[str]:
    """Installed families that write Japanese, preferred ones first."""
    found = set(QFontDatabase.families(QFontDatabase.Japanese))
    ordered = [f for f in PREFERRED_FAMILIES if f in found]
    return ordered + sorted(found - set(ordered))


def ensure_japanese_font() -> str:
    """The family the editor draws Japanese with, loading the bundled one when nothing installed
    writes Japanese; the application font then falls back to it for every glyph its own family
    lacks. Returns the family (empty if even the bundled font could not be loaded)."""
    if "family" in _loaded:
        return _loaded["family"]
    families = [f for f in japanese_families() if f in PREFERRED_FAMILIES]
    if not families and BUNDLED_FONT.is_file():
        font_id = QFontDatabase.addApplicationFont(str(BUNDLED_FONT))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    family = families[0] if families else ""
    _loaded["family"] = family
    app = QApplication.instance()
    if family and isinstance(app, QApplication):
        font = QFont(app.font())
        current = font.families() or [font.family()]
        if family not in current:
            font.setFamilies([*current, family])
            app.setFont(font)
    return family
