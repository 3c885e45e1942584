"""The model's words in the user's language: kinds, categories, fields, choices, relations and the
labels of edits ("Add web-a", "Move 3 resources").

English is written in the model itself (``Kind.label``, ``Field.help``...); other languages live in
``model/locale/<language>.yaml``, keyed by stable ids: a kind by its name, a field by its kind and
path (``RouteTable`` / ``routes.target``), a field label also by its English label (one translation
serves every field called "Security groups"), choices, categories and relations by their English
value, edit labels by their English template (``Add {name}``). Anything a catalogue lacks comes back
in English, and :func:`missing_entries` lists what is lacking (the tests fail on any).

Pure Python, no Qt: the command line and the editor both use it.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Mapping

import yaml

from . import kinds as _kinds
from .schema import Field

__all__ = ["LANGUAGES", "normalize_language", "default_language", "catalogue", "read_catalogue",
           "kind_label", "kind_description", "category_label", "field_label", "field_help", "choice_label",
           "relation_label", "edit_label", "field_owner", "TemplatePatterns", "iter_fields", "missing_entries",
           "PLACEHOLDER"]

#: Languages the program speaks; the first is the fallback.
LANGUAGES = ("en", "ja")
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: A ``{name}`` field in a template.
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def normalize_language(value: str | None) -> str:
    """``ja_JP.UTF-8``, ``ja`` -> ``ja``; anything not spoken (or empty) -> ``en``."""
    code = (value or "").strip().replace("-", "_").split("_", 1)[0].split(".", 1)[0].lower()
    return code if code in LANGUAGES else "en"


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the user's locale: the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is
    set (POSIX precedence); ``ja`` when it starts with ``ja``, else ``en``."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return normalize_language(value)
    return "en"


@lru_cache(maxsize=None)
def read_catalogue(directory: Path, language: str) -> dict:
    """``<directory>/<language>.yaml`` read once (empty for English, the language of the sources,
    and for a language with no catalogue). The model and the validators each keep one."""
    if language == "en":
        return {}
    path = directory / f"{language}.yaml"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def catalogue(language: str) -> dict:
    """The model catalogue of ``language`` (empty for English, the language of the model itself)."""
    return read_catalogue(LOCALE_DIR, language)


def _kind_entry(kind_name: str, language: str) -> dict:
    return (catalogue(language).get("kinds") or {}).get(kind_name) or {}


def kind_label(kind_name: str, language: str) -> str:
    """What a kind is called (``NatGateway`` -> "NAT gateway" / "NATゲートウェイ")."""
    english = _kinds.kind(kind_name).label if _kinds.is_kind(kind_name) else kind_name
    return _kind_entry(kind_name, language).get("label") or english


def kind_description(kind_name: str, language: str) -> str:
    english = _kinds.kind(kind_name).description if _kinds.is_kind(kind_name) else ""
    return _kind_entry(kind_name, language).get("description") or english


def category_label(category: str, language: str) -> str:
    return (catalogue(language).get("categories") or {}).get(category) or category


def _field_at(kind_name: str, path: str) -> Field | None:
    if not _kinds.is_kind(kind_name):
        return None
    return _kinds.kind(kind_name).field_at(path)


def field_label(kind_name: str, path: str, language: str, english: str = "") -> str:
    """The label of the field at ``path`` (``routes.target``) of a kind. A kind's own entry wins over
    the shared label table; ``english`` is the English to translate when the caller shows its own
    rendering of the label (the editor writes acronyms in capitals)."""
    field = _field_at(kind_name, path)
    english = english or (field.label if field is not None else path)
    own = ((_kind_entry(kind_name, language).get("fields") or {}).get(path) or {}).get("label")
    if own:
        return own
    labels = catalogue(language).get("field_labels") or {}
    return labels.get(field.label if field is not None else english) or labels.get(english) or english


@lru_cache(maxsize=1)
def _field_owners() -> dict[int, tuple[str, str]]:
    # Kinds are module constants, so a field object stands for one place of one kind.
    return {id(f): (k.name, path) for k in _kinds.ALL_KINDS for path, f in iter_fields(k.fields)}


def field_owner(field: Field) -> tuple[str, str] | None:
    """``(kind name, path)`` of a field object of the model's kinds; None for any other field (the
    editor's own, such as a resource's name)."""
    return _field_owners().get(id(field))


def field_help(kind_name: str, path: str, language: str) -> str:
    field = _field_at(kind_name, path)
    english = field.help if field is not None else ""
    if not english:
        return ""
    own = ((_kind_entry(kind_name, language).get("fields") or {}).get(path) or {}).get("help")
    return own or english


def choice_label(value: str, language: str) -> str:
    """How an enumerated value is shown (``internet-facing`` -> "インターネット向け"); technical
    values without an entry (``HTTPS``, ``t3.micro``) are shown as they are."""
    return (catalogue(language).get("choices") or {}).get(value) or value


def relation_label(relation: str, language: str) -> str:
    return (catalogue(language).get("relations") or {}).get(relation) or relation


class TemplatePatterns:
    """English templates with ``{name}`` fields, each with its translation: a text made from one
    template is recognised and said again in the other language, fields carried over as they are.

    Cost: O(templates) regular-expression matches per text; templates are compiled once.
    """

    def __init__(self, pairs: list[tuple[str, str]]):
        self._compiled = [(self._pattern(en), ja) for en, ja in pairs if en and ja]

    @staticmethod
    def _pattern(template: str) -> re.Pattern:
        out, seen, last = [], set(), 0
        for match in PLACEHOLDER.finditer(template):
            out.append(re.escape(template[last:match.start()]))
            name = match.group(1)
            out.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
            seen.add(name)
            last = match.end()
        out.append(re.escape(template[last:]))
        return re.compile("".join(out), re.DOTALL)

    def translate(self, text: str, convert=None) -> str | None:
        """``text`` in the other language, or None when no template makes it. ``convert(name,
        value)`` may translate a field's value too (a kind label inside a sentence)."""
        for pattern, target in self._compiled:
            match = pattern.fullmatch(text)
            if match is not None:
                values = match.groupdict()
                if convert is not None:
                    values = {k: convert(k, v) for k, v in values.items()}
                return target.format_map(values)
        return None


@lru_cache(maxsize=None)
def _edit_patterns(language: str) -> TemplatePatterns:
    entries = catalogue(language).get("edits") or {}
    return TemplatePatterns(sorted(entries.items(), key=lambda kv: -len(kv[0])))


def edit_label(label: str, language: str) -> str:
    """An undo step's name (``Add web-a``, ``Move 3 resources``) in ``language``; names of
    resources stay as they are, and a label no template makes stays English."""
    if language == "en" or not label:
        return label
    cat = catalogue(language)
    match = _INSTEAD_OF.fullmatch(label)
    if match and cat.get("instead_of"):
        return cat["instead_of"].format(label=edit_label(match.group(1), language),
                                        other=match.group(2))
    translated = _edit_patterns(language).translate(label, lambda _name, value: value)
    if translated is not None:
        return translated
    # A link named by its relation alone: "web-a routes to nat-a" (links.py's last resort).
    for relation, words in sorted((cat.get("relations") or {}).items(), key=lambda kv: -len(kv[0])):
        owner, sep, other = label.partition(f" {relation} ")
        if sep and owner and other:
            return f"{owner}：{other}{words}"
    return label


_INSTEAD_OF = re.compile(r"(.+) \(instead of (.+)\)", re.DOTALL)


def iter_fields(fields, prefix: str = "") -> Iterator[tuple[str, Field]]:
    """Every field and record sub-field as ``(path, field)``: ``routes``, ``routes.target``..."""
    for f in fields:
        path = f"{prefix}{f.name}"
        yield path, f
        yield from iter_fields(f.fields, path + ".")


def missing_entries(language: str) -> list[str]:
    """What the ``language`` catalogue lacks for the model's words; empty when complete."""
    if language == "en":
        return []
    cat = catalogue(language)
    missing = []
    for category in _kinds.CATEGORIES:
        if category not in (cat.get("categories") or {}):
            missing.append(f"category {category!r}")
    labels = cat.get("field_labels") or {}
    choices = cat.get("choices") or {}
    relations = cat.get("relations") or {}
    for k in _kinds.ALL_KINDS:
        entry = _kind_entry(k.name, language)
        if not entry.get("label"):
            missing.append(f"kind {k.name}: label")
        if k.description and not entry.get("description"):
            missing.append(f"kind {k.name}: description")
        own = entry.get("fields") or {}
        for path, f in iter_fields(k.fields):
            if not (own.get(path) or {}).get("label") and f.label not in labels:
                missing.append(f"kind {k.name}: label of field {path} ({f.label!r})")
            if f.help and not (own.get(path) or {}).get("help"):
                missing.append(f"kind {k.name}: help of field {path}")
            if f.relation and f.relation not in relations:
                missing.append(f"relation {f.relation!r}")
            for value in f.choices:
                if value not in choices:
                    missing.append(f"choice {value!r} of {k.name}.{path}")
    return sorted(set(missing))
