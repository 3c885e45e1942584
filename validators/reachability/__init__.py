"""Path tracing: can A reach B on port P? Answered hop by hop, with AWS's own explanation codes.

Public API (Qt-free; the editor draws :meth:`TraceResult.locations`, the labs grade
:attr:`TraceResult.reachable`):

- :func:`trace` (``diagram, Flow``) -> :class:`TraceResult`; :class:`FlowError` for names, ports or
  protocols that cannot be traced
- :func:`default_port` (``diagram, destination``) -> the port a flow uses when none is given
- :func:`implied_flows` / :func:`implied_results`: the flows the design itself implies, and their
  traces (:class:`ImpliedFlow`, :class:`ImpliedResult`; kept current edit by edit, see
  :mod:`.flowstore`); :func:`forget` drops what tracing remembers about a diagram, and
  :func:`prepare_for_edits` readies it for the first edit (for idle time after opening)
- :func:`tls_paths` (``diagram, entry``) -> :class:`TlsReport` per path: where TLS ends
- :data:`CODES`: every explanation code the evaluator emits, with its meaning and usual fix

See docs/tracing.md.
"""

from __future__ import annotations

from .codes import CODES, Code
from .endpoints import SERVICES, FlowError, default_port
from .evaluator import trace
from .implied import ImpliedFlow, ImpliedResult, implied_flows, implied_results
from .results import Blocked, Check, Direction, Flow, Hop, Path, TraceResult
from .tls import TlsReport, TlsSegment, tls_paths
from .tracking import forget, prepare_for_edits

__all__ = ["trace", "default_port", "Flow", "Hop", "Path", "Blocked", "TraceResult", "Check",
           "Direction", "FlowError", "CODES", "Code", "SERVICES", "implied_flows", "implied_results",
           "ImpliedFlow", "ImpliedResult", "tls_paths", "TlsReport", "TlsSegment", "forget",
           "prepare_for_edits"]
