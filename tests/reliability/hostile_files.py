"""Hostile and broken files of every kind Kumozu reads, written into a folder on demand.

Four formats (a native design, a CloudFormation template in YAML and in JSON, a lab file) each get
the same hostile cases: Python tags whose payloads would create a file, import a module or print if
anything ran them; an alias bomb; a 50 MB file; nesting 10,000 deep; binary garbage; invalid UTF-8;
a NUL byte; the CIDR ``999.1.1.1/8``; a duplicate key; a file from a newer version. Every case is a
small valid document with one thing wrong at a known line, so a test can check that the error names
that line. Nothing large is kept in the repository: the 50 MB files are written when asked for.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

__all__ = ["FORMATS", "HostileCase", "PYTHON_PAYLOADS", "ACTING_PAYLOADS", "PROBE_MODULE",
           "MARKER_NAME", "hostile_cases", "python_tag_cases", "write_probe", "EXECUTED_TEXT",
           "HUGE_BYTES", "NESTING", "BAD_CIDR", "SIZE_LIMITS"]

#: Written by the ``print`` payload if it ever ran; the file holds the two words apart.
EXECUTED_TEXT = "KUMOZU-EXECUTED"
#: A module the ``name``, ``module`` and ``object`` payloads would import; importing it creates
#: the marker file.
PROBE_MODULE = "kumozu_hostile_probe"
HUGE_BYTES = 50 * 1024 * 1024
NESTING = 10_000
BAD_CIDR = "999.1.1.1/8"
MARKER_NAME = "EXECUTED.marker"

#: YAML values that run code under an unsafe loader (``{marker}`` is the file they would create).
#: Every Python tag PyYAML knows is here: the ones that call, import or build objects, and the
#: harmless-looking scalar ones, which are refused all the same.
PYTHON_PAYLOADS = {
    "object-apply-os-system": '!!python/object/apply:os.system ["touch {marker}"]',
    "object-apply-open": '!!python/object/apply:builtins.open ["{marker}", "w"]',
    "object-apply-print": ('!!python/object/apply:builtins.print '
                           '{{args: [KUMOZU, EXECUTED], kwds: {{sep: "-"}}}}'),
    "object-new-map-eval": ('!!python/object/new:tuple [!!python/object/new:map '
                            '[!!python/name:eval , ["open(\'{marker}\', \'w\')"]]]'),
    "object-probe": f"!!python/object:{PROBE_MODULE}.Probe {{{{x: 1}}}}",
    "name-probe": f"!!python/name:{PROBE_MODULE}.touch ''",
    "module-probe": f"!!python/module:{PROBE_MODULE} ''",
    "verbatim-tag": '!<tag:yaml.org,2002:python/object/apply:os.system> ["touch {marker}"]',
    "none": "!!python/none ''",
    "bool": "!!python/bool 'true'",
    "str": "!!python/str text",
    "unicode": "!!python/unicode text",
    "bytes": "!!python/bytes eA==",
    "int": "!!python/int '1'",
    "long": "!!python/long '1'",
    "float": "!!python/float '1.5'",
    "complex": "!!python/complex 1+2j",
    "list": "!!python/list [1]",
    "tuple": "!!python/tuple [1]",
    "dict": "!!python/dict {{a: 1}}",
}
#: The payloads that really do something under an unsafe loader (the rest only build values).
ACTING_PAYLOADS = ("object-apply-os-system", "object-apply-open", "object-apply-print",
                   "object-new-map-eval", "object-probe", "name-probe", "module-probe",
                   "verbatim-tag")

_BOMB = ("[&a [lol, lol, lol, lol, lol, lol, lol, lol, lol], &b [*a, *a, *a, *a, *a, *a, *a, *a, *a], "
         "&c [*b, *b, *b, *b, *b, *b, *b, *b, *b], &d [*c, *c, *c, *c, *c, *c, *c, *c, *c], "
         "&e [*d, *d, *d, *d, *d, *d, *d, *d, *d], &f [*e, *e, *e, *e, *e, *e, *e, *e, *e], "
         "&g [*f, *f, *f, *f, *f, *f, *f, *f, *f], &h [*g, *g, *g, *g, *g, *g, *g, *g, *g], "
         "&i [*h, *h, *h, *h, *h, *h, *h, *h, *h]]")

_LAB_SOLUTION = """\
format: kumozu
version: 1
region: us-east-1
resources:
  vpc: {kind: Vpc, properties: {cidr_blocks: [10.0.0.0/16]}}
  az-a: {kind: AvailabilityZone, parent: vpc, properties: {zone: us-east-1a}}
  web: {kind: Subnet, parent: az-a, properties: {cidr: 10.0.1.0/24}}
"""


# ----------------------------------------------------------------------------- the four formats
@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    #: text(hole, cidr, version, duplicate) -> the document; ``hole`` is a value written where a
    #: name or a story goes, as YAML (or, in JSON, as raw JSON).
    text: Callable[..., str]
    #: The valid ``hole`` value and format version.
    plain_hole: str
    version: str
    #: What the command line is asked to do with the file.
    command: Callable[[Path], list[str]]
    #: Extra files the document needs beside it (a lab's solution).
    companions: dict

    def write(self, folder: Path, stem: str, text: str | bytes) -> Path:
        path = folder / f"{stem}{self.suffix}"
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        for name, body in self.companions.items():
            companion = folder / name
            if not companion.exists():
                companion.write_text(body, encoding="utf-8")
        return path


def _native(hole: str, cidr: str = "10.0.1.0/24", version: str = "1", duplicate: bool = False) -> str:
    twice = "  web:\n    kind: Subnet\n    parent: az-a\n" if duplicate else ""
    return (f"format: kumozu\nversion: {version}\ntitle: hostile input\nregion: us-east-1\n"
            f"resources:\n  vpc:\n    kind: Vpc\n    properties:\n      cidr_blocks: [10.0.0.0/16]\n"
            f"  az-a:\n    kind: AvailabilityZone\n    parent: vpc\n    properties: {{zone: us-east-1a}}\n"
            f"  web:\n    kind: Subnet\n    name: {hole}\n    parent: az-a\n    properties:\n"
            f"      cidr: {cidr}\n{twice}")


def _cfn_yaml(hole: str, cidr: str = "10.0.1.0/24", version: str = "'2010-09-09'",
              duplicate: bool = False) -> str:
    twice = "  Subnet:\n    Type: AWS::EC2::Subnet\n" if duplicate else ""
    return (f"AWSTemplateFormatVersion: {version}\nDescription: hostile input\nResources:\n"
            f"  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n"
            f"  Subnet:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n"
            f"      CidrBlock: {cidr}\n      Tags:\n        - Key: Name\n          Value: {hole}\n"
            f"{twice}")


def _cfn_json(hole: str, cidr: str = "10.0.1.0/24", version: str = '"2010-09-09"',
              duplicate: bool = False) -> str:
    twice = ',\n    "Subnet": {"Type": "AWS::EC2::Subnet"}' if duplicate else ""
    return ("{\n"
            f'  "AWSTemplateFormatVersion": {version},\n'
            '  "Description": "hostile input",\n'
            '  "Resources": {\n'
            '    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},\n'
            '    "Subnet": {\n'
            '      "Type": "AWS::EC2::Subnet",\n'
            '      "Properties": {\n'
            '        "VpcId": {"Ref": "Vpc"},\n'
            f'        "CidrBlock": {json.dumps(cidr)},\n'
            f'        "Tags": [{{"Key": "Name", "Value": {hole}}}]\n'
            "      }\n"
            f"    }}{twice}\n"
            "  }\n"
            "}\n")


def _lab(hole: str, cidr: str = "0.0.0.0/0", version: str = "1", duplicate: bool = False) -> str:
    twice = "    id: again\n" if duplicate else ""
    return (f"format: kumozu-lab\nversion: {version}\nid: hostile\n"
            f"title: {{en: Hostile input, ja: 悪意のある入力}}\n"
            f"story:\n  en: {hole}\n  ja: 物語である．\n"
            f"start: empty\nregion: us-east-1\nsolution: hostile.solution.kumozu.yaml\n"
            f"goals:\n  - id: public-web\n{twice}"
            f"    description: {{en: The web subnet is public., ja: Webサブネットはパブリック．}}\n"
            f"    check:\n      type: subnet\n      subnet:\n        id: web\n"
            f"        has_route: {{destination: {cidr}, target: {{kind: InternetGateway}}}}\n"
            f"      expect: public\n")


def _validate(path: Path) -> list[str]:
    return ["validate", str(path)]


def _check_lab(path: Path) -> list[str]:
    return ["check-lab", str(path), str(path.parent / "hostile.solution.kumozu.yaml")]


FORMATS = {
    "native": Format("native", ".kumozu.yaml", _native, "web subnet", "1", _validate, {}),
    "cfn-yaml": Format("cfn-yaml", ".yaml", _cfn_yaml, "web subnet", "'2010-09-09'", _validate, {}),
    "cfn-json": Format("cfn-json", ".json", _cfn_json, '"web subnet"', '"2010-09-09"', _validate, {}),
    "lab": Format("lab", ".lab.yaml", _lab, "A hostile lab.", "1", _check_lab,
                  {"hostile.solution.kumozu.yaml": _LAB_SOLUTION}),
}


# ----------------------------------------------------------------------------- the cases
@dataclass(frozen=True)
class HostileCase:
    """One hostile file: ``build(folder)`` writes it and returns (path, the line the error must
    name or None, words the message must contain (any one of them))."""

    format: str
    name: str
    build: Callable[[Path], tuple[Path, int | None, tuple[str, ...]]]

    @property
    def id(self) -> str:
        return f"{self.format}-{self.name}"


def _line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)


def write_probe(folder: Path) -> Path:
    """The module the ``name``/``module``/``object`` payloads would import; importing it creates
    the marker. Returns the marker's path."""
    marker = folder / MARKER_NAME
    (folder / f"{PROBE_MODULE}.py").write_text(
        f"from pathlib import Path\nPath({str(marker)!r}).write_text('imported')\n\n"
        f"def touch():\n    Path({str(marker)!r}).write_text('called')\n\n\nclass Probe:\n    pass\n",
        encoding="utf-8")
    return marker


def _python_tag(fmt: Format, payload_name: str):
    def build(folder: Path):
        marker = write_probe(folder)
        payload = PYTHON_PAYLOADS[payload_name].format(marker=marker)
        text = fmt.text(payload)
        path = fmt.write(folder, f"tag-{payload_name}", text)
        words = ("Python code",) if fmt.name != "cfn-json" else ("not valid JSON",)
        return path, _line_of(text, payload.split()[0]), words
    return build


def _tag_directive(fmt: Format):
    """A ``%TAG`` directive that spells the Python tags with a shorthand."""
    def build(folder: Path):
        marker = write_probe(folder)
        body = fmt.text(f'!py!object/apply:os.system ["touch {marker}"]')
        if fmt.name == "cfn-json":  # JSON has no directives: the file is read as YAML
            body = body.replace("{\n", "{", 1)
        text = "%TAG !py! tag:yaml.org,2002:python/\n---\n" + body
        return fmt.write(folder, "tag-directive", text), _line_of(text, "!py!object"), ("Python code",)
    return build


def _alias_bomb(fmt: Format):
    def build(folder: Path):
        text = fmt.text(_BOMB)
        words = ("aliases",) if fmt.name != "cfn-json" else ("not valid JSON",)
        return fmt.write(folder, "alias-bomb", text), _line_of(text, "&a"), words
    return build


def _huge(fmt: Format):
    """50 MB that starts like a proper document of the format and goes on with plausible content."""
    def build(folder: Path):
        path = folder / f"huge{fmt.suffix}"
        for name, body in fmt.companions.items():
            (folder / name).write_text(body, encoding="utf-8")
        head, unit, tail = _huge_parts(fmt)
        count = HUGE_BYTES // len(unit) + 1
        with open(path, "wb") as handle:
            handle.write(head.encode())
            for start in range(0, count, 10_000):
                handle.write("".join(unit.replace("#", str(i))
                                     for i in range(start, min(count, start + 10_000))).encode())
            handle.write(tail.encode())
        return path, None, ("MB",)
    return build


def _huge_parts(fmt: Format) -> tuple[str, str, str]:
    if fmt.name == "native":
        return (_native("big").split("resources:\n")[0] + "resources:\n",
                "  s#:\n    kind: Subnet\n    properties: {cidr: 10.0.1.0/24}\n", "")
    if fmt.name == "cfn-yaml":
        return ("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n",
                "  Subnet#:\n    Type: AWS::EC2::Subnet\n    Properties: {CidrBlock: 10.0.1.0/24}\n", "")
    if fmt.name == "cfn-json":
        return ('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {\n',
                '  "Subnet#": {"Type": "AWS::EC2::Subnet", "Properties": {"CidrBlock": "10.0.1.0/24"}},\n',
                '  "Last": {"Type": "AWS::EC2::VPC"}}}\n')
    return (_lab("big").split("goals:")[0] + "hints:\n", "  - {en: hint #, ja: ヒント#}\n",
            "goals:" + _lab("big").split("goals:")[1])


def _nested(fmt: Format):
    def build(folder: Path):
        text = fmt.text("[" * NESTING + "]" * NESTING)
        return fmt.write(folder, "nested", text), _line_of(text, "[[["), ("nested",)
    return build


def _garbage(fmt: Format):
    """Random bytes, as from a corrupted download or a file renamed by mistake."""
    def build(folder: Path):
        data = random.Random(f"garbage-{fmt.name}").randbytes(64 * 1024)
        return fmt.write(folder, "garbage", data), None, ("NUL", "UTF-8")
    return build


def _garbage_after_header(fmt: Format):
    """A proper first part, then random bytes: a file truncated and overwritten."""
    def build(folder: Path):
        text = fmt.text(fmt.plain_hole).encode()
        cut = text.index(b"\n", len(text) // 2) + 1
        noise = random.Random(f"tail-{fmt.name}").randbytes(4096).replace(b"\x00", b"\x01")
        data = text[:cut] + noise
        line = text[:cut].count(b"\n") + 1
        return fmt.write(folder, "garbage-tail", data), line, ("UTF-8",)
    return build


def _bad_bytes(fmt: Format, stem: str, bad: bytes, words: tuple[str, ...]):
    def build(folder: Path):
        text = fmt.text(fmt.plain_hole)
        line = _line_of(text, fmt.plain_hole)
        needle = fmt.plain_hole.strip('"').encode()
        data = text.encode().replace(needle, needle[:3] + bad + needle[3:], 1)
        return fmt.write(folder, stem, data), line, words
    return build


def _bad_cidr(fmt: Format):
    def build(folder: Path):
        text = fmt.text(fmt.plain_hole, cidr=BAD_CIDR)
        return fmt.write(folder, "bad-cidr", text), _line_of(text, BAD_CIDR), (BAD_CIDR,)
    return build


def _duplicate(fmt: Format):
    def build(folder: Path):
        text = fmt.text(fmt.plain_hole, duplicate=True)
        key = {"native": "  web:", "cfn-yaml": "  Subnet:", "cfn-json": '"Subnet"',
               "lab": "id: again"}[fmt.name]
        lines = [i for i, line in enumerate(text.splitlines(), 1) if line.lstrip().startswith(key.strip())]
        return fmt.write(folder, "duplicate-key", text), lines[-1], ("twice",)
    return build


def _newer(fmt: Format):
    def build(folder: Path):
        version = {"native": "99", "lab": "99", "cfn-yaml": "'2099-12-31'",
                   "cfn-json": '"2099-12-31"'}[fmt.name]
        text = fmt.text(fmt.plain_hole, version=version)
        return fmt.write(folder, "newer", text), _line_of(text, version), ("newer",)
    return build


def _dense(fmt: Format):
    """As many tiny values as fit under the format's size limit: the most work a file that is not
    refused for its size can ask for."""
    def build(folder: Path):
        limit = SIZE_LIMITS[fmt.name] - 4096
        base = fmt.text(fmt.plain_hole)
        count = (limit - len(base)) // 2
        text = fmt.text("[" + "1," * (count - 1) + "1]")
        return fmt.write(folder, "dense", text), None, ("values",)
    return build


def _long_text(fmt: Format):
    """One string as long as the size limit allows."""
    def build(folder: Path):
        limit = SIZE_LIMITS[fmt.name] - 4096
        base = fmt.text(fmt.plain_hole)
        quote = '"' if fmt.name == "cfn-json" else ""
        text = fmt.text(quote + "x" * (limit - len(base)) + quote, cidr=BAD_CIDR)
        return fmt.write(folder, "long-text", text), _line_of(text, BAD_CIDR), (BAD_CIDR,)
    return build


def _huge_number(fmt: Format):
    """An integer of 5,000 digits: more than Python turns into a number from text."""
    def build(folder: Path):
        text = fmt.text("9" * 5000)
        words = ("cannot be read as a whole number",)
        return fmt.write(folder, "huge-number", text), _line_of(text, "9999"), words
    return build


#: The size limits of the formats (native designs, templates, labs).
SIZE_LIMITS = {"native": 32 * 1024 * 1024, "cfn-yaml": 1024 * 1024, "cfn-json": 1024 * 1024,
               "lab": 1024 * 1024}


def hostile_cases() -> list[HostileCase]:
    """Every hostile case of every format, with the acting Python payloads among them (the rest of
    the Python tags are in :func:`python_tag_cases`)."""
    cases = []
    for fmt in FORMATS.values():
        payloads = ("object-apply-os-system", "object-new-map-eval", "module-probe",
                    "object-apply-print") if fmt.name != "cfn-json" else ("object-apply-os-system",)
        for payload in payloads:
            cases.append(HostileCase(fmt.name, f"python-{payload}", _python_tag(fmt, payload)))
        cases += [
            HostileCase(fmt.name, "python-tag-directive", _tag_directive(fmt)),
            HostileCase(fmt.name, "alias-bomb", _alias_bomb(fmt)),
            HostileCase(fmt.name, "50-mb", _huge(fmt)),
            HostileCase(fmt.name, "nesting-10000", _nested(fmt)),
            HostileCase(fmt.name, "binary-garbage", _garbage(fmt)),
            HostileCase(fmt.name, "garbage-after-header", _garbage_after_header(fmt)),
            HostileCase(fmt.name, "invalid-utf8", _bad_bytes(fmt, "invalid-utf8", b"\xff\xfe", ("UTF-8",))),
            HostileCase(fmt.name, "utf8-surrogate", _bad_bytes(fmt, "surrogate", b"\xed\xa0\x80", ("UTF-8",))),
            HostileCase(fmt.name, "nul-byte", _bad_bytes(fmt, "nul", b"\x00", ("NUL",))),
            HostileCase(fmt.name, "bad-cidr", _bad_cidr(fmt)),
            HostileCase(fmt.name, "duplicate-key", _duplicate(fmt)),
            HostileCase(fmt.name, "newer-version", _newer(fmt)),
            HostileCase(fmt.name, "dense-under-size-limit", _dense(fmt)),
            HostileCase(fmt.name, "long-text-under-size-limit", _long_text(fmt)),
            HostileCase(fmt.name, "huge-number", _huge_number(fmt)),
        ]
    return cases


def python_tag_cases() -> list[HostileCase]:
    """Every Python tag in every YAML format (JSON cannot hold a tag)."""
    return [HostileCase(name, f"python-{payload}", _python_tag(FORMATS[name], payload))
            for name in ("native", "cfn-yaml", "lab") for payload in PYTHON_PAYLOADS]
