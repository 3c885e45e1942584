"""Which resources each resource depends on, and the checks CloudFormation makes on that graph:
every name a ``Ref``, ``Fn::GetAtt``, ``Fn::Sub`` or ``DependsOn`` uses must exist, and the
dependencies must not form a cycle.
"""

from __future__ import annotations

import re
from typing import Any, Callable

import networkx as nx

from ..errors import LoadError
from .intrinsics import PSEUDO_PARAMETERS, UNKNOWN
from .source import where

__all__ = ["dependency_graph", "check_cycles", "references_in"]

_SUB_PLACEHOLDER = re.compile(r"\$\{([^}!][^}]*)\}")


def references_in(value: Any, condition: Callable[[str], Any], pos=None):
    """Yield ``(name, (line, column), how)`` for every name ``value`` refers to: ``Ref`` targets,
    ``Fn::GetAtt`` resources and ``Fn::Sub`` placeholders. Branches of ``Fn::If`` whose condition is
    known to be false (or true) are skipped, as CloudFormation skips them. Cost: O(size of value)."""
    stack = [(value, pos)]
    while stack:
        item, here = stack.pop()
        if isinstance(item, dict):
            if len(item) == 1:
                key, args = next(iter(item.items()))
                at = _at(item, key, here)
                if key == "Ref" and isinstance(args, str):
                    yield args, at, "Ref"
                    continue
                if key == "Fn::GetAtt":
                    name = args.partition(".")[0] if isinstance(args, str) else (
                        args[0] if isinstance(args, list) and args else None)
                    if isinstance(name, str):
                        yield name, at, "Fn::GetAtt"
                    if isinstance(args, list) and len(args) > 1:
                        stack.append((args[1], at))
                    continue
                if key == "Fn::Sub":
                    template = args[0] if isinstance(args, list) and args else args
                    variables = args[1] if isinstance(args, list) and len(args) > 1 else {}
                    if isinstance(template, str):
                        for match in _SUB_PLACEHOLDER.finditer(template):
                            name = match.group(1).strip()
                            if isinstance(variables, dict) and name in variables:
                                continue
                            yield name.partition(".")[0] if not name.startswith("AWS::") else name, \
                                at, "Fn::Sub"
                    if isinstance(variables, dict):
                        stack.extend((v, _at(variables, k, at)) for k, v in variables.items())
                    continue
                if key == "Fn::If" and isinstance(args, list) and len(args) == 3:
                    decided = condition(args[0]) if isinstance(args[0], str) else UNKNOWN
                    if decided is UNKNOWN:
                        stack.extend((args[i], _at(args, i, at)) for i in (1, 2))
                    else:
                        stack.append((args[1] if decided else args[2], _at(args, 1 if decided else 2, at)))
                    continue
            stack.extend((v, _at(item, k, here)) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((v, _at(item, i, here)) for i, v in enumerate(item))


def _at(container, key, fallback):
    line, column = where(container, key)
    return (line, column) if line is not None else fallback


def dependency_graph(resources: dict, parameters: dict, condition: Callable[[str], Any],
                     path: str) -> nx.DiGraph:
    """``a -> b`` when resource ``a`` needs ``b`` first. Raises :class:`LoadError` for a name that is
    neither a parameter, a pseudo parameter nor a resource. Cost: O(size of the resources)."""
    graph = nx.DiGraph()
    for name, body in resources.items():
        graph.add_node(name)
        line = where(resources, name)
        for part in ("Properties", "Metadata", "UpdatePolicy", "CreationPolicy"):
            if part not in body:
                continue
            for target, pos, how in references_in(body[part], condition, _at(body, part, line)):
                if target in resources:
                    graph.add_edge(name, target, pos=pos, how=how)
                elif how == "Fn::GetAtt":
                    raise LoadError(f"resource '{name}': Fn::GetAtt names '{target}', which is not a "
                                    f"resource in this template", path, *pos)
                elif target not in parameters and target not in PSEUDO_PARAMETERS:
                    raise LoadError(f"resource '{name}': {how} names '{target}', which is neither a "
                                    f"parameter nor a resource in this template", path, *pos)
        depends = body.get("DependsOn")
        if depends is not None:
            names = depends if isinstance(depends, list) else [depends]
            pos = _at(body, "DependsOn", line)
            for i, target in enumerate(names):
                at = _at(depends, i, pos) if isinstance(depends, list) else pos
                if not isinstance(target, str) or target not in resources:
                    raise LoadError(f"resource '{name}': DependsOn names '{target}', which is not a "
                                    f"resource in this template", path, *at)
                if not graph.has_edge(name, target):
                    graph.add_edge(name, target, pos=at, how="DependsOn")
    return graph


def check_cycles(graph: nx.DiGraph, path: str) -> None:
    """Raise :class:`LoadError` naming the resources of a circular dependency and the line where
    the first of them refers to the next. Cost: O(n + m)."""
    for component in sorted(nx.strongly_connected_components(graph), key=min):
        if len(component) == 1:
            node = next(iter(component))
            if not graph.has_edge(node, node):
                continue
            cycle = [(node, node)]
        else:
            start = min(component)
            cycle = nx.find_cycle(graph.subgraph(component), source=start)
        names = [edge[0] for edge in cycle] + [cycle[0][0]]
        first = graph.edges[cycle[0][0], cycle[0][1]]
        raise LoadError(f"circular dependency between resources: {' → '.join(names)} (resource "
                        f"'{cycle[0][0]}' refers to '{cycle[0][1]}' with {first['how']})", path,
                        *first["pos"])
