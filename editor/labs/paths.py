"""The traced path behind a flow goal, and handing a flow to the Trace panel so that the canvas
draws it and the panel lists its hops (the same place a trace the user asks for goes)."""

from __future__ import annotations

from labs.grader import GoalResult
from validators.reachability import Flow, FlowError, TraceResult, default_port

__all__ = ["goal_trace", "trace_in_panel"]


def goal_trace(result: GoalResult | None) -> TraceResult | None:
    """The trace that explains ``result``: for an unmet goal the first flow that does not behave as
    the goal expects (the blocked one, or the one that gets through when it must not), else the
    first traced flow. ``None`` for goals that trace nothing."""
    if result is None or not result.traces:
        return None
    if not result.passed:
        wanted = getattr(result.goal.check, "expect", "reachable") == "reachable"
        for trace in result.traces:
            if trace.reachable != wanted:
                return trace
    return result.traces[0]


def trace_in_panel(panel, flow: Flow) -> TraceResult | None:
    """Trace ``flow`` with the Trace panel (:class:`editor.trace_panel.TracePanel`), which draws it
    on the canvas and keeps it up to date while the design is edited."""
    panel.set_ends(flow.source, flow.destination)
    panel.protocol.setCurrentText(flow.protocol)
    try:
        own = default_port(panel.document.diagram, flow.destination)
    except FlowError:
        own = None
    # Keep "the destination's own" port ticked when that is the port, so the panel keeps following
    # the design the way the user set it up.
    panel.auto_port.setChecked(own == flow.port or flow.protocol == "icmp")
    if not panel.auto_port.isChecked():
        panel.port.setValue(flow.port)
    return panel.run()
