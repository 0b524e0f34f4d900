"""Time of closing a large relationship round: `surveys.diagnosis.compute` and its parts.

Usage (from the repository root)::

    .venv/bin/python bench/surveys/closing.py [--members 5000] [--runs 5]
        [--baseline-src <a copy of src/ at an earlier commit>] [--json out.json]

Builds, once, in a throwaway PostgreSQL database (127.0.0.1:5432, as run.py; production-like
settings) a network of `--members` members in 40 organizations and two relationship rounds
in which everyone answered (8-12 ties each, about 70% inside their own organization, as
run.py's fill): the first closed with no previous round, the second closed after it (so it is
compared with the first and its map starts from the first's layout).

Then each run is a fresh process (`--worker`) that computes the first round's diagnosis and
then the second's, as the background task does, and reports the wall time of `compute` and of
its parts, found by wrapping the names `netlead.surveys.diagnosis` calls: loading the
networks (`relationship_network`), `diagnose` and `to_dict` (the analysis), `map_edges`,
`maps.layout`, `compare` and `pair_changes`, and the UPDATE that stores the result (its SQL
time; the JSON encoding before it is in "rest"). With `--baseline-src`, runs of the baseline
code (PYTHONPATH=that folder) and of this checkout alternate, on the same database, so the
two are compared under the same conditions; the figures are the median of `--runs` runs each.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402

DATABASE = "netlead_bench_closing"
PARTS = (
    "relationship_network",
    "diagnose",
    "to_dict",
    "map_edges",
    "compare",
    "pair_changes",
)


def _answer_everyone(survey_round: Any, org_of: dict[int, int], seed: int) -> int:
    from netlead.surveys import services

    world = {"round": survey_round, "org_of": org_of}
    services.round_open(survey_round, base_url="https://127.0.0.1")
    return int(run.fill_remaining(world, seed)["ties_written"])


def build(members: int, organizations: int, seed: int) -> list[int]:
    """The network and its two closed rounds; returns the rounds' ids (first, second)."""
    from netlead.surveys import services
    from netlead.surveys.models import Instrument

    world = run.build_world(members, organizations, seed)
    first = world["round"]
    ties = _answer_everyone(first, world["org_of"], seed)
    services.round_close(first, closed_by=world["leader"])
    run.log(f"first round: {ties} ties")
    second = services.round_create(
        network=world["network"],
        instrument=Instrument.RELATIONSHIPS,
        title="Relationships and trust 2027",
        closes_on=dt.date.today() + dt.timedelta(days=14),
        anonymous=True,
        created_by=world["leader"],
    )
    ties = _answer_everyone(second, world["org_of"], seed + 1)
    services.round_close(second, closed_by=world["leader"])
    run.log(f"second round: {ties} ties")
    return [first.pk, second.pk]


def _digests(stored: dict[str, Any]) -> dict[str, str]:
    """A digest of each part of the stored result, to tell whether two runs stored the same
    (the comparison without its per-member and per-organization changes, which no reader
    uses)."""
    parts = dict(stored)
    if isinstance(parts.get("comparison"), dict):
        parts["comparison"] = {
            k: v for k, v in parts["comparison"].items() if k not in ("members", "organizations")
        }
    return {
        key: hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:12]
        for key, value in parts.items()
    }


def worker(round_ids: list[int]) -> dict[str, Any]:
    """One run: compute each round's diagnosis in turn, timing its parts."""
    import django

    django.setup()
    from django.db import connection

    from netlead.analysis import maps
    from netlead.surveys import diagnosis
    from netlead.surveys.models import DiagnosisStatus, SurveyRound

    parts: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)

    def timed(name: str, function: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start, start_cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                parts[name] += time.perf_counter() - start
                cpu[name] += time.process_time() - start_cpu

        return wrapper

    for name in PARTS:
        if hasattr(diagnosis, name):
            setattr(diagnosis, name, timed(name, getattr(diagnosis, name)))
    maps.layout = timed("layout", maps.layout)

    def store_timer(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            if sql.startswith('UPDATE "surveys_surveyround"') and '"diagnosis" =' in sql:
                parts["store_sql"] += time.perf_counter() - start

    SurveyRound.objects.filter(pk__in=round_ids).update(
        diagnosis=None, diagnosis_status=DiagnosisStatus.PENDING, computed_at=None
    )
    profiler = cProfile.Profile() if os.environ.get("CLOSING_PROFILE") else None
    out: dict[str, Any] = {}
    for label, pk in zip(("first", "second"), round_ids, strict=True):
        survey_round = SurveyRound.objects.select_related("network__workspace", "previous").get(
            pk=pk
        )
        parts.clear()
        cpu.clear()
        with connection.execute_wrapper(store_timer):
            if profiler is not None:
                profiler.enable()
            start, start_cpu = time.perf_counter(), time.process_time()
            diagnosis.compute(survey_round)
            total, total_cpu = time.perf_counter() - start, time.process_time() - start_cpu
            if profiler is not None:
                profiler.disable()
        stored = SurveyRound.objects.values_list("diagnosis", flat=True).get(pk=pk)
        if os.environ.get("CLOSING_DUMP"):  # to compare two runs' results in detail
            Path(f"{os.environ['CLOSING_DUMP']}-{label}.json").write_text(json.dumps(stored))
        found = {name: round(seconds, 3) for name, seconds in parts.items()}
        found["rest"] = round(total - sum(parts.values()), 3)
        found_cpu = {name: round(seconds, 3) for name, seconds in cpu.items()}
        found_cpu["rest"] = round(total_cpu - sum(cpu.values()), 3)
        out[label] = {
            "compute_s": round(total, 3),
            "compute_cpu_s": round(total_cpu, 3),
            "parts_s": found,
            "parts_cpu_s": found_cpu,
            "json_bytes": len(json.dumps(stored)),
            "json_bytes_by_key": {k: len(json.dumps(v)) for k, v in stored.items()},
            "digests": _digests(stored),
        }
    if profiler is not None:
        profiler.dump_stats(os.environ["CLOSING_PROFILE"])
    return out


def _run_worker(src: str | None, database_url: str, round_ids: list[int]) -> dict[str, Any]:
    environment = dict(os.environ, DATABASE_URL=database_url)
    if src:
        environment["PYTHONPATH"] = src
    else:
        environment.pop("PYTHONPATH", None)
    done = subprocess.run(
        [sys.executable, __file__, "--worker", ",".join(map(str, round_ids))],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median(runs: list[dict[str, Any]], label: str) -> dict[str, Any]:
    names = sorted({n for r in runs for n in r[label]["parts_s"]})
    return {
        "compute_s": round(statistics.median(r[label]["compute_s"] for r in runs), 2),
        "compute_runs_s": [round(r[label]["compute_s"], 2) for r in runs],
        "compute_cpu_s": round(statistics.median(r[label]["compute_cpu_s"] for r in runs), 2),
        "parts_s": {
            n: round(statistics.median(r[label]["parts_s"].get(n, 0.0) for r in runs), 3)
            for n in names
        },
        "parts_cpu_s": {
            n: round(statistics.median(r[label]["parts_cpu_s"].get(n, 0.0) for r in runs), 3)
            for n in names
            if n != "store_sql"
        },
        "json_bytes": runs[-1][label]["json_bytes"],
        "json_bytes_by_key": runs[-1][label]["json_bytes_by_key"],
        "digests": runs[-1][label]["digests"],
        "same_digests_every_run": all(
            r[label]["digests"] == runs[0][label]["digests"] for r in runs
        ),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--organizations", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--baseline-src", help="a copy of src/ to compare with (alternating)")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--profile", type=Path, help="also write cProfile stats of one more run")
    parser.add_argument(
        "--keep", action="store_true", help="keep the database (for --reuse) instead of dropping"
    )
    parser.add_argument("--reuse", action="store_true", help="use the kept database as it is")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        print(json.dumps(worker([int(pk) for pk in args.worker.split(",")])))
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="netlead-bench-closing-"))
    run.PG_DATABASE = DATABASE
    if args.reuse:
        database = {"engine": "postgresql", "name": DATABASE}
        database["url"] = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
    else:
        database = run.choose_database("postgres", tmp)
    run.configure_environment(database, tmp, 60)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    random.seed(args.seed)
    try:
        if args.reuse:
            from netlead.surveys.models import SurveyRound

            round_ids = sorted(SurveyRound.objects.values_list("pk", flat=True))[:2]
        else:
            call_command("migrate", interactive=False, verbosity=0)
            run.log(f"building {args.members} members")
            round_ids = build(args.members, args.organizations, args.seed)
        connections.close_all()
        trees = {"after": None}
        if args.baseline_src:
            trees = {"before": args.baseline_src, "after": None}
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
        for i in range(args.runs):
            for name, src in trees.items():
                runs[name].append(_run_worker(src, database["url"], round_ids))
                first = runs[name][-1]["first"]["compute_s"]
                second = runs[name][-1]["second"]["compute_s"]
                run.log(f"run {i + 1} {name}: first {first:.2f} s, second {second:.2f} s")
        if args.profile:
            os.environ["CLOSING_PROFILE"] = str(args.profile)
            _run_worker(None, database["url"], round_ids)
            del os.environ["CLOSING_PROFILE"]
    finally:
        connections.close_all()
        if not args.keep:
            run.drop_database(database)
        shutil.rmtree(tmp, ignore_errors=True)

    results = {
        "command": "bench/surveys/closing.py " + " ".join(argv),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "members": args.members,
        "runs": args.runs,
        **{
            name: {label: _median(found, label) for label in ("first", "second")}
            for name, found in runs.items()
        },
    }
    text = json.dumps(results, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
