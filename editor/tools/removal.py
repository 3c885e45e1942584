"""Saying what a deletion takes with it, before it happens (without Qt).

>>> from tests.support.builder import DesignBuilder
>>> b = DesignBuilder()
>>> vpc = b.vpc("vpc"); az = b.az("az-a", vpc); _ = b.subnet("web-a", az, "10.0.1.0/24")
>>> _ = b.add("Instance", "web-1", "web-a"); _ = b.add("Instance", "web-2", "web-a")
>>> describe_removal(b.diagram, ["web-a"])
'Delete subnet web-a? This also removes: 2 EC2 instances.'
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication

from model import kinds as _kinds
from model.diagram import Diagram
from model.edits import plan_removal

from model.i18n import field_label, kind_label

from ..translations import current_language
from .wording import count_of, in_sentence

translate = QCoreApplication.translate

__all__ = ["describe_removal"]

#: How many kinds of contents are named before the rest are counted together.
_KINDS_NAMED = 6



def describe_removal(diagram: Diagram, ids: list[str]) -> str:
    """One question naming what goes: "Delete web-a? This also removes: 2 EC2 instances; clears:
    route table association of app-a; leaves 1 route as a blackhole." Cost: O(removed subtree)."""
    ids = [rid for rid in ids if rid in diagram]
    plan = plan_removal(diagram, ids)
    chosen = set(ids)
    language = current_language()
    first = diagram[ids[0]]
    kind_words = in_sentence(_kinds.kind(first.kind).label) if language == "en" \
        else kind_label(first.kind, language)
    head = (translate("Removal", "Delete %1 %2?").replace("%1", kind_words).replace("%2", first.label)
            if len(ids) == 1
            else translate("Removal", "Delete %1 resources (%2)?").replace("%1", str(len(ids))).replace(
                "%2", _list([diagram[i].label for i in ids], 4)))
    parts = []
    extra = Counter(diagram[rid].kind for rid in plan.resources if rid not in chosen)
    ranked = sorted(extra.items(), key=lambda kv: (-kv[1], kv[0]))
    removed = [count_of(n, _kinds.kind(k).label if language == "en" else kind_label(k, language))
               for k, n in ranked[:_KINDS_NAMED]]
    rest = sum(n for _, n in ranked[_KINDS_NAMED:])
    if rest:
        removed.append((translate("Removal", "%1 other resource") if rest == 1
                        else translate("Removal", "%1 other resources")).replace("%1", str(rest)))
    if plan.relations:
        removed.append(count_of(len(plan.relations), "connection" if language == "en"
                                else translate("Removal", "connection")))
    separator = translate("Removal", ", ")
    if removed:
        parts.append(translate("Removal", "removes: %1").replace("%1", separator.join(removed)))
    cleared = _cleared(diagram, plan.cleared)
    if cleared:
        parts.append(translate("Removal", "clears: %1").replace("%1", _list(cleared, 5)))
    if plan.blackholed:
        n = len(plan.blackholed)
        parts.append((translate("Removal", "leaves %1 route as a blackhole") if n == 1
                      else translate("Removal", "leaves %1 routes as blackholes")).replace("%1", str(n)))
    if not parts:
        return head
    also = translate("Removal", "; ").join(parts)
    return translate("Removal", "%1 This also %2.").replace("%2", also).replace("%1", head)


def _cleared(diagram: Diagram, cleared) -> list[str]:
    """"route table association of app-a", "subnets of web-alb" (each field named once)."""
    out: dict[str, None] = {}
    for source, path in cleared:
        record = diagram[source]
        field = _kinds.kind(record.kind).field_at(path)
        language = current_language()
        if language != "en":
            field_path = ".".join(p for p in path.split(".") if not p.isdigit())
            name = field_label(record.kind, field_path, language)
            out[translate("Removal", "%1 of %2").replace("%1", name).replace("%2", record.label)] = None
            continue
        name = (field.label if field else path).lower()
        single = field is not None and not field.type.value.endswith("list")
        if single and field.relation == "associated with":
            name += " association"
        out[f"{name} of {record.label}"] = None
    return list(out)


def _list(items: list[str], limit: int) -> str:
    separator = translate("Removal", ", ")
    if len(items) <= limit:
        return separator.join(items)
    return separator.join(items[:limit]) + translate("Removal", " and %1 more").replace(
        "%1", str(len(items) - limit))
