"""Check `netlead analyze` against NetworkX on published data sets the tests do not use.

Usage::

    .venv/bin/python bench/analysis/verify_published.py [--output bench/analysis/verify_published.md]

For each data set it writes members.csv and ties.csv, runs the real command
(`netlead analyze --members ... --ties ...`, JSON on stdout), and compares every
figure with NetworkX computing it from the same ties. Each undirected edge becomes a
tie source -> target; every fourth edge is reciprocated, so reciprocity is non-trivial.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TOLERANCE = 1e-9


def davis() -> tuple[nx.Graph, dict[Any, str]]:
    """Davis, Gardner & Gardner (1941) Deep South: women and the events they attended."""
    g = nx.davis_southern_women_graph()
    return g, {v: "women" if g.nodes[v]["bipartite"] == 0 else "events" for v in g}


def les_miserables() -> tuple[nx.Graph, dict[Any, str]]:
    """Knuth (1993) co-appearance of characters in Les Miserables; organizations are
    the Louvain groups (seed 1) found by NetworkX."""
    g = nx.les_miserables_graph()
    groups = nx.community.louvain_communities(g, seed=1)
    return g, {v: f"group {i}" for i, c in enumerate(groups) for v in c}


def tutte() -> tuple[nx.Graph, dict[Any, str]]:
    """Tutte (1946) graph; organizations by vertex number modulo 4."""
    g = nx.tutte_graph()
    return g, {v: f"org {v % 4}" for v in g}


def sedgewick_maze() -> tuple[nx.Graph, dict[Any, str]]:
    """Sedgewick's (2001) maze graph; organizations: even and odd vertices."""
    g = nx.sedgewick_maze_graph()
    return g, {v: "even" if v % 2 == 0 else "odd" for v in g}


DATA_SETS: dict[str, Callable[[], tuple[nx.Graph, dict[Any, str]]]] = {
    "Davis southern women (32 members, 89 edges)": davis,
    "Les Miserables (77 members, 254 edges)": les_miserables,
    "Tutte graph (46 members, 69 edges)": tutte,
    "Sedgewick maze (8 members, 10 edges)": sedgewick_maze,
}


def write(graph: nx.Graph, org: dict[Any, str], directory: Path) -> tuple[Path, Path, nx.DiGraph]:
    members, ties = directory / "members.csv", directory / "ties.csv"
    d = nx.DiGraph()
    d.add_nodes_from(str(v) for v in graph)
    with members.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "organization"])
        for v in graph:
            w.writerow([str(v), str(v), org[v]])
    with ties.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "target"])
        for i, (a, b) in enumerate(graph.edges()):
            w.writerow([str(a), str(b)])
            d.add_edge(str(a), str(b))
            if i % 4 == 0:
                w.writerow([str(b), str(a)])
                d.add_edge(str(b), str(a))
    return members, ties, d


def reference(
    d: nx.DiGraph, org: dict[str, str]
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    u = d.to_undirected()
    n = u.number_of_nodes()
    sizes = [len(c) for c in nx.connected_components(u)]
    internal = sum(1 for a, b in u.edges() if org[a] == org[b])
    external = u.number_of_edges() - internal
    network = {
        "members": n,
        "ties": d.number_of_edges(),
        "density": nx.density(d),
        "reciprocity": nx.reciprocity(d),
        "components": nx.number_weakly_connected_components(d),
        "fragmentation": 1 - sum(s * (s - 1) for s in sizes) / (n * (n - 1)),
        "transitivity": nx.transitivity(u),
        "average_clustering": nx.average_clustering(u),
        "cross_organization_share": external / (internal + external),
        "ei_index": (external - internal) / (external + internal),
    }
    groups: dict[str, set[str]] = {}
    for v, o in org.items():
        groups.setdefault(o, set()).add(v)
    network["organization_modularity"] = nx.community.modularity(u, groups.values())
    betweenness = nx.betweenness_centrality(u)
    harmonic = nx.harmonic_centrality(u)
    constraint = nx.constraint(u)
    esize = nx.effective_size(u)
    core = nx.core_number(u)
    cuts = set(nx.articulation_points(u))
    members = {
        v: {
            "degree": u.degree(v),
            "in_degree": d.in_degree(v),
            "out_degree": d.out_degree(v),
            "betweenness": betweenness[v],
            "harmonic_closeness": harmonic[v] / (n - 1),
            "constraint": constraint[v],
            "effective_size": esize[v],
            "core": core[v],
            "cut_point": float(v in cuts),
        }
        for v in u
    }
    return network, members


def _diff(ours: Any, theirs: float) -> float:
    if ours is None:
        return 0.0 if (isinstance(theirs, float) and math.isnan(theirs)) else math.inf
    return abs(float(ours) - float(theirs))


def check(
    name: str, build: Callable[[], tuple[nx.Graph, dict[Any, str]]]
) -> list[tuple[str, str, float]]:
    graph, org = build()
    with tempfile.TemporaryDirectory() as tmp:
        members, ties, d = write(graph, org, Path(tmp))
        done = subprocess.run(
            [
                str(ROOT / ".venv/bin/netlead"),
                "analyze",
                "--members",
                str(members),
                "--ties",
                str(ties),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    out = json.loads(done.stdout)
    net_ref, member_ref = reference(d, {str(v): o for v, o in org.items()})
    rows = [
        (name, f"network.{key}", _diff(out["network"][key], value))
        for key, value in net_ref.items()
    ]
    worst: dict[str, float] = {}
    for m in out["members"]:
        for key, value in member_ref[m["id"]].items():
            ours = float(m[key]) if isinstance(m[key], bool) else m[key]
            worst[key] = max(worst.get(key, 0.0), _diff(ours, value))
    rows += [(name, f"members.{key} (max over members)", diff) for key, diff in worst.items()]
    return rows


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--output", default=str(HERE / "verify_published.md"))
    args = p.parse_args()
    rows = []
    for name, build in DATA_SETS.items():
        rows += check(name, build)
    failures = [r for r in rows if r[2] > TOLERANCE]
    lines = [
        "# `netlead analyze` against NetworkX on published data sets",
        "",
        "Command: `.venv/bin/python bench/analysis/verify_published.py` "
        f"({dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}).",
        "",
        "The data sets are not used by the test suite. For each one the script writes "
        "members.csv and ties.csv, runs `netlead analyze` and compares its JSON with "
        "NetworkX computing the same figure from the same ties (conventions in "
        "docs/analysis.md: harmonic closeness is NetworkX's divided by n - 1; "
        "betweenness, constraint, effective size, clustering, transitivity and k-cores on "
        "the undirected view; density and reciprocity on the directed ties).",
        "",
        f"Result: **{'all figures match' if not failures else f'{len(failures)} mismatches'}** "
        f"(absolute difference <= {TOLERANCE:g}).",
        "",
        "| data set | figure | max absolute difference | match |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {n} | `{k}` | {v:.2e} | {'yes' if v <= TOLERANCE else 'NO'} |" for n, k, v in rows
    ]
    Path(args.output).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
