"""Where the whole `netlead analyze` goes at one size: each phase of reading, diagnosing and
writing, timed in one process (wall time, `time.perf_counter`).

Usage (from the repository root)::

    .venv/bin/python bench/analysis/phases.py [--size large] [--seed 1]

Writes the benchmark network of `--size` (generate.py) as CSV into a temporary folder, then
reads it as `netlead analyze` does, runs `diagnose` with its helpers wrapped by name to time
them (the names `netlead.analysis.diagnosis` calls), `to_dict` and `json.dumps` as the CLI
writes it. One run: at 100,000 members it takes about a minute and 1.3 GB.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import SIZES, generate, write_csv  # noqa: E402

#: diagnose's helpers, as named in netlead.analysis.diagnosis (and its `sna` module).
HELPERS = (
    "reconstruct",
    "build_graphs",
    "centralities",
    "cut_points",
    "brokerage_roles",
    "aggregate_ratings",
    "response_of",
    "key_players",
    "suggest",
    "find",
    "rank",
    "fragmentation",
)
SNA_HELPERS = ("local_clustering", "constraint", "effective_size", "leiden", "group_ties")


def _timed(spent: dict[str, float], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

    return wrapper


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="large")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    members, ties = SIZES[args.size]
    folder = Path(tempfile.mkdtemp(prefix="netlead-bench-phases-"))
    members_csv, ties_csv = write_csv(generate(members, ties, seed=args.seed), folder)

    from netlead.analysis import diagnosis as module
    from netlead.analysis.io.tables import read_members, read_ties
    from netlead.analysis.model import Network

    phases: list[tuple[str, float]] = []

    def phase(name: str, since: float) -> float:
        now = time.perf_counter()
        phases.append((name, now - since))
        return now

    mark = time.perf_counter()
    read = read_members(members_csv)
    mark = phase("reading the members", mark)
    network = Network(read, read_ties(ties_csv, {m.id for m in read}))
    mark = phase("reading the ties", mark)
    spent: dict[str, float] = {}
    for name in HELPERS:
        setattr(module, name, _timed(spent, name, getattr(module, name)))
    for name in SNA_HELPERS:
        setattr(module.sna, name, _timed(spent, name, getattr(module.sna, name)))
    result = module.diagnose(network)
    mark = phase("diagnose", mark)
    data = module.to_dict(result)
    mark = phase("to_dict", mark)
    json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
    phase("json.dumps (indent=1, as the CLI writes)", mark)
    shutil.rmtree(folder, ignore_errors=True)

    print(f"\n{members:,} members, {ties:,} ties\n")
    print("| phase | seconds |")
    print("|---|---|")
    for name, seconds in phases:
        print(f"| {name} | {seconds:.2f} |")
        if name == "diagnose":
            for helper, part in sorted(spent.items(), key=lambda item: -item[1]):
                if part >= 0.01:
                    print(f"| &nbsp;&nbsp;{helper} | {part:.2f} |")
            print(f"| &nbsp;&nbsp;(the rest of diagnose) | {seconds - sum(spent.values()):.2f} |")
    print(f"| **total** | **{sum(s for _, s in phases):.2f}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
