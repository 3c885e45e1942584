"""``kumozu export FILE -o OUT``: the output format follows OUT's suffix.

Text formats (native YAML, CloudFormation) never touch Qt; pictures are drawn offscreen when there
is no display.
"""

from __future__ import annotations

import sys
from pathlib import Path

from model import native_format
from model.documents import open_design
from model.files import atomic_write

__all__ = ["run_export", "output_format"]


def output_format(path: str) -> str | None:
    """``png``, ``svg``, ``pdf``, ``native``, ``cfn-yaml`` or ``cfn-json`` for an output path."""
    name = Path(path).name.lower()
    if name.endswith((".cfn.yaml", ".cfn.yml", ".template.yaml", ".template")):
        return "cfn-yaml"
    if name.endswith((".cfn.json", ".template.json")) or name.endswith(".json"):
        return "cfn-json"
    if name.endswith((".yaml", ".yml")):
        return "native"
    suffix = Path(name).suffix
    return {".png": "png", ".svg": "svg", ".pdf": "pdf"}.get(suffix)


def run_export(args) -> int:
    fmt = output_format(args.output)
    if fmt is None:
        print(f"kumozu: cannot tell the format of '{args.output}': use .png, .svg, .pdf, .yaml "
              f"(native), .cfn.yaml or .cfn.json (CloudFormation)", file=sys.stderr)
        return 2
    if not Path(args.output).resolve().parent.is_dir():
        print(f"kumozu: {args.output}: the folder does not exist", file=sys.stderr)
        return 2
    opened = open_design(args.file, region=args.region)
    try:
        if fmt == "native":
            atomic_write(args.output, native_format.dumps(opened.diagram).encode("utf-8"))
        elif fmt in ("cfn-yaml", "cfn-json"):
            from model import cloudformation
            text = cloudformation.export_template(opened.diagram, "json" if fmt == "cfn-json" else "yaml")
            atomic_write(args.output, text.encode("utf-8"))
        else:
            if args.scale <= 0 or args.scale > 16:
                print("kumozu: --scale must be between 0 and 16", file=sys.stderr)
                return 2
            from .render import render_file
            render_file(opened.diagram, args.output, scale=args.scale)
    except OSError as exc:
        print(f"kumozu: {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # a picture too large to draw, an unknown output suffix
        print(f"kumozu: {args.output}: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.output}")
    return 0
