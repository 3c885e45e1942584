"""Helpers the type mappers share."""

from __future__ import annotations

from typing import Any

from ...schema import Unresolved
from ..context import Draft, ImportContext
from ..dumper import expression
from ..intrinsics import ResourceRef, to_form
from ..values import flag, is_unknown, number, text, unresolved

__all__ = ["choice", "get_text", "get_number", "get_flag", "generic", "is_ref_to", "fold_target",
           "plan_fold"]


def choice(ctx: ImportContext, logical: str, what: str, value: Any, choices: tuple[str, ...],
           default: str, spellings: dict[str, str] | None = None) -> Any:
    """An ENUM value: ``spellings`` maps template spellings (``Interface``) to the model's
    (``interface``); anything else is kept as written and noted."""
    if value is None:
        return default
    if is_unknown(value):
        return unresolved(value)
    written = text(value) if not isinstance(value, (list, dict)) else None
    if written is None:
        ctx.note(logical, f"{what}: expected a single value; {default} is used")
        return default
    spelled = (spellings or {}).get(written, written)
    if spelled in choices:
        return spelled
    ctx.note(logical, f"{what} '{written}' is not one Kumozu models ({', '.join(choices)}); it is "
                      f"kept as written")
    return Unresolved(expression(written))


def get_text(ctx: ImportContext, logical: str, props: dict, key: str, default: str = "") -> Any:
    return ctx.attempt(logical, key, text, props.get(key), default)


def get_number(ctx: ImportContext, logical: str, props: dict, key: str, default: int = 0) -> Any:
    return ctx.attempt(logical, key, number, props.get(key), default)


def get_flag(ctx: ImportContext, logical: str, props: dict, key: str, default: bool = False) -> Any:
    return ctx.attempt(logical, key, flag, props.get(key), default)


def is_ref_to(ctx: ImportContext, value: Any, *types: str) -> bool:
    """Whether ``value`` is a Ref/GetAtt naming a template resource of one of ``types``."""
    if not isinstance(value, ResourceRef):
        return False
    logical = ctx.logical_of(value.id)
    body = ctx.resources.get(logical)
    return body is not None and body["Type"] in types


def fold_target(ctx: ImportContext, value: Any, kind: str) -> Draft | None:
    """The draft a folding resource adds to (the route table of a route...), if it is one of
    ``kind`` created from this template."""
    rid = ctx.target(value)
    if rid is None:
        return None
    draft = ctx.drafts.get(rid)
    return draft if draft is not None and draft.kind == kind else None


def plan_fold(key: str, *types: str):
    """A plan function: fold when property ``key`` names a template resource of ``types``, else
    keep the resource generic (it then refers to something outside the template)."""
    def plan(ctx: ImportContext, logical: str):
        return None if is_ref_to(ctx, ctx.props(logical).get(key), *types) else "GenericResource"
    return plan


def generic(ctx: ImportContext, logical: str) -> Draft:
    """A resource Kumozu does not model: its type and its properties, evaluated as far as the
    template allows, kept verbatim."""
    props = to_form(ctx.props(logical))
    return ctx.new(logical, resource_type=ctx.type_of(logical), cfn_properties=props)

