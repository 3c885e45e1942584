"""Findings as SARIF 2.1.0, the format GitHub code scanning and many editors read.

One run, with Kumozu as the tool and every rule described (title, lesson as help text, the AWS page
as help URI, default level). Each finding becomes one result: its rule, level, message, and a
location per resource involved: the line where the resource is written in the file when it can be
found there (native designs and CloudFormation templates both key resources by id), and always a
logical location naming the resource id. Resources Kumozu adds itself (an implicit main route
table, say) have no line and point at the file as a whole.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from typing import Any

from model.diagram import Diagram
from model.errors import LoadError
from model.files import read_bytes
from model.version import __version__
from model.yaml_source import LocatedMap, read_yaml

from .finding import Finding, Severity
from .registry import all_rules
from .rule import Rule

__all__ = ["as_sarif", "resource_lines", "SARIF_SCHEMA", "LEVELS"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: Files larger than this are not re-read for line numbers (findings then point at the file).
_MAX_BYTES = 64 * 1024 * 1024


def resource_lines(path: str) -> dict[str, int]:
    """Resource id -> the line its entry starts on, read from the design file at ``path``: the keys
    of ``resources:`` in a native design, of ``Resources:`` in a CloudFormation template (YAML or
    JSON). An unreadable file gives no lines, never an error: the findings still stand."""
    try:
        document = read_yaml(read_bytes(path, _MAX_BYTES, "design file"), path,
                             tag_handler=lambda tag, value, line, column: value)
    except (LoadError, OSError):
        return {}
    if not isinstance(document, LocatedMap):
        return {}
    for key in ("resources", "Resources"):
        section = document.get(key)
        if isinstance(section, LocatedMap):
            return {rid: section.where_key(rid)[0] for rid in section if isinstance(rid, str)}
    return {}


def _uri(path: str) -> dict[str, Any]:
    """An artifactLocation: relative paths stay relative (to %SRCROOT%, as code scanning expects);
    absolute ones become file URIs."""
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": PurePath(path).as_posix(), "uriBaseId": "%SRCROOT%"}


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.lesson},
        "help": {"text": f"{rule.lesson}\nFix: {rule.fix}\nAWS documentation: {rule.docs}",
                 "markdown": f"{rule.lesson}\n\n**Fix:** {rule.fix}\n\n[AWS documentation]({rule.docs})"},
        "helpUri": rule.docs,
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["aws", "network", rule.severity.value]},
    }


def _location(artifact: dict, rid: str, diagram: Diagram, lines: dict[str, int]) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": dict(artifact, index=0)}
    if rid in lines:
        physical["region"] = {"startLine": lines[rid]}
    record = diagram.get(rid)
    logical = {"name": rid, "fullyQualifiedName": rid, "kind": "resource"}
    location: dict[str, Any] = {"physicalLocation": physical, "logicalLocations": [logical]}
    if record is not None and record.label != rid:
        location["message"] = {"text": record.label}
    return location


def as_sarif(path: str, diagram: Diagram, findings: list[Finding]) -> str:
    """The SARIF 2.1.0 log of ``findings`` for the design read from ``path``."""
    rules = list(all_rules())
    index = {rule.id: i for i, rule in enumerate(rules)}
    artifact = _uri(path)
    lines = resource_lines(path)
    results = []
    for finding in findings:
        locations = [_location(artifact, rid, diagram, lines) for rid in finding.resources] or \
            [{"physicalLocation": {"artifactLocation": dict(artifact, index=0)}}]
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": locations[:1],
            "partialFingerprints": {"kumozu/v1": "|".join((finding.rule, *finding.resources))},
            "properties": {"resources": list(finding.resources), "fix": finding.fix},
        }
        if finding.rule in index:
            result["ruleIndex"] = index[finding.rule]
        if len(locations) > 1:
            result["relatedLocations"] = [dict(loc, id=i) for i, loc in enumerate(locations[1:], 1)]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "Kumozu", "version": __version__, "semanticVersion": __version__,
                                "rules": [_rule_descriptor(r) for r in rules]}},
            "artifacts": [{"location": artifact, "roles": ["analysisTarget"]}],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
