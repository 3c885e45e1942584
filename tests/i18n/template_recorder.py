"""A pytest plugin (loaded with ``-p tests.i18n.template_recorder``) that records every message
template, parameter value and composed fix the rules emit while their own tests run, and writes them
as JSON to ``$KUMOZU_TEMPLATE_LOG`` at the end. The language tests run the rule tests with it, so a
template composed at run time (``first + _BLOCKERS[...]``) is checked as well as the constants."""

from __future__ import annotations

import json
import os

from validators import rule as _rule

_seen: dict[tuple[str, str], dict] = {}
_original = _rule.Rule.finding


def _recording(self, template, resources, fix=None, **params):
    finding = _original(self, template, resources, fix, **params)
    entry = _seen.setdefault((self.id, template), {"rule": self.id, "template": template, "params": {}})
    for name, value in params.items():
        values = entry["params"].setdefault(name, [])
        if str(value) not in values:
            values.append(str(value))
    return finding


_rule.Rule.finding = _recording


def pytest_sessionfinish(session, exitstatus):
    target = os.environ.get("KUMOZU_TEMPLATE_LOG")
    if target:
        with open(target, "w", encoding="utf-8") as handle:
            json.dump(list(_seen.values()), handle, ensure_ascii=False, indent=1)
