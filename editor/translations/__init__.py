"""The editor's language: Qt translators for the editor's own strings, the Qt-free catalogues for the
model's and the validators' texts, and a font that can draw Japanese.

The editor's strings are wrapped in ``self.tr(...)`` / ``QCoreApplication.translate(...)``;
``kumozu_ja.ts`` holds their Japanese (written by hand, kept complete by ``update.py``) and is
compiled to ``kumozu_ja.qm``, which is committed so a plain install needs no Qt tools. English needs
``kumozu_en.qm`` only for plural forms ("1 error", "2 errors"). Qt's own ``qtbase_<lang>.qm`` (it
ships with PySide6) translates standard buttons and menus.

:func:`use_language` installs the translators for a language application-wide; Qt then sends every
widget a ``LanguageChange`` event and the main window says everything again in the new language
(the document, undo stack and selection are untouched). :func:`current_language` is what the Qt-free
catalogues are asked for (``model.i18n``, ``validators.i18n``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from model.i18n import LANGUAGES, normalize_language

from .fonts import ensure_japanese_font

__all__ = ["LANGUAGES", "TRANSLATIONS_DIR", "current_language", "system_language", "resolve_language",
           "use_language", "language_name", "ensure_japanese_font"]

TRANSLATIONS_DIR = Path(__file__).resolve().parent

_state = {"language": "en", "translators": []}


def current_language() -> str:
    """The language the editor speaks now (``en`` or ``ja``)."""
    return _state["language"]


def system_language() -> str:
    """The language of the system locale: ``ja`` for a Japanese locale, else ``en``."""
    return normalize_language(QLocale.system().name())


def resolve_language(preference: str) -> str:
    """The language a preference asks for: ``""`` follows the system."""
    return normalize_language(preference) if preference else system_language()


def language_name(language: str) -> str:
    """A language as its speakers write it, for the Preferences list."""
    return {"en": "English", "ja": "日本語"}.get(language, language)


def use_language(preference: str) -> str:
    """Speak the language ``preference`` asks for (``""``: the system's) from now on, in every window:
    install its translators (replacing the previous ones) and, for Japanese, make sure a font can
    draw it. Returns the language now in use. Nothing happens when it is already in use."""
    language = resolve_language(preference)
    app = QCoreApplication.instance()
    # English is loaded too: its catalogue holds the plural forms ("1 error", "2 errors").
    if language == _state["language"] and _state["translators"]:
        return language
    for translator in _state["translators"]:
        if app is not None:
            app.removeTranslator(translator)
    _state["translators"] = []
    _state["language"] = language
    if app is None:
        return language
    qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    for directory, name in ((str(TRANSLATIONS_DIR), f"kumozu_{language}"), (qt_dir, f"qtbase_{language}")):
        translator = QTranslator(app)
        if language != "en" or name.startswith("kumozu"):
            if translator.load(name, directory):
                app.installTranslator(translator)
                _state["translators"].append(translator)
    # Number formats and the labs' fallback follow the interface language too.
    QLocale.setDefault(QLocale(QLocale.Japanese, QLocale.Japan) if language == "ja" else QLocale(QLocale.English))
    if language == "ja":
        ensure_japanese_font()
    return language
