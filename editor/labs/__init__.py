"""The editor side of the workshops: the Labs dock that grades the open design live.

``install_labs(window)`` adds the dock and the Labs menu to a main window (``window.labs`` is the
:class:`LabsController`). The lab engine itself is Qt-free, in :mod:`labs`.
"""

from .install import LabsController, LabsDock, install_labs
from .language import lab_language
from .panel import LabsPanel
from .paths import goal_trace, trace_in_panel
from .run import LabRun

__all__ = ["install_labs", "LabsController", "LabsDock", "LabsPanel", "LabRun", "lab_language",
           "goal_trace", "trace_in_panel"]
