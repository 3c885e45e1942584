"""The editor: everything that uses Qt.

PySide6-Essentials 6.12.0 built for CPython 3.11 returns ``None`` from every void method without
taking a reference to it (CPython 3.12 made ``None`` immortal, so the missing ``Py_INCREF`` only
matters before 3.12). Each ``painter.drawRect(...)`` then drops ``None``'s reference count by one;
after a few thousand calls (one repaint of a large design) the interpreter aborts with
"none_dealloc: deallocating None". setup.cfg excludes that release; should it be installed anyway,
``None`` gets the practically endless count 3.12 gives it. The check reads package metadata only,
so importing the editor package does not import Qt and headless commands stay Qt-free.
"""

import sys


def _guard_none_refcount() -> None:
    if sys.version_info >= (3, 12):
        return
    from importlib import metadata
    try:
        version = metadata.version("PySide6-Essentials")
    except metadata.PackageNotFoundError:
        try:
            version = metadata.version("PySide6")
        except metadata.PackageNotFoundError:
            return
    if version != "6.12.0":
        return
    import ctypes
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < 1 << 60:
        refcount.value += 1 << 60


_guard_none_refcount()
