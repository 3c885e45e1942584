"""Finds every rule module under ``validators/rules``."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from . import rules as _rules_package
from .rule import Rule

__all__ = ["all_rules", "rule_by_id"]


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule, ordered by id. Each module in ``validators.rules`` must define ``RULE``."""
    found = []
    for info in pkgutil.iter_modules(_rules_package.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{_rules_package.__name__}.{info.name}")
        rule = getattr(module, "RULE", None)
        if not isinstance(rule, Rule):
            raise TypeError(f"validators/rules/{info.name}.py defines no RULE")
        found.append(rule)
    return tuple(sorted(found, key=lambda r: r.id))


def rule_by_id(rule_id: str) -> Rule | None:
    for rule in all_rules():
        if rule.id == rule_id:
            return rule
    return None
