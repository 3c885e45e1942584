"""Writing template data: YAML with CloudFormation's short-form tags, JSON with the long forms, and
one-line expressions for values kept symbolic.

Template data here is plain dicts and lists with intrinsics in their long form
(``{"Fn::GetAtt": ["Alb", "DNSName"]}``); :func:`dump_yaml` writes ``!GetAtt Alb.DNSName``. Short forms
cannot be stacked directly (``!Base64 !Sub ...`` is not valid YAML), so a function whose single
argument is itself a function keeps its long name: ``Fn::Base64: !Sub ...``.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from ..errors import LoadError
from ..yaml_source import read_yaml
from .source import INTRINSIC_FUNCTIONS, template_tags

_STR = "tag:yaml.org,2002:str"

__all__ = ["dump_yaml", "dump_json", "expression", "parse_expression"]


class _Tagged:
    __slots__ = ("tag", "value")

    def __init__(self, tag: str, value: Any):
        self.tag, self.value = tag, value


class _Dumper(yaml.SafeDumper):
    """Block style, keys in the order given, long text as literal blocks, and short-form tags on
    plain scalars (``!Ref Vpc``, not PyYAML's ``!Ref 'Vpc'``)."""

    def choose_scalar_style(self):
        event = self.event
        if self.analysis is None:
            self.analysis = self.analyze_scalar(event.value)
        if (not event.style and event.tag and event.tag.startswith("!") and not event.implicit[0]
                and not self.analysis.empty
                and not self.analysis.multiline and self.analysis.allow_flow_plain
                and self.analysis.allow_block_plain
                and self.resolve(yaml.ScalarNode, event.value, (True, False)) == _STR):
            return ""
        return super().choose_scalar_style()


class _FlowDumper(_Dumper):
    """The same representers, used with flow style for one-line expressions."""


def _represent_tagged(dumper, data: _Tagged):
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=True)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value.items())
    text = data.value if isinstance(data.value, str) else str(data.value)
    return dumper.represent_scalar(data.tag, text, style="|" if "\n" in text else None)


def _represent_str(dumper, data: str):
    style = "|" if "\n" in data and not data.endswith((" ", "\t")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def _represent_dict(dumper, data: dict):
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items())


def _represent_float(dumper, data: float):
    if data == int(data):
        return dumper.represent_int(int(data))
    return dumper.represent_scalar("tag:yaml.org,2002:float", repr(data))


for _cls in (_Dumper, _FlowDumper):
    _cls.add_representer(_Tagged, _represent_tagged)
    _cls.add_representer(str, _represent_str)
    _cls.add_representer(dict, _represent_dict)
    _cls.add_representer(float, _represent_float)


def _short(value: Any) -> Any:
    """Template data with intrinsics turned into tagged values, ready for the YAML dumper."""
    if isinstance(value, dict):
        if len(value) == 1:
            name, args = next(iter(value.items()))
            if name in INTRINSIC_FUNCTIONS:
                return _short_function(name, args)
        return {k: _short(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_short(v) for v in value]
    return value


def _short_function(name: str, args: Any) -> Any:
    tag = "!" + (name[4:] if name.startswith("Fn::") else name)
    if name == "Fn::GetAtt" and isinstance(args, (list, tuple)) and len(args) == 2 \
            and all(isinstance(a, str) for a in args):
        return _Tagged(tag, f"{args[0]}.{args[1]}")
    if isinstance(args, dict) and len(args) == 1 and next(iter(args)) in INTRINSIC_FUNCTIONS:
        return {name: _short(args)}  # a short form may not hold another short form directly
    if isinstance(args, (list, tuple)):
        return _Tagged(tag, [_short(a) for a in args])
    if isinstance(args, dict):
        return _Tagged(tag, {k: _short(v) for k, v in args.items()})
    if isinstance(args, bool):
        return _Tagged(tag, "true" if args else "false")
    return _Tagged(tag, args)


def dump_yaml(template: dict) -> str:
    """The template as block YAML with short-form intrinsics."""
    return yaml.dump(_short(template), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100, indent=2)


def dump_json(template: dict) -> str:
    """The template as indented JSON with long-form intrinsics."""
    return json.dumps(template, indent=2, ensure_ascii=False) + "\n"


def expression(form: Any) -> str:
    """A value kept symbolic, as one line of short-form YAML: ``!Ref KeyName``,
    ``!Sub 'arn:aws:s3:::${Bucket}/*'``. :func:`parse_expression` reads it back.

    Remembered for the common small forms (one function of text, ``{"Ref": "LatestAmiId"}``): a
    template repeats the same few (every instance's ``!Ref LatestAmiId``), and each YAML dump costs
    about a tenth of a millisecond, which on a 500-resource template was a tenth of ``validate``'s
    whole run."""
    key = _memo_key(form)
    if key is None:
        return _expression(form)
    text = _EXPRESSIONS.get(key)
    if text is None:
        if len(_EXPRESSIONS) >= _EXPRESSIONS_KEPT:
            _EXPRESSIONS.clear()
        text = _EXPRESSIONS[key] = _expression(form)
    return text


def _memo_key(form: Any) -> tuple | None:
    """A key that only equal forms share: a one-entry dict whose value is text or a list of texts
    (exact types: a subclass might be written differently)."""
    if type(form) is not dict or len(form) != 1:
        return None
    (name, args), = form.items()
    if type(name) is not str:
        return None
    if type(args) is str:
        return name, args
    if type(args) is list and all(type(a) is str for a in args):
        return name, tuple(args)
    return None


_EXPRESSIONS: dict[tuple, str] = {}
_EXPRESSIONS_KEPT = 4096


def _expression(form: Any) -> str:
    text = yaml.dump(_short(form), Dumper=_FlowDumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=True, width=1_000_000)
    text = text.strip()
    if text.endswith("\n..."):
        text = text[:-4].rstrip()
    elif text.endswith("..."):
        text = text[:-3].rstrip()
    return text.replace("\n", " ")


def parse_expression(text: str) -> Any:
    """The template data an :func:`expression` stands for, or the text itself when it is not one
    (a value someone typed by hand)."""
    try:
        value = read_yaml(text, "<expression>", tag_handler=template_tags("<expression>"))
    except LoadError:
        return text
    return _plain(value)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
