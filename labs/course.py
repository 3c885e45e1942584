"""The built-in course: the labs shipped in ``labs/course/``, in the order they are taught.

Each lab is ``NN-name.lab.yaml`` with its start design and reference solution beside it
(``NN-name.start.kumozu.yaml``, ``NN-name.solution.kumozu.yaml``); the number gives the order.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from model.errors import LoadError

from .format import LAB_SUFFIX, Lab, load_lab

__all__ = ["COURSE_DIR", "course_files", "load_course", "course_lab", "find_lab"]

COURSE_DIR = Path(__file__).resolve().parent / "course"


def course_files() -> list[Path]:
    """The course's lab files, in teaching order."""
    return sorted(COURSE_DIR.glob(f"*{LAB_SUFFIX}"))


@lru_cache(maxsize=1)
def load_course() -> tuple[Lab, ...]:
    """Every lab of the built-in course, read once. Labs are frozen, so sharing them is safe."""
    return tuple(load_lab(path) for path in course_files())


def course_lab(lab_id: str) -> Lab | None:
    """The built-in lab with this id, or ``None``."""
    return next((lab for lab in load_course() if lab.id == lab_id), None)


def find_lab(name: str) -> Lab:
    """A lab named on the command line: a lab file, or the id of a built-in lab. Raises
    :class:`LoadError` naming what was looked for."""
    path = Path(name)
    if path.exists() or name.endswith((".yaml", ".yml")) or "/" in name or "\\" in name:
        return load_lab(path)
    lab = course_lab(name)
    if lab is None:
        ids = ", ".join(lab.id for lab in load_course())
        raise LoadError(f"no lab file or built-in lab called '{name}' (built-in labs: {ids})", name)
    return lab
