"""Benchmark of the network diagnosis: netlead vs the bare igraph calls vs NetworkX.

Usage::

    .venv/bin/python bench/analysis/run.py [--sizes small,medium,large] [--repeat 5]
        [--nx-timeout 600] [--output bench/analysis/RESULTS.md]

Every measurement runs in a fresh subprocess that generates the (seeded) network,
runs the work ``repeat`` times and reports the median wall time and its own peak
resident set size (``ru_maxrss``). NetworkX runs once per size, with a time limit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from generate import SIZES, generate, write_csv  # noqa: E402

SEED = 1


def _settings(size: str, variant: str) -> int:
    """The exact limit of a variant: the default (2,000), or every member ("exact")."""
    from netlead.analysis.centrality import DEFAULT_EXACT_LIMIT

    if variant == "exact":
        return SIZES[size][0]
    return DEFAULT_EXACT_LIMIT


# --- the three engines --------------------------------------------------------------


def run_netlead(net: Any, exact_limit: int) -> None:
    from netlead.analysis import diagnose, to_dict

    to_dict(diagnose(net, seed=SEED, exact_limit=exact_limit))


def run_igraph(net: Any, exact_limit: int) -> None:
    """The bare igraph calls behind the same metrics (no Python post-processing)."""
    import random

    import igraph as ig

    index = {m.id: i for i, m in enumerate(net.members)}
    n = len(index)
    g = ig.Graph(n=n, edges=[(index[t.source], index[t.target]) for t in net.ties], directed=True)
    u = g.as_undirected(mode="collapse")
    g.density()
    g.reciprocity()
    g.connected_components(mode="weak").sizes()
    u.degree()
    g.indegree()
    g.outdegree()
    u.transitivity_undirected()
    u.transitivity_local_undirected(mode="zero")
    u.constraint()
    u.coreness()
    ig.set_random_number_generator(random.Random(SEED))
    membership = u.community_leiden(objective_function="modularity", n_iterations=-1).membership
    ig.set_random_number_generator(random)
    u.modularity(membership)
    orgs = {o: i for i, o in enumerate(sorted({m.organization for m in net.members}))}
    org_membership = [orgs[m.organization] for m in net.members]
    u.modularity(org_membership)
    ig.compare_communities(org_membership, membership, method="nmi")
    u.biconnected_components(return_articulation_points=True)
    if n <= exact_limit:
        u.betweenness(directed=False)
        u.harmonic_centrality()
    else:
        _bare_estimate(u)
    _bare_key_players(u)


def _bare_key_players(u: Any) -> None:
    """The igraph calls of the key-player search (netlead.analysis.keyplayers): up to 20,000
    members, 34 trials, each the network without 1-3 members, its components and its
    harmonic sums from 20 members."""
    import random

    n = u.vcount()
    if n > 20_000:
        return
    rng = random.Random(SEED)
    sources = sorted(rng.sample(range(n - 3), 20))
    u.harmonic_centrality(vertices=sources, normalized=False)
    for size in (1,) * 12 + (2,) * 11 + (3,) * 10:
        rest = u.copy()
        rest.delete_vertices(rng.sample(range(n), size))
        rest.connected_components().sizes()
        rest.harmonic_centrality(vertices=sources, normalized=False)


def _bare_estimate(u: Any) -> None:
    """The igraph calls of netlead's estimate: one betweenness call per group of 16 sampled
    sources, the second neighbourhoods, distances from 256 sources for closeness, then the
    neighbours of the top 20 as sources, in groups of 16 per member (here the top 20 by
    degree; netlead takes its first estimate's). Above 20,000 members: one call."""
    import random

    from netlead.analysis.centrality import _GROUP, CANDIDATES, MEASURED, sample_size

    n = u.vcount()
    first = sample_size(n, u.ecount())
    chosen = random.Random(SEED).sample(range(n), first)
    if n > MEASURED:
        u.betweenness(directed=False, sources=sorted(chosen))
        for start in range(0, 256, 64):
            u.distances(source=chosen[start : start + 64])
        return
    u.neighborhood_size(order=2)
    u.neighborhood(chosen, order=2, mindist=2)
    for start in range(0, first, _GROUP):
        u.betweenness(directed=False, sources=chosen[start : start + _GROUP])
    for start in range(0, 256, 64):
        u.distances(source=chosen[start : start + 64])
    degree = u.degree()
    spent = 0
    for v in sorted(range(n), key=lambda v: -degree[v])[:CANDIDATES]:
        near = u.neighbors(v)
        if spent + len(near) > first:
            continue
        spent += len(near)
        u.neighborhood(near, order=2, mindist=2)
        for start in range(0, len(near), _GROUP):
            u.betweenness(directed=False, sources=near[start : start + _GROUP])


def run_networkx(net: Any, exact_limit: int) -> None:
    """NetworkX computing the same metrics (Louvain stands in for Leiden)."""
    import random

    import networkx as nx

    d = nx.DiGraph()
    d.add_nodes_from(m.id for m in net.members)
    d.add_edges_from((t.source, t.target) for t in net.ties)
    u = d.to_undirected(as_view=False)
    n = d.number_of_nodes()
    nx.density(d)
    nx.reciprocity(d)
    [len(c) for c in nx.weakly_connected_components(d)]
    nx.transitivity(u)
    nx.clustering(u)
    nx.average_clustering(u)
    nx.constraint(u)
    nx.effective_size(u)
    nx.core_number(u)
    communities = nx.community.louvain_communities(u, seed=SEED)
    nx.community.modularity(u, communities)
    by_org: dict[str, set[str]] = {}
    for m in net.members:
        by_org.setdefault(m.organization, set()).add(m.id)
    nx.community.modularity(u, list(by_org.values()))
    list(nx.biconnected_components(u))
    list(nx.articulation_points(u))
    if n <= exact_limit:
        nx.betweenness_centrality(u)
        nx.harmonic_centrality(u)
    else:  # the same number of sources as netlead's estimate
        from netlead.analysis.centrality import sample_size

        sources = 2 * sample_size(n, u.number_of_edges())
        ids = [m.id for m in net.members]
        chosen = random.Random(SEED).sample(ids, sources)
        nx.betweenness_centrality(u, k=sources, seed=SEED)
        nx.harmonic_centrality(u, sources=chosen)


ENGINES = {"netlead": run_netlead, "igraph": run_igraph, "networkx": run_networkx}


def child(engine: str, size: str, variant: str, repeat: int) -> None:
    members, ties = SIZES[size]
    net = generate(members, ties, seed=SEED)
    exact_limit = _settings(size, variant)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        ENGINES[engine](net, exact_limit)
        times.append(time.perf_counter() - start)
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"times": times, "rss_kb": rss_kb}))


def cli_child(members: str, ties: str, repeat: int) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            [
                str(ROOT / ".venv/bin/netlead"),
                "analyze",
                "--members",
                members,
                "--ties",
                ties,
                "--output",
                os.devnull,
            ],
            check=True,
        )
        times.append(time.perf_counter() - start)
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"times": times, "rss_kb": rss_kb}))


# --- the orchestrator ---------------------------------------------------------------


def measure(args: list[str], timeout: float | None) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    except subprocess.CalledProcessError as exc:
        return {"error": exc.stderr[-500:]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["median"] = statistics.median(result["times"])
    return result


def _fmt_time(r: dict[str, Any] | None) -> str:
    if r is None:
        return "not run"
    if "timeout" in r:
        return f"> {r['timeout']:.0f} s (did not finish)"
    if "error" in r:
        return "error"
    return f"{r['median']:.2f} s"


def _fmt_rss(r: dict[str, Any] | None) -> str:
    if not r or "rss_kb" not in r:
        return "-"
    return f"{r['rss_kb'] / 1024:.0f} MB"


def _ratio(a: dict[str, Any] | None, b: dict[str, Any] | None) -> str:
    if not a or not b or "median" not in a:
        return "-"
    if "timeout" in b:
        return f"> {b['timeout'] / a['median']:.0f}x"
    if "median" not in b:
        return "-"
    return f"{b['median'] / a['median']:.2f}x"


def machine() -> list[str]:
    import igraph
    import networkx

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; RAM: {mem}; {platform.platform()}",
        f"- Python {platform.python_version()}, igraph {igraph.__version__}, "
        f"NetworkX {networkx.__version__}",
    ]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--sizes", default="small,medium,large")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--nx-timeout", type=float, default=600.0)
    p.add_argument("--output", default=str(HERE / "RESULTS.md"))
    p.add_argument("--child", nargs=4, metavar=("ENGINE", "SIZE", "VARIANT", "REPEAT"))
    p.add_argument("--cli-child", nargs=3, metavar=("MEMBERS", "TIES", "REPEAT"))
    p.add_argument(
        "--render", metavar="RESULTS_JSON", help="only rewrite the table from saved results"
    )
    args = p.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.child[2], int(args.child[3]))
        return 0
    if args.cli_child:
        cli_child(args.cli_child[0], args.cli_child[1], int(args.cli_child[2]))
        return 0

    if args.render:
        saved = json.loads(Path(args.render).read_text(encoding="utf-8"))
        Path(args.output).write_text(render(saved), encoding="utf-8")
        print(f"wrote {args.output}")
        return 0

    saved = {
        "command": "python bench/analysis/run.py " + " ".join(sys.argv[1:]),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "repeat": args.repeat,
        "nx_timeout": args.nx_timeout,
        "rows": [],
    }
    for size in args.sizes.split(","):
        variants = ["default", "exact"] if size == "medium" else ["default"]
        repeat = args.repeat if size != "large" else max(1, min(args.repeat, 3))
        with tempfile.TemporaryDirectory() as tmp:
            members, ties = SIZES[size]
            m_path, t_path = write_csv(generate(members, ties, seed=SEED), Path(tmp))
            cli_repeat = repeat if size != "large" else 1
            cli = measure(["--cli-child", str(m_path), str(t_path), str(cli_repeat)], None)
        for variant in variants:
            print(f"{size} {variant}: netlead", flush=True)
            ours = measure(["--child", "netlead", size, variant, str(repeat)], None)
            print(f"{size} {variant}: igraph", flush=True)
            bare = measure(["--child", "igraph", size, variant, str(repeat)], None)
            print(f"{size} {variant}: networkx", flush=True)
            ref = measure(["--child", "networkx", size, variant, "1"], args.nx_timeout)
            row = {
                "size": size,
                "variant": variant,
                "netlead": ours,
                "igraph": bare,
                "networkx": ref,
                "cli": cli if variant == "default" else None,
            }
            saved["rows"].append(row)
            print(json.dumps(row), flush=True)
    (HERE / "results.json").write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")
    Path(args.output).write_text(render(saved), encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


def _median(r: dict[str, Any] | None) -> float | None:
    return r["median"] if r and "median" in r else None


def targets(saved: dict[str, Any]) -> list[str]:
    """The issue's targets (issue 20), each checked against the measured medians."""
    rows = {(r["size"], r["variant"]): r for r in saved["rows"]}
    out = ["| target | measured | met |", "|---|---|---|"]

    def line(label: str, value: float | None, limit: float, fmt: str, below: bool = True) -> None:
        if value is None:
            out.append(f"| {label} | not measured | - |")
            return
        ok = value < limit if below else value >= limit
        out.append(f"| {label} | {fmt.format(value)} | {'yes' if ok else '**no**'} |")

    r = rows.get(("medium", "default"))
    if r:
        line("5,000 / 50,000 diagnosis < 1 s (estimated)", _median(r["netlead"]), 1.0, "{:.2f} s")
        line(
            "5,000 / 50,000 whole `netlead analyze` from CSV < 2 s",
            _median(r["cli"]),
            2.0,
            "{:.2f} s",
        )
    for (size, variant), r in sorted(rows.items()):
        ours, ref = _median(r["netlead"]), r["networkx"]
        if ours and ref and "error" not in ref:
            speedup = ref["timeout"] / ours if "timeout" in ref else ref["median"] / ours
            prefix = "> " if "timeout" in ref else ""
            line(
                f"{size} ({variant}): NetworkX / netlead >= 100x",
                speedup,
                100.0,
                prefix + "{:.0f}x",
                below=False,
            )
    r = rows.get(("large", "default"))
    if r:
        line(
            "100,000 / 1,000,000 whole `netlead analyze` from CSV < 30 s",
            _median(r["cli"]),
            30.0,
            "{:.1f} s",
        )
        rss = r["cli"].get("rss_kb") if r["cli"] else None
        line(
            "100,000 / 1,000,000 whole command peak RSS < 2 GB",
            rss / 1024 / 1024 if rss else None,
            2.0,
            "{:.2f} GB",
        )
    for (size, variant), r in sorted(rows.items()):
        ours, bare = _median(r["netlead"]), _median(r["igraph"])
        if ours and bare:
            line(f"{size} ({variant}): netlead <= 1.3x bare igraph", ours / bare, 1.3001, "{:.2f}x")
    return out


def render(saved: dict[str, Any]) -> str:
    lines = [
        "# Diagnosis benchmark",
        "",
        f"Command: `{saved['command']}` (from the repository root, with `.venv/bin/python`).",
        f"Date: {saved['date']}.",
        *saved["machine"],
        "",
        "Networks from `bench/analysis/generate.py` (seed 1): organizations of 25 members, "
        "3 layers, 70% of ties inside the organization, 30% reciprocated, six ratings per tie.",
        "",
        "| members / ties | betweenness & closeness | netlead diagnosis (median) | peak RSS "
        "| bare igraph calls | netlead / igraph | NetworkX (1 run) | NetworkX / netlead "
        "| `netlead analyze` from CSV (median) | its peak RSS |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in saved["rows"]:
        members, ties = SIZES[r["size"]]
        method = "exact" if members <= _settings(r["size"], r["variant"]) else "estimated"
        ours, bare, ref, cli = r["netlead"], r["igraph"], r["networkx"], r["cli"]
        lines.append(
            f"| {members:,} / {ties:,} | {method} | {_fmt_time(ours)} | {_fmt_rss(ours)} "
            f"| {_fmt_time(bare)} | {_ratio(bare, ours)} "
            f"| {_fmt_time(ref)} | {_ratio(ours, ref)} | {_fmt_time(cli) if cli else '-'} "
            f"| {_fmt_rss(cli)} |"
        )
    lines += [
        "",
        "- *netlead diagnosis*: `diagnose(network)` plus `to_dict`, network already in memory: "
        "every metric, brokerage roles, ratings, findings and suggestions.",
        "- *bare igraph calls*: the igraph calls behind the same metrics, without netlead's "
        "Python work (brokerage roles, ratings, organizations, cut-point fragmentation, findings, "
        "suggestions, the closeness sums), so the ratio is netlead's overhead.",
        "- *NetworkX*: the same graph metrics (Louvain for Leiden; no brokerage, ratings, "
        "findings or suggestions), run once, stopped after the time limit "
        f"({saved['nx_timeout']:.0f} s).",
        "- *`netlead analyze` from CSV*: the whole process (start-up, reading and checking both "
        "CSV files, diagnosis, JSON written to /dev/null); its peak RSS is that of the process.",
        "- *estimated*: above 2,000 members betweenness and closeness are estimated "
        "(`netlead.analysis.centrality`; accuracy in `bench/analysis/ACCURACY.md`); the "
        "*exact* row at 5,000 members computes them exactly for reference (`--exact-limit 5000`). "
        "The bare igraph calls of an estimate are the same calls netlead makes (one betweenness "
        "call per group of 16 sources, the second neighbourhoods, distances for closeness, the "
        "top's neighbours in groups of their own; the top by degree).",
        f"- Repeats: {saved['repeat']} (large: at most 3; the large CLI run: 1). "
        "Raw timings: `bench/analysis/results.json`.",
        "",
        "## Targets",
        "",
        *targets(saved),
        "",
        "## Notes",
        "",
        *saved.get("notes", []),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
