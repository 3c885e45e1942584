"""The lab file format (``*.lab.yaml``), read into frozen dataclasses. See ``docs/labs.md``.

::

    format: kumozu-lab
    version: 1
    id: public-private-subnets
    title: {en: Public and private subnets, ja: パブリックサブネットとプライベートサブネット}
    story: {en: ..., ja: ...}
    start: 01-public-private-subnets.start.kumozu.yaml   # or: empty (with region: ...)
    solution: 01-public-private-subnets.solution.kumozu.yaml
    goals:
      - id: web-reachable
        description: {en: ..., ja: ...}
        check: {type: flow, from: internet, to: web, port: 443, expect: reachable}
    hints:
      - {en: ..., ja: ...}
    lesson: [nat-in-private-subnet, https://docs.aws.amazon.com/vpc/latest/userguide/...]

Files are read with :func:`model.yaml_source.read_yaml` (no tags, no aliases, no duplicate keys), and
every problem (an unknown field, a check type that does not exist, a rule id that does not exist, a
start or solution file that is missing) is a :class:`~model.errors.LoadError` naming the file, line
and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from model.diagram import Diagram
from model.documents import open_design
from model.edits import set_metadata
from model.errors import NewerFormatError
from model.files import read_bytes
from model.kinds.networking import REGIONS
from model.yaml_source import LocatedMap, read_yaml
from validators.i18n import rule_title
from validators.registry import all_rules, rule_by_id

from .checks import parse_check
from .reading import Reader, suggest
from .text import LANGUAGES, LocalText

__all__ = ["FORMAT", "VERSION", "Lab", "Goal", "Lesson", "load_lab", "loads_lab", "local_text",
           "is_lab_file", "LAB_SUFFIX"]

FORMAT = "kumozu-lab"
VERSION = 1
LAB_SUFFIX = ".lab.yaml"
#: Lab files are small; anything larger than this is refused before it is read.
MAX_LAB_BYTES = 1024 * 1024
#: The most values a lab file may hold (the built-in labs hold under 200 each); bounds the time and
#: memory a hostile file can cost.
MAX_LAB_VALUES = 50_000

_SECTIONS = ("format", "version", "id", "title", "story", "start", "region", "solution", "goals",
             "hints", "lesson")
_REQUIRED = ("format", "version", "id", "title", "story", "start", "solution", "goals")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_EMPTY = "empty"
_DEFAULT_REGION = "us-east-1"


@dataclass(frozen=True)
class Goal:
    id: str
    description: LocalText
    check: Any  # one of labs.checks' check classes

    @property
    def check_type(self) -> str:
        return self.check.type


@dataclass(frozen=True)
class Lesson:
    """Something to read: a rule's lesson (``rule`` set; its title and AWS page come from the rule's
    metadata) or a page on the web."""

    url: str
    rule: str = ""

    @property
    def title(self) -> str:
        return self.title_in("en")

    def title_in(self, language: str) -> str:
        """The rule's title in ``language`` (a link is its address)."""
        rule = rule_by_id(self.rule) if self.rule else None
        return rule_title(rule, language) if rule is not None else self.url


@dataclass(frozen=True)
class Lab:
    path: Path
    id: str
    title: LocalText
    story: LocalText
    #: The design a student starts from; ``None`` for an empty canvas.
    start: Path | None
    #: The Region of an empty canvas, and of CloudFormation templates graded against the lab
    #: (``None``: the start design's Region).
    region: str | None
    solution: Path
    goals: tuple[Goal, ...]
    hints: tuple[LocalText, ...] = ()
    lesson: tuple[Lesson, ...] = ()

    def goal(self, goal_id: str) -> Goal | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def start_diagram(self) -> Diagram:
        """A fresh copy of the starting design (an empty one in the lab's Region)."""
        if self.start is None:
            diagram = Diagram()
            diagram.apply(set_metadata(diagram, "region", self.region or _DEFAULT_REGION))
            return diagram
        return open_design(str(self.start), self.region).diagram

    def solution_diagram(self) -> Diagram:
        """The reference solution, freshly read."""
        return open_design(str(self.solution), self.region).diagram

    def submission_region(self) -> str:
        """The Region a CloudFormation submission is read in: the lab's, else its start design's."""
        if self.region or self.start is None:
            return self.region or _DEFAULT_REGION
        return self.start_diagram().region


def load_lab(path: str | Path) -> Lab:
    """Read the lab file at ``path``; :class:`LoadError` (file, line, column) when it cannot be."""
    path = Path(path)
    data = read_bytes(path, MAX_LAB_BYTES, "lab file")
    return loads_lab(data, path)


def loads_lab(text: str | bytes, path: str | Path) -> Lab:
    """Read lab YAML ``text`` as if it were the file at ``path`` (start and solution are found next
    to it)."""
    path = Path(path)
    reader = Reader(str(path))
    doc = read_yaml(text, str(path), max_values=MAX_LAB_VALUES)
    if not isinstance(doc, LocatedMap):
        raise reader.fail("a lab file must be a YAML mapping starting with 'format: kumozu-lab'")
    if doc.get("format") != FORMAT:
        raise reader.fail(f"this is not a Kumozu lab: it has no 'format: {FORMAT}' line",
                          doc, "format" if "format" in doc else None)
    version = reader.integer(doc, "version", "'version'", 1) if "version" in doc else None
    if version is not None and version > VERSION:
        raise NewerFormatError(f"this lab was written for a newer Kumozu (lab format version {version}; "
                               f"this one reads up to {VERSION})", str(path), *doc.where("version"))
    reader.known_keys(doc, _SECTIONS, "lab", required=_REQUIRED)
    lab_id = reader.text(doc, "id", "'id'")
    if not _ID.match(lab_id):
        raise reader.fail(f"'id' must be lower-case words joined by hyphens, such as "
                          f"public-private-subnets, not '{lab_id}'", doc, "id")
    start, region = _start(reader, doc, path)
    goals = _goals(reader, doc)
    hints = ()
    if "hints" in doc:
        items = reader.listing(doc, "hints", "'hints'")
        hints = tuple(local_text(reader, items, i, f"hint {i + 1}") for i in range(len(items)))
    return Lab(path=path, id=lab_id, title=local_text(reader, doc, "title", "'title'"),
               story=local_text(reader, doc, "story", "'story'"), start=start, region=region,
               solution=_design_file(reader, doc, "solution", path), goals=goals, hints=hints,
               lesson=_lessons(reader, doc) if "lesson" in doc else ())


def local_text(reader: Reader, container: Any, key: Any, what: str) -> LocalText:
    """``{en: ..., ja: ...}``: both languages, both non-empty."""
    value = reader.mapping(container, key, f"{what} (a mapping with {' and '.join(LANGUAGES)})")
    reader.known_keys(value, LANGUAGES, what, required=LANGUAGES)
    texts = {lang: reader.text(value, lang, f"{what} ({lang})").strip() for lang in LANGUAGES}
    return LocalText(**texts)


def _start(reader: Reader, doc: LocatedMap, path: Path) -> tuple[Path | None, str | None]:
    region = None
    if "region" in doc:
        region = reader.text(doc, "region", "'region'")
        if region not in REGIONS:
            raise reader.fail(f"'region' must be a Region code such as ap-northeast-1, not "
                              f"'{region}'{suggest(region, REGIONS)}", doc, "region")
    if doc.get("start") == _EMPTY:
        return None, region
    return _design_file(reader, doc, "start", path), region


def _design_file(reader: Reader, doc: LocatedMap, key: str, lab_path: Path) -> Path:
    name = reader.text(doc, key, f"'{key}'")
    try:  # a name the system refuses (too long, say) is as missing as one that is not there
        target = (lab_path.parent / name).resolve()
        found = target.is_file()
    except (OSError, ValueError) as exc:
        raise reader.fail(f"'{key}' names {_short(name)}, which is not a usable file name "
                          f"({getattr(exc, 'strerror', None) or exc})", doc, key) from None
    if not found:
        raise reader.fail(f"'{key}' names {name}, which is not a file next to the lab "
                          f"(looked for {target})", doc, key)
    try:
        with open(target, "rb") as handle:  # the first lines say what the file is
            head = handle.read(4096).decode("utf-8", errors="replace")
    except OSError as exc:
        raise reader.fail(f"'{key}' names {name}, which cannot be read ({exc.strerror or exc})",
                          doc, key) from None
    if not re.search(r"^format:\s*['\"]?kumozu['\"]?\s*$", head, re.MULTILINE):
        raise reader.fail(f"'{key}' names {name}, which is not a native Kumozu design "
                          f"(no 'format: kumozu' line)", doc, key)
    return target


def _short(name: str, limit: int = 80) -> str:
    return name if len(name) <= limit else name[:limit] + "…"


def _goals(reader: Reader, doc: LocatedMap) -> tuple[Goal, ...]:
    items = reader.listing(doc, "goals", "'goals'")
    if not items:
        raise reader.fail("a lab needs at least one goal", doc, "goals")
    goals: list[Goal] = []
    seen: dict[str, int] = {}
    for i in range(len(items)):
        what = f"goal {i + 1}"
        entry = reader.mapping(items, i, what)
        reader.known_keys(entry, ("id", "description", "check"), what,
                          required=("id", "description", "check"))
        goal_id = reader.text(entry, "id", f"{what}: id")
        if not _ID.match(goal_id):
            raise reader.fail(f"{what}: id must be lower-case words joined by hyphens, not '{goal_id}'",
                              entry, "id")
        if goal_id in seen:
            raise reader.fail(f"goal id '{goal_id}' is used twice (first by goal {seen[goal_id]})",
                              entry, "id")
        seen[goal_id] = i + 1
        what = f"goal '{goal_id}'"
        goals.append(Goal(goal_id, local_text(reader, entry, "description", f"{what}: description"),
                          parse_check(reader, entry, "check", what)))
    return tuple(goals)


def _lessons(reader: Reader, doc: LocatedMap) -> tuple[Lesson, ...]:
    items = reader.listing(doc, "lesson", "'lesson'")
    known = [r.id for r in all_rules()]
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise reader.fail("each lesson is a rule id or an https:// link", items, i)
        if item.startswith("https://"):
            out.append(Lesson(item))
            continue
        rule = rule_by_id(item)
        if rule is None:
            raise reader.fail(f"lesson: unknown rule '{item}'{suggest(item, known)} (a lesson is a "
                              f"rule id or an https:// link)", items, i)
        out.append(Lesson(rule.docs, rule.id))
    return tuple(out)


def is_lab_file(path: str | Path) -> bool:
    return str(path).endswith(LAB_SUFFIX)

