"""Path tracing: can A reach B on port P? Answered hop by hop, with AWS's own explanation codes.

Public API (Qt-free; the editor draws :meth:`TraceResult.locations`, the labs grade
:attr:`TraceResult.reachable`):

- :func:`trace` (``diagram, Flow``) -> :class:`TraceResult`
- :func:`default_port` (``diagram, destination``) -> the port a flow uses when none is given
- :func:`implied_flows` / :func:`implied_results`: the flows the design itself implies, and their
  traces (cached per diagram revision)
- :func:`tls_paths` (``diagram, entry``) -> where TLS ends along each path from ``entry``
- :data:`CODES`: every explanation code the evaluator emits
"""

from __future__ import annotations

from .codes import CODES, Code
from .endpoints import SERVICES, FlowError, default_port
from .evaluator import trace
from .results import Blocked, Check, Direction, Flow, Hop, Path, TraceResult

__all__ = ["trace", "default_port", "Flow", "Hop", "Path", "Blocked", "TraceResult", "Check",
           "Direction", "FlowError", "CODES", "Code", "SERVICES"]
