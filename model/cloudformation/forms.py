"""Walking template data in its long form: renaming the resources it refers to.

The importer renames logical ids to model ids (a template written by Kumozu keeps ``web-a`` as the
id of ``WebA``); the exporter renames back. Names in ``Ref``, ``Fn::GetAtt`` and ``Fn::Sub``
placeholders are renamed; pseudo parameters, ``Fn::Sub`` variables and ``${!Literal}`` are not.
"""

from __future__ import annotations

import re
from typing import Any, Callable

__all__ = ["rename", "names_in"]

_PLACEHOLDER = re.compile(r"\$\{([^}]*)\}")


def rename(form: Any, new_name: Callable[[str], str | None]) -> Any:
    """``form`` with every resource or parameter name ``n`` it uses replaced by ``new_name(n)``
    (None keeps it). Cost: O(size of form)."""
    if isinstance(form, dict):
        if len(form) == 1:
            key, args = next(iter(form.items()))
            if key == "Ref" and isinstance(args, str):
                return {"Ref": _renamed(args, new_name)}
            if key == "Fn::GetAtt":
                if isinstance(args, str):
                    target, dot, attribute = args.partition(".")
                    return {key: f"{_renamed(target, new_name)}{dot}{attribute}"}
                if isinstance(args, list) and len(args) == 2 and isinstance(args[0], str):
                    return {key: [_renamed(args[0], new_name), rename(args[1], new_name)]}
            if key == "Fn::Sub":
                if isinstance(args, str):
                    return {key: _renamed_sub(args, set(), new_name)}
                if isinstance(args, list) and len(args) == 2 and isinstance(args[0], str) \
                        and isinstance(args[1], dict):
                    variables = {k: rename(v, new_name) for k, v in args[1].items()}
                    return {key: [_renamed_sub(args[0], set(args[1]), new_name), variables]}
        return {k: rename(v, new_name) for k, v in form.items()}
    if isinstance(form, (list, tuple)):
        return [rename(v, new_name) for v in form]
    return form


def names_in(form: Any) -> set[str]:
    """Every resource or parameter name ``form`` uses (pseudo parameters excluded)."""
    found: set[str] = set()

    def collect(name: str) -> None:
        if not name.startswith("AWS::"):
            found.add(name)
        return None

    rename(form, collect)
    return found


def _renamed(name: str, new_name: Callable[[str], str | None]) -> str:
    if name.startswith("AWS::"):
        return name
    replacement = new_name(name)
    return name if replacement is None else replacement


def _renamed_sub(template: str, variables: set, new_name: Callable[[str], str | None]) -> str:
    def replace(match: re.Match) -> str:
        inner = match.group(1)
        name = inner.strip()
        if name.startswith("!") or name in variables or name.startswith("AWS::"):
            return match.group(0)
        target, dot, attribute = name.partition(".")
        return "${" + _renamed(target, new_name) + dot + attribute + "}"
    return _PLACEHOLDER.sub(replace, template)
