"""Helpers for the CloudFormation tests: fixture templates, model comparison, cfn-lint."""

from __future__ import annotations

from pathlib import Path

from model.cloudformation import load_template

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cloudformation"

#: The fixture templates written in the style of AWS's public samples (the large generated one is
#: tested on its own, being slow to lint).
SAMPLE_TEMPLATES = ("two-az-vpc.yaml", "ecs-fargate-alb.yaml", "serverless-api.yaml",
                    "static-site.yaml", "vpc-peering.yaml", "app-stack-imports.json")


def load(text: str, path: str = "t.yaml", region: str = "us-east-1"):
    """Import template text; returns the ImportResult."""
    return load_template(text.encode("utf-8"), path, region)


def load_fixture(name: str, region: str = "us-east-1"):
    path = FIXTURES / name
    return load_template(path.read_bytes(), str(path), region)


def model_differences(a, b) -> list[str]:
    """How two diagrams differ in resources, kinds, names, parents, properties (references
    included) and relations; layout is not compared."""
    out = []
    for record in a:
        other = b.get(record.id)
        if other is None:
            out.append(f"{record.id} ({record.kind}) is missing")
            continue
        for attribute in ("kind", "name", "parent"):
            if getattr(record, attribute) != getattr(other, attribute):
                out.append(f"{record.id}.{attribute}: {getattr(record, attribute)!r} != "
                           f"{getattr(other, attribute)!r}")
        for key, value in record.properties.items():
            if other.properties.get(key) != value:
                out.append(f"{record.id}.{key}: {value!r} != {other.properties.get(key)!r}")
    out.extend(f"{other.id} ({other.kind}) is extra" for other in b if other.id not in a)
    relations = lambda d: sorted((r.id, r.kind, r.source, r.target, tuple(sorted(r.properties.items())))
                                 for r in d.relations())
    if relations(a) != relations(b):
        out.append("relations differ")
    return out


def lint_errors(text: str, region: str = "us-east-1") -> list[str]:
    """cfn-lint's errors (not warnings) for a template, as 'Exxxx message' lines."""
    from cfnlint.api import ManualArgs, lint
    matches = lint(text, config=ManualArgs(regions=[region]))
    return [f"{m.rule.id} {m.message} (line {m.linenumber})" for m in matches
            if m.rule.id.startswith("E")]


def lint_warnings(text: str, region: str = "us-east-1") -> list[str]:
    from cfnlint.api import ManualArgs, lint
    matches = lint(text, config=ManualArgs(regions=[region]))
    return [f"{m.rule.id} {m.message} (line {m.linenumber})" for m in matches
            if m.rule.id.startswith("W")]
