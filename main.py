"""Kumozu (雲図): draw AWS network architectures and check them as you draw.

    python main.py                       open the editor on the built-in example
    python main.py FILE                  open a design or a CloudFormation template
    python main.py validate FILE         check a design (exit 0 clean, 1 errors, 2 unreadable)
    python main.py export FILE -o OUT    write PNG, SVG, PDF, native YAML or CloudFormation
    python main.py trace FILE --from A --to B [--port N]
    python main.py check-lab LAB SUBMISSION...

This module only reads the command line and hands over; the commands that do not draw never import
Qt, so they start fast and run anywhere.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUILT_IN_EXAMPLE = HERE / "examples" / "dual-az-web.kumozu.yaml"
COMMANDS = ("validate", "export", "trace", "check-lab", "open")

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    from model.version import __version__

    parser = argparse.ArgumentParser(
        prog="kumozu", description="Draw AWS network architectures and check them as you draw.",
        epilog="Run 'kumozu COMMAND --help' for a command's options. With no command, the editor opens.")
    parser.add_argument("--version", action="version", version=f"Kumozu {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("open", help="open the editor (the default when no command is given)")
    p.add_argument("file", nargs="?", help="a Kumozu design or a CloudFormation template")
    p.add_argument("--region", default=None, help="AWS::Region for templates (default us-east-1)")

    p = sub.add_parser("validate", help="check a design and report findings",
                       description="Check a design. Exit 0 when there are no errors, 1 when there are, "
                                   "2 when the file cannot be read.")
    p.add_argument("file")
    p.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    p.add_argument("--fail-on", choices=("error", "warning"), default="error",
                   help="the lowest severity that makes the exit code 1 (default: error)")
    p.add_argument("--ignore", action="append", default=[], metavar="RULE",
                   help="leave out findings of this rule (repeatable)")
    p.add_argument("--region", default=None, help="AWS::Region for templates (default us-east-1)")
    p.add_argument("--language", choices=("en", "ja"), default=None,
                   help="language of the text output (default: the locale's; JSON and SARIF keep "
                        "English and add a localized field)")

    p = sub.add_parser("export", help="write the design as PNG, SVG, PDF, native YAML or CloudFormation",
                       description="The format follows OUT's suffix: .png .svg .pdf .yaml (native), "
                                   ".cfn.yaml or .cfn.json (CloudFormation).")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    p.add_argument("--scale", type=float, default=2.0, help="PNG pixels per point (default 2)")
    p.add_argument("--region", default=None, help="AWS::Region for templates (default us-east-1)")

    p = sub.add_parser("trace", help="can A reach B? answered hop by hop",
                       description="Trace a flow through the design. Exit 0 reachable, 1 not, 2 bad input.")
    p.add_argument("file")
    p.add_argument("--from", dest="source", required=True, metavar="ID",
                   help="a resource id, internet, or an AWS service (s3, ecr, logs, dynamodb...)")
    p.add_argument("--to", dest="destination", required=True, metavar="ID")
    p.add_argument("--port", type=int, default=None, help="destination port (default: 443, or the "
                   "destination's own port)")
    p.add_argument("--protocol", choices=("tcp", "udp", "icmp"), default="tcp")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--region", default=None)
    p.add_argument("--language", choices=("en", "ja"), default=None,
                   help="language of the story (default: the locale's)")

    p = sub.add_parser("check-lab", help="grade lab submissions (for instructors)")
    p.add_argument("lab")
    p.add_argument("submissions", nargs="+")
    p.add_argument("--format", choices=("text", "csv"), default="text")
    p.add_argument("--language", choices=("en", "ja"), default=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        argv = ["open"] + argv
    args = build_parser().parse_args(argv)
    if args.command in (None, "open"):
        from editor.app import run_editor
        return run_editor(getattr(args, "file", None) or str(BUILT_IN_EXAMPLE),
                          region=getattr(args, "region", None))
    with _collector_for_one_shot():
        return _run_headless(args)


@contextmanager
def _collector_for_one_shot():
    """A headless command builds one design and exits. With Python's default thresholds the cyclic
    garbage collector passed over everything imported and read dozens of times meanwhile (about a
    tenth of ``validate``'s whole run on a 500-resource template) and found almost nothing: what
    is read lives until the end. Collecting every 10,000 allocations instead of 700 keeps cycles
    bounded all the same. Restored afterwards for callers that go on (tests call ``main``)."""
    before = gc.get_threshold()
    gc.set_threshold(10_000, 10, 10)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _run_headless(args) -> int:
    from model.errors import KumozuError, LoadError
    try:
        if args.command == "validate":
            from validators.cli import run_validate
            return run_validate(args)
        if args.command == "export":
            from editor.export_command import run_export
            return run_export(args)
        if args.command == "trace":
            from validators.reachability.cli import run_trace
            return run_trace(args)
        if args.command == "check-lab":
            from labs.cli import run_check_lab
            return run_check_lab(args)
    except LoadError as exc:
        print(f"kumozu: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KumozuError as exc:  # refused for a reason the readers did not locate
        print(f"kumozu: {getattr(args, 'file', None) or getattr(args, 'lab', '')}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug: one line, not a traceback (KUMOZU_DEBUG=1 shows it)
        if os.environ.get("KUMOZU_DEBUG"):
            raise
        print(f"kumozu: internal error ({type(exc).__name__}: {exc}); please report it with the "
              f"input that caused it (KUMOZU_DEBUG=1 shows where)", file=sys.stderr)
        return EXIT_INTERNAL
    return EXIT_BAD_INPUT


#: Commands whose only output is what they print: once it is flushed nothing is left to finish.
_PRINT_ONLY = ("validate", "trace", "check-lab")


def _exit_without_teardown(code: int) -> None:
    """End a print-only command without tearing the interpreter down. Freeing the design, its
    traces, networkx and every module one object at a time took 40-50 ms after ``validate`` on a
    500-resource template had finished (an eighth of its whole run), for a process that is about
    to vanish with all its memory anyway. Output is flushed first; nothing else waits for exit
    (no files are open: print-only commands only read)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a reader that stopped early, a closed stream
        pass
    os._exit(code)


if __name__ == "__main__":
    exit_code = main()
    if len(sys.argv) > 1 and sys.argv[1] in _PRINT_ONLY:
        _exit_without_teardown(exit_code)
    sys.exit(exit_code)
