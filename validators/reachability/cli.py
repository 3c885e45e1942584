"""``kumozu trace FILE --from A --to B [--port N] [--protocol tcp|udp|icmp] [--format text|json]``.

Exit status: 0 reachable, 1 not reachable, 2 bad input (an unreadable file, an unknown id, a name
that is not a place traffic starts or ends). Nothing here imports Qt.
"""

from __future__ import annotations

import json
import sys

from model.documents import open_design

from .endpoints import FlowError, default_port
from .evaluator import trace
from .results import Flow
from .story import render_story, tls_for

__all__ = ["run_trace", "as_json"]

EXIT_REACHABLE, EXIT_BLOCKED, EXIT_BAD_INPUT = 0, 1, 2


def run_trace(args) -> int:
    """Trace one flow in the design ``args.file`` and print it (``args.format``: text or json)."""
    opened = open_design(args.file, region=getattr(args, "region", None))
    d = opened.diagram
    port = args.port if args.port is not None else default_port(d, args.destination)
    flow = Flow(args.source, args.destination, args.protocol or "tcp", port)
    try:
        result = trace(d, flow)
    except FlowError as exc:
        print(f"kumozu: {args.file}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if getattr(args, "format", "text") == "json":
        sys.stdout.write(as_json(args.file, d, result))
    else:
        sys.stdout.write(render_story(d, result, args.file))
    return EXIT_REACHABLE if result.reachable else EXIT_BLOCKED


def as_json(path: str, diagram, result) -> str:
    """The JSON document described in docs/tracing.md."""
    tls = tls_for(diagram, result)
    doc = {"file": path, **result.as_dict(), "tls": tls.as_dict() if tls else None}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
