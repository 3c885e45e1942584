"""Autosave and crash recovery: nothing typed is lost when the editor dies.

While a document has unsaved changes, an :class:`Autosaver` writes it every 30 seconds (the
preference, or ``KUMOZU_AUTOSAVE_MS`` for tests) to a recovery file in the recovery folder
(``QStandardPaths.AppDataLocation``/recovery, or ``KUMOZU_RECOVERY_DIR``). Each editor window has a
*session*: ``<id>.kumozu.yaml`` (the design, native format), ``<id>.json`` (where it came from) and
``<id>.lock`` (a :class:`QLockFile` held while the window lives). Saving, or closing without saving,
deletes the session's files. After a crash the lock is left behind by a dead process; the next start
finds such *orphans* and offers to restore them.

Both files are written with :func:`model.files.atomic_write`, so a crash during an autosave leaves the
previous autosave intact.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QStandardPaths, QTimer, Signal

from model.documents import DesignFormat
from model.files import atomic_write

__all__ = ["RECOVERY_DIR_ENV", "AUTOSAVE_MS_ENV", "recovery_dir", "autosave_interval_ms",
           "RecoveryEntry", "RecoverySession", "RecoveryStore", "Autosaver", "restore_into"]

RECOVERY_DIR_ENV = "KUMOZU_RECOVERY_DIR"
AUTOSAVE_MS_ENV = "KUMOZU_AUTOSAVE_MS"
_DESIGN_SUFFIX = ".kumozu.yaml"


def recovery_dir() -> Path:
    override = os.environ.get(RECOVERY_DIR_ENV)
    if override:
        return Path(override)
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    return Path(base or Path.home() / ".kumozu") / "recovery"


def autosave_interval_ms(preference_seconds: int = 30) -> int:
    """The autosave interval: ``KUMOZU_AUTOSAVE_MS`` if set (tests), else the preference."""
    override = os.environ.get(AUTOSAVE_MS_ENV, "")
    if override.strip().isdigit() and int(override) > 0:
        return int(override)
    return max(5, preference_seconds) * 1000


@dataclass(frozen=True)
class RecoveryEntry:
    """An autosave left behind by an editor that did not close (it crashed or was killed)."""

    session_id: str
    design_path: Path
    info_path: Path
    lock_path: Path
    original_path: str | None
    original_format: DesignFormat
    title: str
    saved_at: float
    resources: int

    @property
    def display_name(self) -> str:
        if self.original_path:
            return Path(self.original_path).name
        return self.title or QCoreApplication.translate("RecoveryEntry", "Untitled design")

    def discard(self) -> None:
        """Delete the autosave (the user restored it elsewhere or does not want it)."""
        for path in (self.design_path, self.info_path, self.lock_path):
            with suppress(FileNotFoundError):
                path.unlink()


class RecoverySession:
    """One window's recovery files. Holds the lock for as long as the window lives."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.id = f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}"
        self.design_path = folder / f"{self.id}{_DESIGN_SUFFIX}"
        self.info_path = folder / f"{self.id}.json"
        self.lock_path = folder / f"{self.id}.lock"
        self._lock: QLockFile | None = None

    @property
    def has_autosave(self) -> bool:
        return self.design_path.exists()

    def write(self, text: str, original_path: str | None, original_format: DesignFormat,
              title: str, resources: int) -> None:
        """Write the design, then its description (the entry counts only once both exist).
        Raises OSError when the folder cannot be written."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._lock is None:
            lock = QLockFile(str(self.lock_path))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                self._lock = lock
        atomic_write(self.design_path, text.encode("utf-8"))
        info = {"original_path": original_path, "original_format": original_format.value,
                "title": title, "saved_at": time.time(), "resources": resources,
                "pid": os.getpid()}
        atomic_write(self.info_path, json.dumps(info, indent=1).encode("utf-8"))

    def discard(self) -> None:
        """Delete the autosave (the document was saved, or its changes were thrown away)."""
        for path in (self.info_path, self.design_path):
            # A leftover autosave is only offered again later: never worth an error dialog.
            with suppress(OSError):
                path.unlink()

    def close(self) -> None:
        self.discard()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


class RecoveryStore:
    """The recovery folder: new sessions, and orphans left by editors that died."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder is not None else recovery_dir()

    def new_session(self) -> RecoverySession:
        return RecoverySession(self.folder)

    def orphans(self) -> list[RecoveryEntry]:
        """Autosaves whose editor is no longer running, newest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for design in self.folder.glob(f"*{_DESIGN_SUFFIX}"):
            session_id = design.name[: -len(_DESIGN_SUFFIX)]
            lock_path = self.folder / f"{session_id}.lock"
            if _held_by_live_process(lock_path):
                continue
            entry = _read_entry(session_id, design, self.folder / f"{session_id}.json", lock_path)
            if entry is not None:
                found.append(entry)
        return sorted(found, key=lambda e: e.saved_at, reverse=True)


def _held_by_live_process(lock_path: Path) -> bool:
    if not lock_path.exists():
        return False
    probe = QLockFile(str(lock_path))
    # Age is no sign of death: a window may stay open for days. Only a dead owner makes it stale.
    probe.setStaleLockTime(0)
    if probe.tryLock(0):
        probe.unlock()  # removes the stale lock file too
        return False
    return probe.error() == QLockFile.LockFailedError


def _read_entry(session_id: str, design: Path, info_path: Path, lock_path: Path) -> RecoveryEntry | None:
    """The entry for one autosave. A missing or damaged description still gives an entry (the
    design is what matters); an empty design file does not."""
    try:
        if design.stat().st_size == 0:
            return None
    except OSError:
        return None
    info: dict = {}
    try:
        info = json.loads(info_path.read_text(encoding="utf-8"))
        if not isinstance(info, dict):
            info = {}
    except (OSError, ValueError):
        info = {}
    original = info.get("original_path")
    try:
        fmt = DesignFormat(info.get("original_format", "native"))
    except ValueError:
        fmt = DesignFormat.NATIVE
    saved_at = info.get("saved_at")
    if not isinstance(saved_at, (int, float)):
        saved_at = design.stat().st_mtime
    resources = info.get("resources")
    return RecoveryEntry(session_id, design, info_path, lock_path,
                         original if isinstance(original, str) and original else None, fmt,
                         str(info.get("title") or ""), float(saved_at),
                         resources if isinstance(resources, int) else -1)


class Autosaver(QObject):
    """Writes a document's unsaved changes to its recovery session on a timer.

    The file is written only when something changed since the last autosave, and deleted as soon as
    there is nothing unsaved (after a save, or undo back to the saved state)."""

    #: An autosave was written (the recovery file's path).
    saved = Signal(str)
    #: An autosave could not be written (why); the editor keeps working.
    failed = Signal(str)

    def __init__(self, document, session: RecoverySession, interval_ms: int, parent=None):
        super().__init__(parent)
        self.document = document
        self.session = session
        #: Where the design came from, as restoring should remember it (None: untitled or an example).
        self.origin = lambda: (document.path, document.format)
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.save_if_needed)
        self._timer.start()
        document.changed.connect(self._on_changed)
        document.clean_changed.connect(self._on_clean_changed)
        document.diagram_replaced.connect(self._on_replaced)

    def set_interval(self, interval_ms: int) -> None:
        self._timer.setInterval(interval_ms)

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def save_if_needed(self) -> bool:
        if not self._dirty or not self.document.is_modified:
            return False
        return self.save_now()

    def save_now(self) -> bool:
        path, fmt = self.origin()
        diagram = self.document.diagram
        try:
            self.session.write(self.document.to_native_text(), path, fmt, diagram.title, len(diagram))
        except OSError as exc:
            self.failed.emit(QCoreApplication.translate("Autosaver", "Autosave failed: %1").replace(
                "%1", str(exc.strerror or exc)))
            return False
        self._dirty = False
        self.saved.emit(str(self.session.design_path))
        return True

    def discard(self) -> None:
        self._dirty = False
        self.session.discard()

    def close(self) -> None:
        self._timer.stop()
        self.session.close()

    def _on_changed(self, _change) -> None:
        self._dirty = True

    def _on_clean_changed(self, clean: bool) -> None:
        if not clean:
            self._dirty = True
        else:
            self.discard()

    def _on_replaced(self) -> None:
        self.discard()


def restore_into(document, entry: RecoveryEntry) -> None:
    """Open ``entry``'s autosave in ``document`` as an unsaved design that remembers where it came
    from: saving writes to the original file (or, for a CloudFormation original, asks for Save As).
    Raises :class:`~model.errors.LoadError` if the autosave cannot be read."""
    document.open(str(entry.design_path))
    document.path = entry.original_path
    document.format = entry.original_format if entry.original_path else DesignFormat.NATIVE
    document.notes = []
    document.path_changed.emit(entry.original_path or "")
    # Nothing on the undo stack, yet the design differs from every file on disk: never clean.
    # (resetClean announces the change through the stack's cleanChanged signal.)
    document.undo_stack.resetClean()
