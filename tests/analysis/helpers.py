"""Shared helpers: NetworkX graphs as netlead networks, and brute-force references."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import networkx as nx

from netlead.analysis import Member, Network, Tie

DATA = Path(__file__).resolve().parent.parent / "data" / "analysis"


def to_network(graph: Any, org: dict[Hashable, str | None] | None = None) -> Network:
    """Members are the nodes (ids as strings), ties the edges (as given, directed)."""
    org = org or {}
    members = tuple(Member(str(v), name=str(v), organization=org.get(v)) for v in graph)
    ties = tuple(Tie(str(a), str(b)) for a, b in graph.edges())
    return Network(members, ties)


def nx_views(network: Network) -> tuple[nx.DiGraph, nx.Graph]:
    d = nx.DiGraph()
    d.add_nodes_from(m.id for m in network.members)
    d.add_edges_from((t.source, t.target) for t in network.ties)
    return d, d.to_undirected(as_view=False)


def fragmentation_of(graph: nx.Graph) -> float:
    n = graph.number_of_nodes()
    if n < 2:
        return 0.0
    return 1.0 - sum(len(c) * (len(c) - 1) for c in nx.connected_components(graph)) / (n * (n - 1))


def brokerage_brute(d: nx.DiGraph, org: dict[str, str | None]) -> dict[str, dict[str, int]]:
    """Gould & Fernandez roles by enumerating every two-path i -> j -> k."""
    roles = {
        v: dict.fromkeys(
            ("coordinator", "gatekeeper", "representative", "consultant", "liaison"), 0
        )
        for v in d
    }
    for j in d:
        for i in d.predecessors(j):
            for k in d.successors(j):
                if i == k or d.has_edge(i, k):
                    continue
                gi, gj, gk = org.get(i), org.get(j), org.get(k)
                if gi is None or gj is None or gk is None:
                    continue
                if gi == gj == gk:
                    role = "coordinator"
                elif gi == gk:
                    role = "consultant"
                elif gi == gj:
                    role = "representative"
                elif gj == gk:
                    role = "gatekeeper"
                else:
                    role = "liaison"
                roles[j][role] += 1
    return roles


# Where the engine emits its message keys: `Finding(key, {params}, ...)` calls, and the
# `add(kind, ...)` calls of the weaving suggestions.
_FINDING_MODULES = ("findings", "compare")
_SUGGESTION_MODULE = "suggestions"


def _strings(node: ast.AST) -> list[str]:
    """The string literals a key expression can take: a literal, or either branch of
    `"a" if c else "b"`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    raise AssertionError(f"line {node.lineno}: cannot read a message key from {ast.dump(node)}")


def _key_values(function: ast.AST, arg: ast.expr) -> list[str]:
    """The keys a call's first argument can take, following a local name to its assignments
    (`key = ... if ... else ...`) or to the first element of the tuples a loop runs over
    (`for key, a, b in (("k", ...), ...)`)."""
    if not isinstance(arg, ast.Name):
        return _strings(arg)
    found: list[str] = []
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == arg.id for t in node.targets
        ):
            found += _strings(node.value)
        if (
            isinstance(node, ast.For)
            and isinstance(node.target, ast.Tuple)
            and isinstance(node.target.elts[0], ast.Name)
            and node.target.elts[0].id == arg.id
        ):
            assert isinstance(node.iter, ast.Tuple), f"line {node.lineno}: loop over a literal"
            found += [s for row in node.iter.elts for s in _strings(row.elts[0])]  # type: ignore[attr-defined]
    assert found, f"line {arg.lineno}: no value found for {arg.id}"
    return found


def _calls(module: str, name: str) -> list[tuple[ast.AST, ast.Call]]:
    source = Path(importlib.import_module(f"netlead.analysis.{module}").__file__ or "")
    tree = ast.parse(source.read_text(), filename=str(source))
    return [
        (function, node)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
    ]


def emitted_finding_keys() -> dict[str, frozenset[str]]:
    """Every finding key the analysis can emit, read from its source, with the names of the
    parameters it passes."""
    keys: dict[str, frozenset[str]] = {}
    for module in _FINDING_MODULES:
        for function, call in _calls(module, "Finding"):
            params = call.args[1]
            assert isinstance(params, ast.Dict), f"{module} line {call.lineno}: literal params"
            names = frozenset(s for k in params.keys if k is not None for s in _strings(k))
            for key in _key_values(function, call.args[0]):
                keys[key] = keys.get(key, frozenset()) | names
    return keys


def emitted_suggestion_kinds() -> set[str]:
    """Every suggestion kind the weaving suggestions can emit, read from their source."""
    return {
        kind
        for function, call in _calls(_SUGGESTION_MODULE, "add")
        for kind in _key_values(function, call.args[0])
    }
