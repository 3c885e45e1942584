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
from ..i18n import default_language
from ..locale.trace_story import render_story as localized_story
from ..locale.trace_story import verdict_line
from .story import tls_for

__all__ = ["run_trace", "as_json"]

EXIT_REACHABLE, EXIT_BLOCKED, EXIT_BAD_INPUT = 0, 1, 2


def run_trace(args) -> int:
    """Trace one flow in the design ``args.file`` and print it (``args.format``: text or json)."""
    opened = open_design(args.file, region=getattr(args, "region", None), arrange=False)
    d = opened.diagram
    port = args.port if args.port is not None else default_port(d, args.destination)
    flow = Flow(args.source, args.destination, args.protocol or "tcp", port)
    try:
        result = trace(d, flow)
    except FlowError as exc:
        print(f"kumozu: {args.file}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    language = getattr(args, "language", None) or default_language()
    if getattr(args, "format", "text") == "json":
        sys.stdout.write(_with_localized(as_json(args.file, d, result), d, result, args.file, language))
    else:
        sys.stdout.write(localized_story(d, result, language, args.file))
    return EXIT_REACHABLE if result.reachable else EXIT_BLOCKED


def as_json(path: str, diagram, result) -> str:
    """The JSON document described in docs/tracing.md."""
    tls = tls_for(diagram, result)
    doc = {"file": path, **result.as_dict(), "tls": tls.as_dict() if tls else None}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _with_localized(text: str, d, result, path: str, language: str) -> str:
    """The JSON document with, for a language other than English, ``localized``: the verdict and
    the whole story in that language (the English fields stay as they are)."""
    if language == "en":
        return text
    doc = json.loads(text)
    doc["localized"] = {"language": language, "verdict": verdict_line(d, result, language),
                        "story": localized_story(d, result, language, path)}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
