"""Which of the labs' two languages to show: the interface language the user chose, else the
system's (``QLocale``, which a translation switch may also set as the default)."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from labs.text import LANGUAGES

__all__ = ["lab_language"]


def lab_language(prefs=None) -> str:
    """``ja`` or ``en``. ``prefs`` is the window's :class:`~editor.settings.Preferences` (its
    ``language``: ``""`` follows the system)."""
    chosen = (getattr(prefs, "language", "") or "").strip().lower()
    for language in LANGUAGES:
        if chosen == language or chosen.startswith(f"{language}_") or chosen.startswith(f"{language}-"):
            return language
    return "ja" if QLocale().language() == QLocale.Japanese else "en"
