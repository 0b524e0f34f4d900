"""A/B timing of this checkout against a baseline commit, in turn, a fresh process per run.

Usage (from the repository root)::

    mkdir -p /tmp/base && git archive <commit> src | tar -x -C /tmp/base
    .venv/bin/python bench/analysis/ab.py --baseline /tmp/base/src diag medium --repeat 5
    .venv/bin/python bench/analysis/ab.py --baseline /tmp/base/src cli DIR --repeat 5

``diag SIZE``: ``diagnose`` + ``to_dict`` on the generated network of that size (the
network is generated before the clock starts). ``cli DIR``: the whole ``netlead analyze``
process on ``DIR/members.csv`` and ``DIR/ties.csv`` (``generate.py``'s ``write_csv``), JSON to
/dev/null. The two run in turn (baseline first in even rounds), so a change of machine load
falls on both; prints the medians, their ratio (this / baseline) and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DIAG = f"""
import sys, time
sys.path.insert(0, {str(HERE)!r})
from generate import SIZES, generate
from netlead.analysis import diagnose, to_dict
net = generate(*SIZES[sys.argv[1]], seed=1)
start = time.perf_counter()
to_dict(diagnose(net, seed=1))
print(time.perf_counter() - start)
"""
CLI = (
    "import sys; from netlead.cli import main; sys.argv = ['netlead', 'analyze', '--members', "
    "sys.argv[1] + '/members.csv', '--ties', sys.argv[1] + '/ties.csv', '--output', "
    "'/dev/null']; sys.exit(main())"
)


def run(kind: str, arg: str, env: dict[str, str]) -> float:
    full = dict(os.environ, **env)
    if kind == "diag":
        done = subprocess.run(
            [sys.executable, "-c", DIAG, arg], env=full, capture_output=True, text=True, check=True
        )
        return float(done.stdout.strip().splitlines()[-1])
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", CLI, arg], env=full, check=True)
    return time.perf_counter() - start


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--baseline", required=True, help="the baseline's src directory")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("kind", choices=("diag", "cli"))
    p.add_argument("arg", help="a size (diag) or a directory with the two CSV files (cli)")
    args = p.parse_args()
    variants = {"baseline": {"PYTHONPATH": args.baseline}, "this": {}}
    times: dict[str, list[float]] = {"baseline": [], "this": []}
    for round_ in range(args.repeat):
        order = ("baseline", "this") if round_ % 2 == 0 else ("this", "baseline")
        for name in order:
            times[name].append(run(args.kind, args.arg, variants[name]))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(
        json.dumps(
            {
                "kind": args.kind,
                "arg": args.arg,
                "times": times,
                "medians": medians,
                "ratio": medians["this"] / medians["baseline"],
                "load": os.getloadavg(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
