"""A guard against a reference-counting bug of the installed Qt bindings.

PySide6 6.12.0 ships stable-ABI (abi3) modules that return ``None`` from every void method without
taking a reference to it. On Python 3.12 and later ``None`` is immortal and nothing happens; on
Python 3.11 each call lowers ``None``'s reference count by one, and after a few thousand calls
(one repaint can make hundreds) Python aborts with "none_dealloc: deallocating None". PySide6 6.11.3
does not have the bug. Until the bindings are fixed, :func:`keep_none_alive` gives ``None`` a
reference count no program can use up, which is what Python 3.12 does by design.
"""

from __future__ import annotations

import ctypes
import sys

__all__ = ["keep_none_alive", "NONE_REFERENCE_RESERVE"]

#: Void calls the process can make before None could run out: more than any session makes.
NONE_REFERENCE_RESERVE = 1 << 40


def keep_none_alive() -> None:
    """Make ``None`` effectively immortal on Python < 3.12 (idempotent; a no-op on 3.12+)."""
    if sys.version_info >= (3, 12):
        return
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is a PyObject's first field
    if count.value < NONE_REFERENCE_RESERVE:
        count.value += NONE_REFERENCE_RESERVE
