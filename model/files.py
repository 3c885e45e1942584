"""Reading and writing files safely: size limits before reading, atomic replacement when writing."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from .errors import LoadError

__all__ = ["read_bytes", "atomic_write", "is_read_only"]


def read_bytes(path: str | os.PathLike, limit: int, what: str = "file") -> bytes:
    """The file's bytes, refusing (before reading) one larger than ``limit`` bytes."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise LoadError(f"the {what} is {size / 1e6:.1f} MB; Kumozu reads {what}s of up to "
                            f"{limit / 1e6:.0f} MB", str(path))
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except IsADirectoryError:
        raise LoadError("this is a folder, not a file", str(path)) from None
    except FileNotFoundError:
        raise LoadError("no such file", str(path)) from None
    except PermissionError:
        raise LoadError("permission denied: the file cannot be read", str(path)) from None
    except OSError as exc:
        raise LoadError(f"the file cannot be read: {exc.strerror or exc}", str(path)) from None
    if len(data) > limit:  # it grew while we looked
        raise LoadError(f"the {what} is larger than {limit / 1e6:.0f} MB", str(path))
    return data


def atomic_write(path: str | os.PathLike, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that, whatever happens, the file on disk is either the
    complete old version or the complete new one.

    The data goes to a temporary file in the same folder (a rename is only atomic within one file
    system), is flushed and fsync'ed, then renamed over the target; the folder is fsync'ed so the
    rename itself survives a power cut. Raises :class:`OSError` (the old file untouched) on failure,
    also when ``path`` is a read-only file: a rename would replace it (the folder allows that), but
    whoever made it read-only meant it to stay as it is.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if is_read_only(path):
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temp, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def is_read_only(path: str | os.PathLike) -> bool:
    """Whether ``path`` is an existing file this process may not write: by its permissions, or,
    for an administrator (whom permissions do not stop), because nobody has write permission."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    if not stat.S_ISREG(mode):
        return False
    return not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
