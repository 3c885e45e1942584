"""Where the harness finds its inputs: generated designs and templates under ``bench/data/``, made on
first use with :mod:`bench.generate` (so a fresh clone needs no separate step)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .generate import design_paths, template_paths, write_design, write_template

__all__ = ["ROOT", "Context"]

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Context:
    data: Path = ROOT / "bench" / "data"
    results: Path = ROOT / "bench" / "results"
    seed: int = 7
    #: Scales repetitions: 1 for the recorded run, smaller for a quick look.
    effort: float = 1.0

    def repeat(self, n: int) -> int:
        return max(3, int(round(n * self.effort)))

    def design(self, n: int) -> Path:
        """The native design of ``n`` resources (generated if missing)."""
        native, folder = design_paths(self.data, n)
        if not native.exists() or not folder.exists():
            write_design(self.data, n, self.seed)
        return native

    def design_templates(self, n: int) -> list[Path]:
        self.design(n)
        return sorted(design_paths(self.data, n)[1].glob("stack-*.cfn.yaml"))

    def template(self, n: int = 500) -> Path:
        """The single template of exactly ``n`` resources (generated if missing)."""
        template, native = template_paths(self.data, n)
        if not template.exists() or not native.exists():
            write_template(self.data, n, self.seed)
        return template

    def load(self, n: int):
        """The design of ``n`` resources as a Diagram, read with the native loader."""
        from model import native_format
        return native_format.load(str(self.design(n)))
