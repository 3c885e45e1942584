"""Which of the labs' two languages to show: the one the interface speaks now
(:func:`editor.translations.current_language`, set from the preference or the system locale)."""

from __future__ import annotations

from labs.text import LANGUAGES

from ..translations import current_language

__all__ = ["lab_language"]


def lab_language() -> str:
    """``ja`` or ``en``: the interface language (the labs are written in both)."""
    language = current_language()
    return language if language in LANGUAGES else LANGUAGES[0]
