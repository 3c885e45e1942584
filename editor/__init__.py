"""The editor: everything that uses Qt.

PySide6 6.12 built for CPython 3.11 returns ``None`` from every void method without taking a
reference to it (CPython 3.12 made ``None`` immortal, so the missing ``Py_INCREF`` only matters
before 3.12). Each ``painter.drawRect(...)`` or ``rect.setWidth(...)`` then drops ``None``'s
reference count by one; after a few thousand calls (one repaint of a large design) the interpreter
aborts with "none_dealloc: deallocating None". Until the wheel is fixed, give ``None`` the same
practically endless count 3.12 gives it. Importing any editor module applies this once; it does
not import Qt, so headless commands stay Qt-free.
"""

import sys

if sys.version_info < (3, 12):  # pragma: no branch - depends on the interpreter
    import ctypes

    _NONE_REFCOUNT = ctypes.c_ssize_t.from_address(id(None))
    if _NONE_REFCOUNT.value < 1 << 60:
        _NONE_REFCOUNT.value += 1 << 60
