"""Generate realistic AWS network designs of a given size, as native YAML and as CloudFormation.

    python bench/generate.py --resources 1000 --out bench/data/
    python bench/generate.py --template-resources 500 --out bench/data/

The first writes ``design-1000.kumozu.yaml`` (exactly 1,000 resources, laid out) and
``design-1000.cfn/stack-NN.cfn.yaml`` (the same network as templates of at most 500 resources each).
The second writes ``template-500.cfn.yaml``, one template of exactly 500 resources, and
``template-500.kumozu.yaml``, the same network as a native design. The same size and seed always
give the same bytes. See :mod:`bench.plan` for what the designs contain.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    __package__ = "bench"

from bench.cfn_writer import count_cfn, template_text, templates  # noqa: E402
from bench.native_writer import build_diagram, native_text  # noqa: E402
from bench.plan import DesignPlan, make_plan, template_plan  # noqa: E402

__all__ = ["make_plan", "template_plan", "build_diagram", "native_text", "templates", "write_design",
           "write_template", "design_paths", "template_paths", "main"]


def design_paths(out: Path, resources: int) -> tuple[Path, Path]:
    """Where :func:`write_design` puts the native file and the template folder."""
    return out / f"design-{resources}.kumozu.yaml", out / f"design-{resources}.cfn"


def template_paths(out: Path, resources: int) -> tuple[Path, Path]:
    """Where :func:`write_template` puts the template and its native twin."""
    return out / f"template-{resources}.cfn.yaml", out / f"template-{resources}.kumozu.yaml"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def write_design(out: Path, resources: int, seed: int = 7) -> DesignPlan:
    plan = make_plan(resources, seed)
    native, folder = design_paths(out, resources)
    _write(native, native_text(plan))
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("stack-*.cfn.yaml"):
        stale.unlink()
    for name, text in templates(plan):
        _write(folder / name, text)
    return plan


def write_template(out: Path, resources: int, seed: int = 7) -> DesignPlan:
    plan = template_plan(resources, seed)
    template, native = template_paths(out, resources)
    _write(template, template_text(plan.stacks[0], seed))
    _write(native, native_text(plan))
    return plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/generate.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--resources", type=int, action="append", default=[], metavar="N",
                        help="native resources in the design (repeatable)")
    parser.add_argument("--template-resources", type=int, action="append", default=[], metavar="M",
                        help="resources in a single template, at most 500 (repeatable)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=Path("bench/data"))
    args = parser.parse_args(argv)
    if not args.resources and not args.template_resources:
        parser.error("give --resources N and/or --template-resources M")
    try:
        for n in args.resources:
            plan = write_design(args.out, n, args.seed)
            sizes = ", ".join(str(count_cfn(s)) for s in plan.stacks)
            print(f"{design_paths(args.out, n)[0]}: {n} resources, {len(plan.vpcs)} VPCs; "
                  f"{len(plan.stacks)} templates of {sizes} resources")
        for m in args.template_resources:
            plan = write_template(args.out, m, args.seed)
            print(f"{template_paths(args.out, m)[0]}: {m} resources, {len(plan.vpcs)} VPCs")
    except ValueError as exc:
        print(f"generate: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
