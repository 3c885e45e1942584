"""What the editor remembers between runs: preferences, recent files, window state.

Everything lives in one :class:`QSettings` store (organisation and application "Kumozu"). Setting
``KUMOZU_SETTINGS_DIR`` puts the store in an INI file in that folder instead, so tests and
screenshots never read or change a user's real settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

__all__ = ["Preferences", "RecentFiles", "settings_store", "MAX_RECENT_FILES", "SETTINGS_DIR_ENV",
           "load_window_state", "save_window_state"]

SETTINGS_DIR_ENV = "KUMOZU_SETTINGS_DIR"
MAX_RECENT_FILES = 10


def settings_store() -> QSettings:
    """The settings store: the platform's usual place, or ``$KUMOZU_SETTINGS_DIR/Kumozu.ini``."""
    folder = os.environ.get(SETTINGS_DIR_ENV)
    if folder:
        return QSettings(str(Path(folder) / "Kumozu.ini"), QSettings.IniFormat)
    return QSettings(QSettings.IniFormat, QSettings.UserScope, "Kumozu", "Kumozu")


@dataclass
class Preferences:
    """The user's preferences, with their defaults."""

    snap_to_grid: bool = True
    grid_size: int = 10
    #: How often unsaved changes are written to the recovery file.
    autosave_seconds: int = 30
    #: Ask before deleting when a deletion takes more with it than what is selected.
    confirm_delete: bool = True
    #: The Region a new design starts in.
    default_region: str = "us-east-1"
    #: The interface language: "" follows the system, "en" or "ja" (editor/translations).
    language: str = ""

    @classmethod
    def load(cls, store: QSettings | None = None) -> "Preferences":
        store = store or settings_store()
        prefs = cls()
        for f in fields(cls):
            key = f"preferences/{f.name}"
            if not store.contains(key):
                continue
            raw = store.value(key)
            default = getattr(prefs, f.name)
            setattr(prefs, f.name, _coerce(raw, default))
        prefs.grid_size = min(200, max(2, prefs.grid_size))
        prefs.autosave_seconds = min(3600, max(5, prefs.autosave_seconds))
        return prefs

    def save(self, store: QSettings | None = None) -> None:
        store = store or settings_store()
        for f in fields(self):
            store.setValue(f"preferences/{f.name}", getattr(self, f.name))
        store.sync()


def _coerce(raw, default):
    """INI files give strings back; turn them into the type of the default (bad values: default)."""
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
        return str(raw).strip().lower() in ("true", "1", "yes")
    if isinstance(default, int):
        try:
            return int(raw)
        except (TypeError, ValueError):
            return default
    return str(raw) if raw is not None else default


class RecentFiles:
    """The most recently opened or saved files, newest first; files that vanished are dropped."""

    KEY = "recent_files"

    def __init__(self, store: QSettings | None = None):
        self._store = store

    @property
    def store(self) -> QSettings:
        return self._store or settings_store()

    def paths(self) -> list[str]:
        raw = self.store.value(self.KEY, [])
        if isinstance(raw, str):  # QSettings gives a lone string for a one-item list
            raw = [raw]
        existing = [p for p in (raw or []) if isinstance(p, str) and Path(p).is_file()]
        if existing != list(raw or []):
            self._write(existing)
        return existing

    def add(self, path: str) -> None:
        path = str(Path(path).resolve())
        current = [p for p in self.paths() if p != path]
        self._write([path] + current)

    def clear(self) -> None:
        self._write([])

    def _write(self, paths: list[str]) -> None:
        store = self.store
        store.setValue(self.KEY, list(paths[:MAX_RECENT_FILES]))
        store.sync()


def save_window_state(geometry: QByteArray, state: QByteArray, store: QSettings | None = None) -> None:
    store = store or settings_store()
    store.setValue("window/geometry", geometry)
    store.setValue("window/state", state)
    store.sync()


def load_window_state(store: QSettings | None = None) -> tuple[QByteArray | None, QByteArray | None]:
    store = store or settings_store()
    geometry = store.value("window/geometry")
    state = store.value("window/state")
    return (geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None)
