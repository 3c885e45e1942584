"""Rules, findings and explanation codes in the user's language.

English is written where the rules are (``Rule.title``, ``fix``, ``lesson``, the message templates
given to ``RULE.finding``); other languages live in ``validators/locale/<language>.yaml``, keyed by
stable ids: a rule by its id, a message by its rule id and English template, an explanation code by
its name. A finding is said in another language by rendering its template's translation with the
finding's own parameters (:meth:`Finding.render`), so resource names and CIDRs never go through
translation; parameters that are words ("inbound", "VPC", "internet") are translated through the
catalogue's ``values``. Whatever a catalogue lacks comes back in English; :func:`missing_entries`
lists it (the tests fail on any), and :func:`static_templates` finds every template written as a
constant in a rule module without running it.

Pure Python, no Qt.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from model import i18n as model_i18n
from model import kinds as _kinds
from model.i18n import LANGUAGES, PLACEHOLDER, default_language, normalize_language, read_catalogue

from .finding import Finding, Severity
from .reachability.codes import CODES
from .rule import Rule

__all__ = ["LANGUAGES", "default_language", "normalize_language", "catalogue", "rule_title",
           "rule_fix", "rule_lesson", "severity_label", "message_template", "finding_message",
           "finding_fix", "code_meaning", "code_fix", "word", "translate_value",
           "static_templates", "missing_entries", "RULES_DIR", "as_text", "localized"]

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
RULES_DIR = Path(__file__).resolve().parent / "rules"


def catalogue(language: str) -> dict:
    """The validators' catalogue of ``language`` (empty for English)."""
    return read_catalogue(LOCALE_DIR, language)


def _rule_entry(rule_id: str, language: str) -> dict:
    return (catalogue(language).get("rules") or {}).get(rule_id) or {}


def _rule_of(rule: Rule | str) -> Rule | None:
    if isinstance(rule, Rule):
        return rule
    from .registry import rule_by_id  # the registry imports every rule module: only when asked
    return rule_by_id(rule)


def _rule_text(rule: Rule | str, part: str, language: str) -> str:
    found = _rule_of(rule)
    rule_id = found.id if found is not None else str(rule)
    english = getattr(found, part, "") if found is not None else ""
    return _rule_entry(rule_id, language).get(part) or english


def rule_title(rule: Rule | str, language: str) -> str:
    return _rule_text(rule, "title", language)


def rule_fix(rule: Rule | str, language: str) -> str:
    return _rule_text(rule, "fix", language)


def rule_lesson(rule: Rule | str, language: str) -> str:
    return _rule_text(rule, "lesson", language)


def severity_label(severity: Severity | str, language: str) -> str:
    value = severity.value if isinstance(severity, Severity) else str(severity)
    return (catalogue(language).get("severities") or {}).get(value) or value


def message_template(rule_id: str, template: str, language: str) -> str | None:
    """The translation of one of a rule's English message templates (None when there is none): the
    rule's own entry, else a known purpose followed by a known blocker (the path rules' messages)."""
    own = (_rule_entry(rule_id, language).get("messages") or {}).get(template)
    if own:
        return own
    parts = catalogue(language).get("message_parts") or {}
    for prefix, prefix_text in (parts.get("prefixes") or {}).items():
        if template.startswith(prefix):
            suffix_text = (parts.get("suffixes") or {}).get(template[len(prefix):])
            if suffix_text:
                return prefix_text + suffix_text
    return None


def word(key: str, language: str, english: str = "") -> str:
    """A word or sentence of the ``words`` table (explanations' and story's fixed texts)."""
    return (catalogue(language).get("words") or {}).get(key) or english or key


#: Parameters whose values are kind words, alone ("Load balancer") or before a name ("route table
#: rt-a"). Any other parameter may hold a resource's name, which is never translated: a subnet a
#: user called "Subnet" keeps that name in every language.
KIND_PARAMETERS = frozenset({"kind", "blocker", "field"})


def translate_value(name: str, value: str, language: str) -> str:
    """A finding parameter in ``language``: words the catalogue's ``values`` table knows for that
    parameter, the internet, and for the :data:`KIND_PARAMETERS` kind labels ("Auto Scaling
    group") and "a kind + a name" ("route table rt-a"); anything else (names, CIDRs, ports) as it
    is."""
    if language == "en":
        return value
    values = catalogue(language).get("values") or {}
    table = values.get(name) or {}
    if value in table:
        return table[value]
    if value in (values.get("*") or {}):
        return values["*"][value]
    if name == "field":  # a field's label, as written inside a sentence ("route table")
        labels = {k.casefold(): v for k, v in (model_i18n.catalogue(language).get("field_labels")
                                                 or {}).items()}
        if value.casefold() in labels:
            return labels[value.casefold()]
    if name not in KIND_PARAMETERS:
        return value
    by_label = _kind_labels()
    if value.casefold() in by_label:
        return model_i18n.kind_label(by_label[value.casefold()], language)
    for label, kind_name in by_label.items():  # "route table rt-a", "NAT gateway nat-a"
        if value.casefold().startswith(label + " ") and len(value) > len(label) + 1:
            return word("kind_and_name", language, "{kind} {name}").format(
                kind=model_i18n.kind_label(kind_name, language), name=value[len(label) + 1:])
    return value


@lru_cache(maxsize=1)
def _kind_labels() -> dict[str, str]:
    # Longest first, so "Egress-only internet gateway x" is not read as "internet gateway".
    pairs = sorted(((k.label.casefold(), k.name) for k in _kinds.ALL_KINDS), key=lambda p: -len(p[0]))
    return dict(pairs)


def finding_message(finding: Finding, language: str) -> str:
    """The finding's message in ``language`` (English when its template has no translation)."""
    if language == "en":
        return finding.message
    template = finding.template or finding.message
    translated = message_template(finding.rule, template, language)
    if translated is None:
        return finding.message
    if not finding.template:
        return translated
    params = {k: translate_value(k, v, language) for k, v in finding.params}
    return translated.format_map(params)


def finding_fix(finding: Finding, language: str) -> str:
    """How to fix the finding in ``language``. A rule's own fix, or a fix written as a constant in
    the catalogue, is translated as it is; a fix the rule composed for this finding (the path
    rules take the tracer's explanation) becomes the explanation code's usual fix followed by the
    rule's fix, which say the same in general words."""
    if language == "en" or not finding.fix:
        return finding.fix
    rule = _rule_of(finding.rule)
    if rule is not None and finding.fix == rule.fix:
        return rule_fix(rule, language)
    fixed = (catalogue(language).get("fixes") or {}).get(finding.fix)
    if fixed:
        return fixed
    code = dict(finding.params).get("code", "")
    general = rule_fix(rule if rule is not None else finding.rule, language)
    if code in CODES:
        return f"{code_fix(code, language)}{word('sentence_gap', language, ' ')}{general}".strip()
    return general or finding.fix


def _code_entry(code: str, language: str) -> dict:
    return (catalogue(language).get("codes") or {}).get(code) or {}


def code_meaning(code: str, language: str) -> str:
    english = CODES[code].meaning if code in CODES else code
    return _code_entry(code, language).get("meaning") or english


def code_fix(code: str, language: str) -> str:
    english = CODES[code].fix if code in CODES else ""
    return _code_entry(code, language).get("fix") or english


def static_templates(rules_dir: Path = RULES_DIR) -> set[tuple[str, str]]:
    """``(rule id, template)`` for every message template a rule module writes as a constant: the
    first argument of ``RULE.finding(...)`` when it is a string, a name bound to a string in the
    module or the function, a conditional between such, or such strings joined with ``+``.
    Templates composed at run time are found by running the rules (the tests do both)."""
    found: set[tuple[str, str]] = set()
    for path in sorted(rules_dir.glob("*.py")):
        if path.name.startswith("_"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rule_id = path.stem.replace("_", "-")
        names = _string_bindings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "finding" and node.args:
                for text in _strings_of(node.args[0], names):
                    found.add((rule_id, text))
    return found


def _string_bindings(tree: ast.AST) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    values = _strings_of(node.value, {})
                    if values:
                        names.setdefault(target.id, set()).update(values)
    return names


def _strings_of(node: ast.AST, names: dict[str, set[str]]) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Name):
        return set(names.get(node.id, ()))
    if isinstance(node, ast.IfExp):
        return _strings_of(node.body, names) | _strings_of(node.orelse, names)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _strings_of(node.left, names), _strings_of(node.right, names)
        return {a + b for a in left for b in right}
    return set()


def missing_entries(language: str, templates: Iterable[tuple[str, str]] = (),
                    rules: Iterable[Rule] | None = None) -> list[str]:
    """What the ``language`` catalogue lacks: for each rule its title, fix and lesson; each message
    template given (``(rule id, template)``) with the same ``{fields}`` as the English; each
    explanation code's meaning and fix. Empty when complete."""
    if language == "en":
        return []
    if rules is None:
        from .registry import all_rules
        rules = all_rules()
    missing = []
    for rule in rules:
        entry = _rule_entry(rule.id, language)
        for part in ("title", "fix", "lesson"):
            if not entry.get(part):
                missing.append(f"rule {rule.id}: {part}")
    for rule_id, template in sorted(set(templates)):
        translated = message_template(rule_id, template, language)
        if not translated:
            missing.append(f"rule {rule_id}: message {template!r}")
        elif set(PLACEHOLDER.findall(translated)) != set(PLACEHOLDER.findall(template)):
            missing.append(f"rule {rule_id}: message {template!r} has other fields in {language}")
    for code in CODES:
        entry = _code_entry(code, language)
        if not entry.get("meaning") or not entry.get("fix"):
            missing.append(f"explanation code {code}")
    for value in Severity:
        if value.value not in (catalogue(language).get("severities") or {}):
            missing.append(f"severity {value.value}")
    return missing


def as_text(path: str, diagram, findings: list[Finding], language: str) -> str:
    """:func:`validators.report.as_text` in ``language``: one line per finding, its fix, a summary."""
    from .report import as_text as english_text, summary, summary_line
    if language == "en":
        return english_text(path, diagram, findings)
    lines = []
    for f in findings:
        where = f.resources[0] if f.resources else "-"
        line = f"{path}: {where}: {severity_label(f.severity, language)} {f.rule}: " \
               f"{finding_message(f, language)}"
        fix = finding_fix(f, language)
        if fix:
            line += "\n    " + word("fix_line", language, "fix: {fix}").format(fix=fix)
        lines.append(line)
    s = summary(findings)
    template = (catalogue(language).get("words") or {}).get("summary")  # None: not translated
    lines.append(f"{path}: " + (template.format(errors=s["errors"], warnings=s["warnings"], infos=s["infos"],
                                                resources=len(diagram)) if template
                                else summary_line(s, len(diagram))))
    return "\n".join(lines) + "\n"


def localized(finding: Finding, language: str) -> dict:
    """The finding's texts in ``language``, as the JSON and SARIF reports add them beside the English
    ``message``: ``{"language", "message", "fix", "title"}``."""
    return {"language": language, "message": finding_message(finding, language),
            "fix": finding_fix(finding, language), "title": rule_title(finding.rule, language)}
