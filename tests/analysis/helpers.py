"""Shared helpers: NetworkX graphs as netlead networks, and brute-force references."""

from __future__ import annotations

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
