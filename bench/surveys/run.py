"""Benchmark of a survey round: opening and inviting, answering under load, closing.

Usage (from the repository root)::

    .venv/bin/python bench/surveys/run.py [--members 5000] [--users 50] [--duration 60]

Steps, all on a throwaway database (PostgreSQL on 127.0.0.1:5432 when it answers, else SQLite in
a temporary folder), with production-like settings (DEBUG=false, TASKS_BACKEND=database):

1. build a workspace: organizations, persons, a network whose members are all of them, and a
   leader; draft a relationship round;
2. the leader opens the round through the real view (in-process test client): its wall time,
   and proof that the request sent no mail but queued a task; then the queued task is run by
   django-tasks-db's worker (in-process, locmem mail backend) and timed;
3. gunicorn serves the app on 127.0.0.1 and `load.py` drives `--users` concurrent respondents
   through the answering path for `--duration` seconds; afterwards every answer a respondent
   saw accepted is looked up in the database;
4. the remaining members' answers are written straight into the database, the round is closed
   (services.round_close) and its diagnosis computed (surveys.diagnosis.compute, repeated);
5. results.json and RESULTS.md are written next to this file (or to --output-dir).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import http.client
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VENV_BIN = Path(sys.executable).parent
sys.path.insert(0, str(HERE))

import load  # noqa: E402

PG_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
PG_DATABASE = "netlead_bench_surveys"
# A fixed key, for this throwaway database only: gunicorn and this process must derive the same
# survey tokens.
SECRET_KEY = "bench-surveys-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz"  # noqa: S105
P95_TARGET_MS = 150.0
CLOSE_TARGET_S = 3.0  # issue 20: closing a 5,000-member round, diagnosis stored
VENDOR_FILES = (  # what `make static` copies into static/vendor (see the Makefile)
    "htmx.org/dist/htmx.min.js",
    "cytoscape/dist/cytoscape.min.js",
    "cytoscape-svg/cytoscape-svg.js",
    "chart.js/dist/chart.umd.min.js",
)
FIRST_NAMES = ("Anna", "Bram", "Carla", "Daan", "Emma", "Finn", "Greta", "Hugo", "Ida", "Jens")
FIRST_NAMES += ("Karin", "Lars", "Mette", "Niels", "Olga", "Pieter", "Rosa", "Sven", "Tessa")
LAST_NAMES = ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos")
LAST_NAMES += ("Nielsen", "Hansen", "Pedersen", "Andersen", "Larsen", "Sørensen", "Madsen")


def log(message: str) -> None:
    print(f"[{dt.datetime.now(dt.UTC):%H:%M:%S}] {message}", flush=True)


# -- The database and Django ---------------------------------------------------------------


def choose_database(kind: str, tmp: Path) -> dict[str, Any]:
    """Create the throwaway database; returns its description (and the URL, None for SQLite)."""
    if kind in ("auto", "postgres"):
        try:
            import psycopg

            with psycopg.connect(PG_DSN, autocommit=True) as conn:
                version = conn.execute("SHOW server_version").fetchone()[0]
                conn.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
                conn.execute(f'CREATE DATABASE "{PG_DATABASE}"')
        except Exception as error:
            if kind == "postgres":
                raise
            log(f"PostgreSQL does not answer on 127.0.0.1:5432 ({error}); using SQLite")
        else:
            return {
                "engine": "postgresql",
                "version": version,
                "name": PG_DATABASE,
                "url": f"postgres://postgres@127.0.0.1:5432/{PG_DATABASE}",
            }
    import sqlite3

    return {
        "engine": "sqlite",
        "version": sqlite3.sqlite_version,
        "name": str(tmp / "netlead.sqlite3"),
        "url": None,
    }


def drop_database(database: dict[str, Any]) -> None:
    if database["engine"] != "postgresql":
        return
    import psycopg

    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')


def configure_environment(database: dict[str, Any], tmp: Path, conn_max_age: int) -> None:
    """Production-like settings through the environment (see src/netlead/settings.py): this
    process and gunicorn read the same."""
    for name in ("EMAIL_HOST", "SECRET_KEY_FILE", "DATABASE_URL", "CSRF_TRUSTED_ORIGINS"):
        os.environ.pop(name, None)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "netlead.settings",
            "SECRET_KEY": SECRET_KEY,
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "NETLEAD_VAR_DIR": str(tmp),
            "TASKS_BACKEND": "database",
            "DATABASE_CONN_MAX_AGE": str(conn_max_age),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            # Every simulated respondent comes from 127.0.0.1, as if a whole round answered
            # behind one router: the personal-link limit still counts each request (one
            # query), but at a bound the 10,000 requests of a run do not reach.
            "TOKEN_PAGES_RATE_LIMIT": "1000000",
        }
    )
    if database["url"]:
        os.environ["DATABASE_URL"] = database["url"]


def collect_static(tmp: Path) -> None:
    """collectstatic into $NETLEAD_VAR_DIR/static, as deployed, from a staged copy of
    src/netlead/static. The front-end libraries come from static/vendor (`make static`) or else
    from node_modules, with source-map comments removed: the manifest storage would otherwise
    require the .map files, which the Makefile does not copy. A library found nowhere becomes an
    empty file (the answering pages load only htmx)."""
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import override_settings

    source = Path(settings.PACKAGE_DIR) / "static"
    staged = tmp / "staged-static"
    shutil.copytree(source, staged, ignore=shutil.ignore_patterns("vendor"))
    (staged / "vendor").mkdir()
    for relative in VENDOR_FILES:
        name = Path(relative).name
        for found in (source / "vendor" / name, ROOT / "node_modules" / relative):
            if found.exists():
                text = found.read_text(encoding="utf-8")
                break
        else:
            text = "/* empty */\n"
        text = re.sub(r"//# sourceMappingURL=\S+", "", text)
        (staged / "vendor" / name).write_text(text, encoding="utf-8")
    with override_settings(STATICFILES_DIRS=[staged]):
        call_command("collectstatic", interactive=False, verbosity=0)


# -- The workspace ---------------------------------------------------------------------------


def build_world(members: int, organizations: int, seed: int) -> dict[str, Any]:
    """A workspace with `organizations` organizations and `members` persons, all current
    members of one network; person 0 is the leader (a user, owner of the workspace)."""
    from netlead.accounts.models import User
    from netlead.networks.models import Network, NetworkMember, NetworkRole
    from netlead.surveys import services
    from netlead.surveys.models import Instrument
    from netlead.workspaces.models import (
        Layer,
        Membership,
        Organization,
        OrganizationKind,
        Person,
        Role,
        Workspace,
    )

    rng = random.Random(seed)
    workspace = Workspace.objects.create(name="Bench workspace", slug="bench-surveys")
    leader_user = User.objects.create_user("leader@bench.example.org", None, name="Bench Leader")
    Membership.objects.create(workspace=workspace, user=leader_user, role=Role.OWNER)
    kinds = list(OrganizationKind.values)
    orgs = Organization.objects.bulk_create(
        Organization(workspace=workspace, name=f"Organization {i + 1:02d}", kind=kinds[i % 7])
        for i in range(organizations)
    )
    weights = [rng.uniform(0.5, 1.5) for _ in orgs]
    layers = [Layer.STRATEGIC, Layer.TACTICAL, Layer.OPERATIONAL]
    persons = []
    for i in range(members):
        org = rng.choices(orgs, weights)[0]
        persons.append(
            Person(
                workspace=workspace,
                name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {i:05d}",
                email=f"person{i:05d}@bench.example.org",
                organization=org,
                layer=rng.choices(layers, (15, 35, 50))[0],
                user=leader_user if i == 0 else None,
            )
        )
    persons = Person.objects.bulk_create(persons, batch_size=1000)
    network = Network.objects.create(workspace=workspace, name="Bench network")
    roles = [NetworkRole.CO_DRIVER, NetworkRole.CORE, NetworkRole.MEMBER, NetworkRole.ASSOCIATE]
    network_members = NetworkMember.objects.bulk_create(
        (
            NetworkMember(
                network=network,
                person=person,
                role=NetworkRole.LEADER if i == 0 else rng.choices(roles, (1, 10, 80, 9))[0],
            )
            for i, person in enumerate(persons)
        ),
        batch_size=1000,
    )
    survey_round = services.round_create(
        network=network,
        instrument=Instrument.RELATIONSHIPS,
        title="Relationships and trust 2026",
        closes_on=dt.date.today() + dt.timedelta(days=14),
        anonymous=True,
        created_by=leader_user,
    )
    org_of = {m.pk: p.organization_id for m, p in zip(network_members, persons, strict=True)}
    return {
        "workspace": workspace,
        "network": network,
        "leader": leader_user,
        "leader_member_id": network_members[0].pk,
        "leader_person_name": persons[0].name,
        "round": survey_round,
        "org_of": org_of,
        "organizations": len(orgs),
    }


def pick_targets(
    rng: random.Random, me: int, count: int, by_org: dict[int, list[int]], org_of: dict[int, int]
) -> list[int]:
    """`count` distinct other members, about 70% from the respondent's own organization."""
    everyone = list(org_of)
    own = by_org[org_of[me]]
    chosen: set[int] = set()
    while len(chosen) < min(count, len(everyone) - 1):
        pool = own if rng.random() < 0.7 and len(own) > 1 else everyone
        target = rng.choice(pool)
        if target != me:
            chosen.add(target)
    return sorted(chosen, key=lambda _: rng.random())


# -- 2. Opening and invitations ------------------------------------------------------------------


def gather_statistics() -> None:
    """PostgreSQL's planner statistics for the tables just filled, as autovacuum gathers them
    within a minute on a running server. Without them the first minute of a fresh benchmark
    database plans the roster's query as a loop over every invitation (14 ms instead of 5)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def measure_opening(world: dict[str, Any]) -> dict[str, Any]:
    from django.core import mail
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django_tasks_db.models import DBTaskResult

    from netlead.surveys.models import SurveyInvitation

    survey_round = world["round"]
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(world["leader"])
    url = reverse(
        "surveys:open", args=[world["workspace"].slug, world["network"].pk, survey_round.pk]
    )
    mail.outbox = []
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.post(url, secure=True)
        wall = time.perf_counter() - start
    survey_round.refresh_from_db()
    queued = list(DBTaskResult.objects.values("task_path", "status"))
    return {
        "status_code": response.status_code,
        "wall_s": round(wall, 3),
        "queries": len(queries),
        "mails_sent_in_request": len(mail.outbox),
        "invitations_created": SurveyInvitation.objects.filter(round=survey_round).count(),
        "round_status": survey_round.status,
        "queued_tasks": [{"task": q["task_path"], "status": q["status"]} for q in queued],
    }


def measure_sending(world: dict[str, Any]) -> dict[str, Any]:
    """Run the queued send_invitations task as `netlead db_worker --batch` would."""
    from django.core import mail
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    from netlead.core.tokens import hash_token
    from netlead.surveys.models import SurveyInvitation

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="bench-surveys",
        excluded_queue_names=[],
    )
    mail.outbox = []
    start = time.perf_counter()
    worker.run()
    wall = time.perf_counter() - start
    result = DBTaskResult.objects.get(task_path__endswith="send_invitations")
    # The first mail's link must open a real invitation.
    link = next(line for line in mail.outbox[0].body.splitlines() if "/s/" in line)
    token = link.rstrip("/").rsplit("/", 1)[-1]
    return {
        "wall_s": round(wall, 2),
        "task_status": result.status,
        "task_return_value": result.return_value,
        "mails_sent": len(mail.outbox),
        "per_mail_ms": round(wall / max(1, len(mail.outbox)) * 1000, 2),
        "invitations_not_marked_sent": SurveyInvitation.objects.filter(
            round=world["round"], sent_at__isnull=True
        ).count(),
        "link_opens_an_invitation": SurveyInvitation.objects.filter(
            token_hash=hash_token(token)
        ).exists(),
    }


# -- 3. Answering under load ----------------------------------------------------------------------


def _clock_ticks(fields: list[str]) -> int:
    """utime + stime of a /proc/<pid>/stat line split after the command name."""
    return int(fields[11]) + int(fields[12])


def postmaster_pid() -> int | None:
    """The PostgreSQL server's main process, when it runs on this machine."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with contextlib.suppress(Exception):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend = cursor.fetchone()[0]
        stat = Path(f"/proc/{backend}/stat").read_text()
        return int(stat.rsplit(")", 1)[1].split()[1])
    return None


def cpu_snapshot(gunicorn_pid: int, postgres_pid: int | None) -> dict[str, float]:
    """CPU seconds so far: the whole machine (busy and steal, from /proc/stat), gunicorn's
    master and workers, PostgreSQL (the postmaster with its exited children, and its live
    backends) and this process (the load driver)."""
    tick = os.sysconf("SC_CLK_TCK")
    values = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    steal = values[7] if len(values) > 7 else 0
    gunicorn_ticks = postgres_ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            pid, parent = int(stat.parent.name), int(fields[1])
            if gunicorn_pid in (pid, parent):
                gunicorn_ticks += _clock_ticks(fields)
            elif pid == postgres_pid:  # its own time and that of its exited children
                postgres_ticks += _clock_ticks(fields) + int(fields[13]) + int(fields[14])
            elif parent == postgres_pid:
                postgres_ticks += _clock_ticks(fields)
    driver = os.times()
    return {
        "wall": time.monotonic(),
        "busy": (sum(values[:8]) - idle - steal) / tick,
        "steal": steal / tick,
        "gunicorn": gunicorn_ticks / tick,
        "postgres": postgres_ticks / tick,
        "driver": driver.user + driver.system,
    }


def cpu_use(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    """Cores in use on average over a phase: all, gunicorn, PostgreSQL, the driver, everything
    else (other processes, the kernel's own work), and the time stolen by the hypervisor."""
    wall = after["wall"] - before["wall"]
    keys = ("busy", "steal", "gunicorn", "postgres", "driver")
    used = {k: (after[k] - before[k]) / wall for k in keys}
    return {
        "cores_busy": round(used["busy"], 2),
        "gunicorn": round(used["gunicorn"], 2),
        "postgres": round(used["postgres"], 2),
        "driver": round(used["driver"], 2),
        "other": round(used["busy"] - used["gunicorn"] - used["postgres"] - used["driver"], 2),
        "steal": round(used["steal"], 2),
    }


def machine_busy(seconds: float = 3.0) -> float:
    """Cores busy on average over the next `seconds` (all processes, from /proc/stat)."""

    def sample() -> tuple[int, int]:
        values = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        return sum(values[:8]), values[3] + values[4]

    total0, idle0 = sample()
    time.sleep(seconds)
    total1, idle1 = sample()
    cores = os.cpu_count() or 1
    return round(((total1 - total0) - (idle1 - idle0)) / max(1, total1 - total0) * cores, 2)


def wait_for_quiet(limit_s: float, threshold: float = 0.3) -> float:
    """Wait (at most `limit_s`) until the machine is nearly idle; returns the busy cores seen
    last. The benchmark shares two cores with whatever else runs here."""
    deadline = time.monotonic() + limit_s
    while True:
        busy = machine_busy()
        if busy < threshold or time.monotonic() > deadline:
            if busy >= threshold:
                log(f"the machine is still busy ({busy} cores); measuring anyway")
            return busy
        log(f"the machine is busy ({busy} cores in use by other processes); waiting")
        time.sleep(7)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_gunicorn(
    port: int, args: argparse.Namespace, tmp: Path, name: str, conn_max_age: int
) -> subprocess.Popen[bytes]:
    command = [
        str(VENV_BIN / "gunicorn"),
        "netlead.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--threads",
        str(args.threads),
        "--timeout",
        "30",
        "--keep-alive",
        "5",
        "--log-level",
        "warning",
        "--error-logfile",
        str(tmp / f"{name}.log"),
    ]
    log(f"starting {' '.join(command[1:])} (DATABASE_CONN_MAX_AGE={conn_max_age})")
    env = os.environ | {"DATABASE_CONN_MAX_AGE": str(conn_max_age)}
    # Console mail backend in gunicorn: a mail sent by a request would show up in its stdout.
    out = (tmp / f"{name}.out").open("wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}; see {tmp}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/robots.txt", headers={"X-Forwarded-Proto": "https"})
            status = conn.getresponse().status
            conn.close()
            if status == 200:
                return process
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 60 s")


def stop_gunicorn(process: subprocess.Popen[bytes]) -> int | None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # graceful: workers finish their requests
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    return process.returncode


def respondents_for(world: dict[str, Any], seed: int) -> list[load.Respondent]:
    from netlead.core.tokens import token_for
    from netlead.surveys.models import SURVEY_LINK_PURPOSE, SurveyInvitation

    rng = random.Random(seed + 1)
    org_of = world["org_of"]
    by_org: dict[int, list[int]] = {}
    for member, org in org_of.items():
        by_org.setdefault(org, []).append(member)
    invitations = list(
        SurveyInvitation.objects.filter(round=world["round"])
        .exclude(member_id=world["leader_member_id"])
        .values_list("member_id", "salt", "member__person__name")
    )
    name_of = {member: name for member, _, name in invitations}
    name_of[world["leader_member_id"]] = world["leader_person_name"]
    rng.shuffle(invitations)
    respondents = []
    for member, salt, _ in invitations:
        named = pick_targets(rng, member, rng.randint(5, 10), by_org, org_of)
        respondents.append(
            load.Respondent(
                token=token_for(salt, SURVEY_LINK_PURPOSE),
                member_id=member,
                named=tuple(named),
                # Someone in another organization is found by searching their full name.
                search_terms={t: name_of[t] for t in named if org_of[t] != org_of[member]},
            )
        )
    return respondents


def verify_walks(world: dict[str, Any], walks: list[load.Walk]) -> dict[str, Any]:
    """Every respondent who was shown the thank-you page (or whose submit was redirected there)
    must have exactly the ties it named, with exactly the ratings it posted last, and a
    submitted invitation. Walks that stopped earlier must not be submitted."""
    from netlead.surveys.models import TIE_QUESTIONS, SurveyInvitation, TieAnswer

    survey_round = world["round"]
    submitted_at = dict(
        SurveyInvitation.objects.filter(round=survey_round).values_list("member_id", "submitted_at")
    )
    stored: dict[int, dict[int, dict[str, int | None]]] = {}
    for row in TieAnswer.objects.filter(round=survey_round).values(
        "respondent_id", "target_id", *TIE_QUESTIONS
    ):
        stored.setdefault(row["respondent_id"], {})[row["target_id"]] = {
            q: row[q] for q in TIE_QUESTIONS
        }
    checked = mismatches = unexpected_submissions = 0
    samples: list[str] = []
    for w in walks:
        if not w.submitted:
            if submitted_at[w.member_id] is not None:
                unexpected_submissions += 1
            continue
        checked += 1
        problems = []
        if submitted_at[w.member_id] is None:
            problems.append("invitation not submitted")
        ties = stored.get(w.member_id, {})
        if set(ties) != set(w.named):
            problems.append(f"ties {sorted(ties)} != named {sorted(w.named)}")
        else:
            for target, ratings in w.final.items():
                if ties[target] != ratings:
                    problems.append(f"tie to {target}: {ties[target]} != posted {ratings}")
        if problems:
            mismatches += 1
            if len(samples) < 10:
                samples.append(f"member {w.member_id}: " + "; ".join(problems))
    return {
        "respondents_checked": checked,
        "ties_checked": sum(len(w.named) for w in walks if w.submitted),
        "mismatches": mismatches,
        "unexpected_submissions": unexpected_submissions,
        "samples": samples,
    }


class _QueryTimer:
    """A database execute wrapper that counts queries and adds up their time."""

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.count += 1


def profile_pages(world: dict[str, Any], respondents: list[load.Respondent]) -> dict[str, Any]:
    """One respondent at a time in-process (test client, no HTTP, no concurrency): the wall
    time and the number of SQL queries of each page; the median over the given respondents."""
    from django.db import connection
    from django.test import Client

    from netlead.surveys.models import TIE_QUESTIONS

    seen: dict[str, list[tuple[float, int, int, float]]] = {}
    # One client for all: each new test client loads the middleware again (WhiteNoise then
    # scans the static files), which a server process does once.
    client = Client(HTTP_HOST="127.0.0.1")
    for r in respondents:
        client.cookies.clear()
        base = f"/s/{r.token}/"
        ratings = {f"tie-{t}-{q}": "3" for t in r.named for q in TIE_QUESTIONS}
        first = {k: v for k, v in ratings.items() if k.startswith(f"tie-{r.named[0]}-")}
        listed = [str(t) for t in r.named if t not in r.search_terms]
        everyone = [str(t) for t in r.named]
        steps = [
            ("start", "get", base, {}, 200),
            ("consent", "post", base, {"consent": "yes"}, 302),
            ("people", "get", base + "people/", {}, 200),
        ]
        if r.search_terms:  # tick the listed colleagues and search for one other person
            term = next(iter(r.search_terms.values()))
            search = {"named": listed, "q": term, "search": ""}
            steps += [
                ("search", "post", base + "people/", search, 302),
                ("results", "get", base + "people/", {"q": term}, 200),
                ("roster", "post", base + "people/", {"named": everyone, "shown": listed}, 302),
            ]
        else:
            steps.append(("roster", "post", base + "people/", {"named": everyone}, 302))
        steps += [
            ("ties", "get", base + "ties/", {}, 200),
            ("autosave", "post", base + "save/", first, 200),
            ("submit", "post", base + "ties/", {**ratings, "submit": ""}, 302),
            ("thanks", "get", base + "thanks/", {}, 200),
        ]
        for kind, method, path, data, expect in steps:
            timer = _QueryTimer()
            with connection.execute_wrapper(timer):
                start = time.perf_counter()
                response = getattr(client, method)(path, data, secure=True)
                ms = (time.perf_counter() - start) * 1000
            if response.status_code != expect:
                raise RuntimeError(f"in-process {kind}: status {response.status_code}")
            row = (ms, timer.count, len(response.content), timer.seconds * 1000)
            seen.setdefault(kind, []).append(row)
    return {
        "respondents": len(respondents),
        "pages": {
            kind: {
                "median_ms": round(statistics.median(row[0] for row in rows), 1),
                "queries": max(row[1] for row in rows),
                "bytes": max(row[2] for row in rows),
                "sql_ms": round(statistics.median(row[3] for row in rows), 1),
            }
            for kind, rows in seen.items()
        },
    }


def measure_load(world: dict[str, Any], args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """The answering path over HTTP: against gunicorn as deployed by default
    (DATABASE_CONN_MAX_AGE as given), then, for comparison, against a second gunicorn with
    persistent database connections (--compare-conn-max-age)."""
    from netlead.surveys.models import TIE_QUESTIONS

    respondents = respondents_for(world, args.seed)
    log("in-process page profile (test client, one respondent at a time)")
    profile = profile_pages(world, respondents[-3:])
    log(f"profile: {profile['pages']}")
    pool = iter(respondents[:-3])
    driver = load.Driver(
        host="127.0.0.1",
        port=0,
        questions=TIE_QUESTIONS,
        think=(args.think_min, args.think_max),
        timeout=30.0,
        max_requests=args.max_requests,
        seed=args.seed,
    )
    phases: dict[str, dict[str, Any]] = {}
    servers: list[dict[str, Any]] = []
    postgres = postmaster_pid()

    def phase(name: str, process: subprocess.Popen[bytes], **options: Any) -> None:
        rec = load.Recorder(max_requests=args.max_requests)
        before = cpu_snapshot(process.pid, postgres)
        grace = max(30.0, 12 * driver.think[1])  # a walk under way has time to finish
        phases[name] = driver.run(pool, rec=rec, phase=name, grace=grace, **options)
        phases[name]["cpu"] = cpu_use(before, cpu_snapshot(process.pid, postgres))
        phases[name]["conn_max_age"] = servers[-1]["conn_max_age"]
        log(f"{name}: {json.dumps(phases[name]['latency']['all'])} cpu {phases[name]['cpu']}")

    def serve(name: str, conn_max_age: int) -> subprocess.Popen[bytes]:
        driver.port = free_port()
        servers.append({"name": name, "conn_max_age": conn_max_age, "port": driver.port})
        process = start_gunicorn(driver.port, args, tmp, name, conn_max_age)
        # Warm-up, not measured: each worker imports the app and opens its connections.
        warm = args.workers * args.threads
        log(f"warm-up: {warm} respondents at once, one walk each")
        phase(f"warmup-{name}", process, users=warm, duration=60, walks_per_user=1)
        return process

    def stop(process: subprocess.Popen[bytes]) -> None:
        servers[-1]["exit_code"] = stop_gunicorn(process)
        log(f"gunicorn stopped (exit {servers[-1]['exit_code']})")

    process = serve("gunicorn", args.conn_max_age)
    try:
        log(f"baseline: one respondent at a time, {args.baseline_walks} walks")
        phase("baseline", process, users=1, duration=60, walks_per_user=args.baseline_walks)
        log(f"load: {args.users} respondents at once for {args.duration:.0f} s")
        phase("load", process, users=args.users, duration=args.duration)
        if args.paced_duration > 0:
            driver.think = (args.paced_think_min, args.paced_think_max)
            log(f"diagnostic: {args.users} respondents at a human pace for {args.paced_duration:.0f} s")  # fmt: skip
            phase("paced", process, users=args.users, duration=args.paced_duration)
            phases["paced"]["think_s"] = list(driver.think)
            driver.think = (args.think_min, args.think_max)
    finally:
        stop(process)
    if args.compare_conn_max_age > 0 and args.compare_conn_max_age != args.conn_max_age:
        process = serve("gunicorn-persistent", args.compare_conn_max_age)
        try:
            log(f"load with persistent connections: {args.users} respondents for {args.duration:.0f} s")  # fmt: skip
            phase("load_persistent", process, users=args.users, duration=args.duration)
        finally:
            stop(process)
    log("verifying the answers")
    logs = "".join(
        (tmp / f"{server['name']}.log").read_text(encoding="utf-8", errors="replace")
        for server in servers
    )
    outs = "".join(
        (tmp / f"{server['name']}.out").read_text(encoding="utf-8", errors="replace")
        for server in servers
    )
    return {
        "gunicorn": {
            "workers": args.workers,
            "threads": args.threads,
            "worker_class": "gthread" if args.threads > 1 else "sync",
            "servers": servers,
            "tracebacks_in_log": logs.count("Traceback"),
            "log_tail": logs.strip().splitlines()[-15:],
            "mails_printed_by_web_processes": outs.count("Subject: "),
        },
        "think_s": [args.think_min, args.think_max],
        "profile": profile,
        "phases": phases,
        "verification": verify_walks(world, driver.walks),
    }


# -- 4. Closing and the diagnosis -------------------------------------------------------------------


def fill_remaining(world: dict[str, Any], seed: int) -> dict[str, Any]:
    """Everyone who has not submitted answers now, straight in the database: 8-12 ties each,
    about 70% inside their own organization, every question rated 1-4."""
    from django.db import transaction
    from django.utils import timezone

    from netlead.surveys.models import TIE_QUESTIONS, SurveyInvitation, TieAnswer

    rng = random.Random(seed + 2)
    survey_round = world["round"]
    org_of = world["org_of"]
    by_org: dict[int, list[int]] = {}
    for member, org in org_of.items():
        by_org.setdefault(org, []).append(member)
    pending = list(
        SurveyInvitation.objects.filter(round=survey_round, submitted_at__isnull=True).values_list(
            "pk", "member_id"
        )
    )
    start = time.perf_counter()
    with transaction.atomic():
        members = [m for _, m in pending]
        TieAnswer.objects.filter(round=survey_round, respondent_id__in=members).delete()
        ties = [
            TieAnswer(
                round=survey_round,
                respondent_id=member,
                target_id=target,
                **{q: rng.randint(1, 4) for q in TIE_QUESTIONS},
            )
            for member in members
            for target in pick_targets(rng, member, rng.randint(8, 12), by_org, org_of)
        ]
        TieAnswer.objects.bulk_create(ties, batch_size=2000)
        now = timezone.now()
        SurveyInvitation.objects.filter(pk__in=[pk for pk, _ in pending]).update(
            started_at=now, submitted_at=now
        )
    return {
        "respondents_filled": len(pending),
        "ties_written": len(ties),
        "wall_s": round(time.perf_counter() - start, 2),
    }


def measure_closing(world: dict[str, Any], repeat: int) -> dict[str, Any]:
    from django_tasks_db.models import DBTaskResult

    from netlead.surveys import diagnosis, services
    from netlead.surveys.models import DiagnosisStatus, SurveyRound, TieAnswer

    pk = world["round"].pk
    survey_round = SurveyRound.objects.select_related("network__workspace", "previous").get(pk=pk)
    start = time.perf_counter()
    services.round_close(survey_round, closed_by=world["leader"])
    close_s = time.perf_counter() - start
    queued = DBTaskResult.objects.filter(task_path__endswith="compute_diagnosis").count()

    runs = []
    for _ in range(repeat):
        SurveyRound.objects.filter(pk=pk).update(
            diagnosis_status=DiagnosisStatus.PENDING, diagnosis=None, computed_at=None
        )
        survey_round = SurveyRound.objects.select_related("network__workspace", "previous").get(
            pk=pk
        )
        start = time.perf_counter()
        diagnosis.compute(survey_round)
        runs.append(time.perf_counter() - start)
        survey_round.refresh_from_db()
        if survey_round.diagnosis_status != DiagnosisStatus.READY:
            raise RuntimeError(f"diagnosis status {survey_round.diagnosis_status!r}")
    compute_s = statistics.median(runs)
    # Where the time goes (one run each): loading the network, the analysis itself.
    from netlead.analysis import diagnose, to_dict

    start = time.perf_counter()
    network = diagnosis.relationship_network(survey_round)
    load_network_s = time.perf_counter() - start
    start = time.perf_counter()
    to_dict(diagnose(network, k=survey_round.network.workspace.anonymity_threshold))
    diagnose_s = time.perf_counter() - start
    stored = survey_round.diagnosis or {}
    network = stored.get("diagnosis", {}).get("network", {})
    return {
        "members": survey_round.invitations.count(),
        "ties": TieAnswer.objects.filter(round_id=pk).count(),
        "round_close_s": round(close_s, 3),
        "compute_diagnosis_queued": queued,
        "compute_runs_s": [round(r, 2) for r in runs],
        "compute_median_s": round(compute_s, 2),
        "compute_parts_s": {
            "load_network": round(load_network_s, 2),
            "diagnose_and_to_dict": round(diagnose_s, 2),
        },
        "total_s": round(close_s + compute_s, 2),
        "diagnosis_status": survey_round.diagnosis_status,
        "diagnosis_json_bytes": len(json.dumps(stored)),
        "betweenness_method": network.get("betweenness_method"),
        "map_edges": len(stored.get("edges", [])),
    }


# -- Report ----------------------------------------------------------------------------------------


def machine_info(database: dict[str, Any]) -> dict[str, Any]:
    import django
    import gunicorn

    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_gb = None
    with contextlib.suppress(OSError, ValueError):
        first = Path("/proc/meminfo").read_text().splitlines()[0]
        memory_gb = round(int(first.split()[1]) / 1024 / 1024, 1)
    commit = dirty = None
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True, text=True
        ).stdout
        dirty = bool(status.strip())
    return {
        "commit": commit,
        "src_has_uncommitted_changes": dirty,
        "cpu_count": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": memory_gb,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "database": {k: v for k, v in database.items() if k != "url"},
        "load_average_at_start": list(os.getloadavg()),
    }


def _kib(size: float) -> str:
    return f"{size / 1024:,.0f} KiB" if size >= 1024 else f"{size:.0f} B"


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    opening, sending, answering = results["opening"], results["sending"], results["answering"]
    closing = results["closing"]
    main = answering["phases"]["load"]
    verification = answering["verification"]
    errors = sum(p["latency"]["all"]["errors"] for p in answering["phases"].values())
    requests = sum(p["requests"] for p in answering["phases"].values())
    users = main["users"]
    return [
        {
            "target": "opening the round does not send the invitations in the request",
            "measured": (
                f"POST open: {opening['wall_s']:.2f} s, {opening['mails_sent_in_request']} mails "
                f"sent by it, send_invitations queued; the queued task then sent "
                f"{sending['mails_sent']:,} mails in {sending['wall_s']:.1f} s"
            ),
            "met": opening["mails_sent_in_request"] == 0
            and opening["status_code"] == 302
            and any(q["task"].endswith("send_invitations") for q in opening["queued_tasks"])
            and sending["mails_sent"] == opening["invitations_created"]
            and answering["gunicorn"]["mails_printed_by_web_processes"] == 0,
        },
        *_latency_targets(main, users, "as deployed by default"),
        *(
            _latency_targets(
                answering["phases"]["load_persistent"],
                users,
                "comparison: persistent database connections",
            )
            if "load_persistent" in answering["phases"]
            else []
        ),
        *(
            _latency_targets(
                answering["phases"]["paced"],
                users,
                "diagnostic: {low:g}-{high:g} s think time".format(
                    low=answering["phases"]["paced"]["think_s"][0],
                    high=answering["phases"]["paced"]["think_s"][1],
                ),
            )
            if "paced" in answering["phases"]
            else []
        ),
        {
            "target": "no error",
            "measured": f"{errors} errors in {requests:,} requests (all phases)",
            "met": errors == 0 and answering["gunicorn"]["tracebacks_in_log"] == 0,
        },
        {
            "target": "no lost answer",
            "measured": (
                f"{verification['mismatches']} mismatches among {verification['respondents_checked']} "
                f"submitted respondents ({verification['ties_checked']:,} ties)"
            ),
            "met": verification["mismatches"] == 0
            and verification["unexpected_submissions"] == 0
            and verification["respondents_checked"] > 0,
        },
        {
            "target": f"closing + diagnosis of {closing['members']:,} members < {CLOSE_TARGET_S:.0f} s",
            "measured": (
                f"{closing['total_s']:.2f} s (round_close {closing['round_close_s']:.2f} s + "
                f"compute median {closing['compute_median_s']:.2f} s; {closing['ties']:,} ties)"
            ),
            "met": closing["total_s"] < CLOSE_TARGET_S and closing["diagnosis_status"] == "ready",
        },
    ]


def _latency_targets(phase: dict[str, Any], users: int, setup: str) -> list[dict[str, Any]]:
    kinds = {k: v for k, v in phase["latency"]["kinds"].items() if v["count"]}
    worst = max(kinds, key=lambda k: kinds[k]["p95_ms"])
    overall = phase["latency"]["all"]
    setup = f"{setup}, DATABASE_CONN_MAX_AGE={phase['conn_max_age']}"
    return [
        {
            "target": f"answering p95 < {P95_TARGET_MS:.0f} ms at {users} concurrent respondents, all requests ({setup})",
            "measured": f"p95 {overall['p95_ms']:,} ms (median {overall['median_ms']:,} ms, {overall['count']:,} requests)",
            "met": overall["p95_ms"] < P95_TARGET_MS,
        },
        {
            "target": f"the same, every page ({setup})",
            "measured": f"worst: {worst} p95 {kinds[worst]['p95_ms']:,} ms",
            "met": all(v["p95_ms"] < P95_TARGET_MS for v in kinds.values()),
        },
    ]


def _latency_table(phase: dict[str, Any]) -> list[str]:
    lines = [
        "| request | count | errors | median ms | p95 ms | p99 ms | max ms | mean size |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind, row in phase["latency"]["kinds"].items():
        if not row["count"]:
            continue
        lines.append(
            f"| {load.KIND_LABELS[kind]} | {row['count']} | {row['errors']} | {row['median_ms']} | "
            f"{row['p95_ms']} | {row['p99_ms']} | {row['max_ms']} | {_kib(row['mean_bytes'])} |"
        )
    overall = phase["latency"]["all"]
    lines.append(
        f"| **all** | {overall['count']} | {overall['errors']} | {overall['median_ms']} | "
        f"{overall['p95_ms']} | {overall['p99_ms']} | {overall['max_ms']} | |"
    )
    return lines


def _phase_summary(phase: dict[str, Any]) -> str:
    w = phase["walks"]
    return (
        f"{phase['requests']:,} requests in {phase['elapsed_s']:.0f} s "
        f"({phase['throughput_rps']} a second); {w['completed']} respondents completed the "
        f"survey, {w['failed']} failed, {w['cut_by_time_limit']} were cut by the time limit"
        + _cpu_text(phase)
    )


def _cpu_text(phase: dict[str, Any]) -> str:
    cpu = phase.get("cpu")
    if not cpu:
        return ""
    postgres = f"PostgreSQL {cpu['postgres']}, " if cpu.get("postgres") else ""
    return (
        f". CPU, in cores on average: {cpu['cores_busy']} busy of {os.cpu_count()} "
        f"(gunicorn {cpu['gunicorn']}, {postgres}load driver {cpu['driver']}, the rest "
        f"{cpu['other']}; stolen by the hypervisor {cpu['steal']})"
    )


def render_markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    db = m["database"]
    a = results["answering"]
    phases = a["phases"]
    main = phases["load"]
    g = a["gunicorn"]
    lines = [
        "# Survey round benchmark",
        "",
        f"Command: `{results['command']}` (from the repository root; it needs nothing but the "
        "project's virtualenv, and uses PostgreSQL on 127.0.0.1:5432 when it answers).",
        f"Date: {results['date']}; the whole run took {results['total_s']:.0f} s. Code: commit "
        f"{m['commit']}{' with uncommitted changes in src/' if m['src_has_uncommitted_changes'] else ''}.",
        f"- CPU: {m['cpu']}, {m['cpu_count']} cores; RAM {m['memory_gb']} GB; {m['platform']}",
        f"- Python {m['python']}, Django {m['django']}, gunicorn {m['gunicorn']}; "
        f"database {db['engine']} {db['version']} (throwaway `{Path(db['name']).name}`, dropped "
        "at the end)",
        f"- Load average when the run started: {', '.join(f'{x:.2f}' for x in m['load_average_at_start'])}; "
        f"cores busy with other work just before: {m['busy_cores_before_start']}",
        "",
        f"A relationship round of {results['world']['members']:,} invited members "
        f"({results['world']['organizations']} organizations, three layers), production settings "
        "(DEBUG=false, TASKS_BACKEND=database, collected static files).",
        "",
        "## Targets",
        "",
        "| target | measured | met |",
        "|---|---|---|",
    ]
    for t in results["targets"]:
        lines.append(f"| {t['target']} | {t['measured']} | {'yes' if t['met'] else '**no**'} |")
    lines += [
        "",
        "## Answering under load (over HTTP)",
        "",
        f"gunicorn {g['workers']} workers x {g['threads']} threads ({g['worker_class']}) on "
        f"127.0.0.1 with DATABASE_CONN_MAX_AGE={main['conn_max_age']} (the deploy default), "
        f"driven by `bench/surveys/load.py`: {main['users']} simulated respondents at "
        f"once for {main['duration_s']:.0f} s (walks under way then finish), think time "
        f"{a['think_s'][0]}-{a['think_s'][1]} s between requests. {_phase_summary(main)}.",
        "",
        *_latency_table(main),
        "",
        f"Answers checked in the database after all phases: {a['verification']['respondents_checked']} "
        f"submitted respondents, {a['verification']['ties_checked']:,} ties, "
        f"{a['verification']['mismatches']} mismatches, "
        f"{a['verification']['unexpected_submissions']} unexpected submissions. gunicorn log: "
        f"{g['tracebacks_in_log']} tracebacks; mails printed by the web processes: "
        f"{g['mails_printed_by_web_processes']}.",
    ]
    persistent = phases.get("load_persistent")
    if persistent:
        lines += [
            "",
            f"### The same with persistent database connections "
            f"(DATABASE_CONN_MAX_AGE={persistent['conn_max_age']})",
            "",
            f"A second gunicorn, otherwise the same, after its own warm-up; new respondents. "
            f"{_phase_summary(persistent)}.",
            "",
            *_latency_table(persistent),
        ]
    samples = [e for p in phases.values() for e in p["latency"]["error_samples"]]
    if samples:
        lines += ["", "First errors:", ""]
        lines += [f"- `{e}`" for e in samples[:10]]
    lines += _cost_section(results)
    o, s, c = results["opening"], results["sending"], results["closing"]
    lines += [
        "",
        "## Opening and invitations (in-process)",
        "",
        f"- The leader's `POST .../surveys/<id>/open/` (Django's test client through the real "
        f"view and middleware): {o['wall_s']:.2f} s, {o['queries']} queries, status "
        f"{o['status_code']}; it created {o['invitations_created']:,} invitations and queued "
        f"{', '.join(q['task'].rsplit('.', 1)[-1] for q in o['queued_tasks'])}; mails sent by "
        f"the request: {o['mails_sent_in_request']}.",
        f"- The queued task, run by django-tasks-db's worker (as `netlead db_worker --batch`, "
        f"in-process, locmem mail backend): {s['mails_sent']:,} mails in {s['wall_s']:.1f} s "
        f"({s['per_mail_ms']} ms a mail); task {s['task_status']}, "
        f"{s['invitations_not_marked_sent']} invitations left unmarked; a mailed link opens "
        f"its invitation: {'yes' if s['link_opens_an_invitation'] else 'no'}.",
        "",
        "## Closing and the diagnosis (in-process)",
        "",
        f"After the load phases the other {results['fill']['respondents_filled']:,} members' "
        f"answers were written straight into the database ({results['fill']['ties_written']:,} "
        f"ties, 8-12 per respondent, about 70% inside their organization), so the round has "
        f"{c['members']:,} members and {c['ties']:,} ties, all submitted.",
        "",
        f"- `services.round_close`: {c['round_close_s']:.2f} s (it queues compute_diagnosis: "
        f"{c['compute_diagnosis_queued']} task).",
        f"- `surveys.diagnosis.compute` (what that task runs), {len(c['compute_runs_s'])} runs: "
        f"{', '.join(f'{x:.2f}' for x in c['compute_runs_s'])} s; median {c['compute_median_s']:.2f} s; "
        f"status {c['diagnosis_status']}; betweenness {c['betweenness_method']}; stored diagnosis "
        f"{c['diagnosis_json_bytes'] / 1e6:.1f} MB of JSON, {c['map_edges']:,} map edges. "
        f"Of that, measured once more on their own: loading the round's network from the "
        f"database {c['compute_parts_s']['load_network']:.2f} s, `netlead.analysis.diagnose` "
        f"plus `to_dict` {c['compute_parts_s']['diagnose_and_to_dict']:.2f} s (the rest: map "
        "edges and storing the JSON).",
        f"- Sum: {c['total_s']:.2f} s.",
        "",
        "## Notes",
        "",
    ]
    lines += [f"- {note}" for note in results["notes"]]
    lines.append("")
    return "\n".join(lines)


def _cost_section(results: dict[str, Any]) -> list[str]:
    """What each page costs without contention, and the diagnostic load phases."""
    a = results["answering"]
    phases, profile = a["phases"], a["profile"]["pages"]
    base = phases["baseline"]["latency"]["kinds"]
    lines = [
        "",
        "## Cost of each page",
        "",
        f"*In-process*: Django's test client, one respondent at a time, median of "
        f"{a['profile']['respondents']} respondents (SQL time as the client sees it). *Alone "
        f"over HTTP*: one respondent at a time against gunicorn "
        f"({phases['baseline']['walks']['completed']} walks), median.",
    ]
    header = (
        "| page | in-process ms | SQL queries | of which SQL ms | size | alone over HTTP, "
        "median ms |"
    )
    rule = "|---|---|---|---|---|---|"
    diagnostics = []
    other = phases.get("without_roster_page")
    if other:
        lines.append(
            f"\n*No roster page*: {other['users']} at once again for {other['duration_s']:.0f} s "
            f"with the same think time, but the respondents post their roster without loading the "
            f"roster page: {_phase_summary(other)}."
        )
        header += " no roster page: median / p95 ms |"
        rule += "---|"
        diagnostics.append(other)
    paced = phases.get("paced")
    if paced:
        low, high = paced["think_s"]
        lines.append(
            f"\n*Human pace*: {paced['users']} at once for {paced['duration_s']:.0f} s, the same "
            f"walk but {low:g}-{high:g} s of think time between requests (a diagnostic, not "
            f"the target's measurement): "
            f"{_phase_summary(paced)}."
        )
        header += f" human pace ({low:g}-{high:g} s): median / p95 ms |"
        rule += "---|"
        diagnostics.append(paced)
    lines += ["", header, rule]
    for kind in load.KINDS:
        p = profile.get(kind, {})
        row = (
            f"| {kind} | {p.get('median_ms')} | {p.get('queries')} | {p.get('sql_ms')} | "
            f"{_kib(p.get('bytes', 0))} | {base[kind]['median_ms']} |"
        )
        for phase in diagnostics:
            k = phase["latency"]["kinds"][kind]
            row += f" {k['median_ms']} / {k['p95_ms']} |" if k["count"] else " (not loaded) |"
        lines.append(row)
    row = f"| **all** | | | | | {phases['baseline']['latency']['all']['median_ms']} |"
    for phase in diagnostics:
        row += f" {phase['latency']['all']['median_ms']} / {phase['latency']['all']['p95_ms']} |"
    lines.append(row)
    return lines


def default_notes(results: dict[str, Any]) -> list[str]:
    notes = [
        "The machine is a shared 2-core virtual machine: gunicorn's workers, PostgreSQL and the "
        "load driver all run on the same two cores, so the driver takes CPU from the server, "
        "and neighbours on the host add noise. Repeated runs differ by some tens of percent.",
        "Measured over HTTP: only the answering path, against gunicorn on 127.0.0.1 with "
        "production settings (DEBUG=false, collected static files, TASKS_BACKEND=database, "
        f"DATABASE_CONN_MAX_AGE={results['settings']['conn_max_age']}, as in docs/deploy.md). "
        "Latency is from sending the request to the last byte of the body, on loopback (no TLS, "
        "no proxy, no real network). Static files are not requested (a browser caches them). "
        "A warm-up of one walk per gunicorn thread (after each gunicorn start) and the "
        "lone-respondent baseline are not in the load tables.",
        "Measured in-process: opening (test client), the invitation task (django-tasks-db's "
        "worker with the locmem mail backend: rendering and bookkeeping only; a real SMTP server "
        "adds its own time per mail, and the task opens one connection per message), round_close "
        "and the diagnosis.",
        "The driver (`load.py`, threads + http.client) was chosen over locust to add no "
        "dependency and keep the client's own CPU use small on two cores. Each simulated "
        "respondent has its own keep-alive connection, cookies and CSRF token (the csrftoken "
        "cookie's value, sent as the form field and as X-CSRFToken for autosave); requests "
        "carry X-Forwarded-Proto: https and POSTs an Origin header, as behind the TLS proxy of "
        "docs/deploy.md. Each respondent uses its own invitation token, once.",
        "Every respondent names 5-10 members (about 70% of their own organization). The roster "
        "page of a large round lists the own organization; each named member of another "
        "organization is found by searching their full name (a search POST, which also saves "
        "the ticks so far, and the results page). Then 3-5 autosaves (a first thought about the "
        "first person, then final answers, one person per request) and the submit with all "
        "ratings; the check afterwards compares the database with the last ratings posted.",
        "No previous round exists, so the diagnosis has no comparison part; with one, compute "
        "also loads and diagnoses the previous round's network.",
    ]
    busy = {
        name: phase["cpu"]["other"]
        for name, phase in results["answering"]["phases"].items()
        if phase.get("cpu") and phase["cpu"]["other"] >= 0.2
    }
    if busy:
        notes.insert(
            0,
            "Other work on the machine during the run: besides gunicorn, PostgreSQL and the "
            "driver, processes or the kernel kept "
            + ", ".join(f"{cores} cores busy in the {name} phase" for name, cores in busy.items())
            + " on average (the `the rest` figure). Those phases had less CPU than the "
            "benchmark's own processes could use, so their latencies are pessimistic.",
        )
    stolen = {
        name: phase["cpu"]["steal"]
        for name, phase in results["answering"]["phases"].items()
        if phase.get("cpu") and phase["cpu"]["steal"] >= 0.1
    }
    if stolen:
        notes.insert(
            0,
            "The hypervisor took CPU from this machine during the run (steal time): "
            + ", ".join(f"{cores} cores in the {name} phase" for name, cores in stolen.items())
            + ". Measurements taken then (and the in-process page profile just before the "
            "first warm-up) are slower than the machine's own speed.",
        )
    notes[:0] = _why_notes(results)
    return notes


def _cpu_per_request(phase: dict[str, Any]) -> tuple[float, float, float]:
    """Milliseconds of CPU per request: gunicorn, PostgreSQL, both."""
    cpu, rate = phase["cpu"], phase["throughput_rps"] or 1
    web, db = cpu["gunicorn"] / rate * 1000, cpu.get("postgres", 0) / rate * 1000
    return web, db, web + db


def _why_notes(results: dict[str, Any]) -> list[str]:
    """What the measurements say about a missed latency target (nothing when it is met)."""
    a = results["answering"]
    profile, phases = a["profile"]["pages"], a["phases"]
    main = phases["load"]
    kinds = {k: v for k, v in main["latency"]["kinds"].items() if v["count"]}
    if all(v["p95_ms"] < P95_TARGET_MS for v in kinds.values()):
        return []
    notes = []
    slow_alone = {k: v for k, v in profile.items() if v["median_ms"] >= P95_TARGET_MS}
    for kind, page in slow_alone.items():
        notes.append(
            f"**Why the latency target is missed: the {kind} page is slow even alone**: "
            f"{page['median_ms']:.0f} ms in-process for one respondent, {_kib(page['bytes'])}, "
            f"{page['queries']} SQL queries taking {page['sql_ms']:.0f} ms."
        )
    cpu = main["cpu"]
    web, db, both = _cpu_per_request(main)
    fastest, slowest = (
        min(v["median_ms"] for v in profile.values()),
        max(v["median_ms"] for v in profile.values()),
    )
    cores = os.cpu_count() or 1
    saturated = cpu["cores_busy"] >= 0.85 * cores
    text = (
        f"**Why the latency target is missed{', also' if slow_alone else ''}: "
        f"{'CPU' if saturated else 'waiting'}.** "
        f"{'' if slow_alone else f'Every page is quick alone ({fastest:.0f}-{slowest:.0f} ms in-process). '}"
        + (
            f"Under load the two cores are the limit: {main['users']} respondents with "
            f"{a['think_s'][0]}-{a['think_s'][1]} s of think time ask for more than the server "
            f"completes ({main['throughput_rps']} requests a second with {cpu['cores_busy']} "
            f"of {cores} cores busy), so requests wait in gunicorn's queue; their latency is "
            f"mostly that wait."
            if saturated
            else f"The cores were not saturated ({cpu['cores_busy']} of {cores} busy on "
            f"average): the slow requests come from bursts (respondents arriving together, a "
            f"request queued behind busy threads), not from a CPU limit on average."
        )
        + f" A request costs about {both:.0f} ms of CPU: {web:.0f} ms in gunicorn (Django) "
        f"and {db:.0f} ms in PostgreSQL."
    )
    persistent = phases.get("load_persistent")
    if persistent and persistent.get("cpu"):
        web2, db2, both2 = _cpu_per_request(persistent)
        text += (
            f" With DATABASE_CONN_MAX_AGE={persistent['conn_max_age']} (persistent connections; "
            f"the deploy default {main['conn_max_age']} opens a new PostgreSQL connection, and "
            f"so a new server process, for every request) a request costs {both2:.0f} ms "
            f"({web2:.0f} + {db2:.0f}), the server completed {persistent['throughput_rps']} "
            f"requests a second, and p95 over all requests was "
            f"{persistent['latency']['all']['p95_ms']:,.0f} ms instead of "
            f"{main['latency']['all']['p95_ms']:,.0f} ms."
        )
    paced = phases.get("paced")
    if paced:
        low, high = paced["think_s"]
        worst = max(
            (k for k, v in paced["latency"]["kinds"].items() if v["count"]),
            key=lambda k: paced["latency"]["kinds"][k]["p95_ms"],
        )
        text += (
            f" People answering by hand take seconds per page, not tenths of a second: the same "
            f"{paced['users']} respondents at {low:g}-{high:g} s per page (the *human pace* "
            f"column) got p95 {paced['latency']['all']['p95_ms']:,.0f} ms over all requests, "
            f"the slowest page ({worst}) {paced['latency']['kinds'][worst]['p95_ms']:,.0f} ms."
        )
    notes.append(text)
    return notes


# -- Main ----------------------------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--organizations", type=int, default=40)
    parser.add_argument("--users", type=int, default=50, help="concurrent respondents")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load")
    parser.add_argument("--think-min", type=float, default=0.1)
    parser.add_argument("--think-max", type=float, default=0.5)
    parser.add_argument("--max-requests", type=int, default=100_000, help="bound on requests")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=2, help="gunicorn threads per worker")
    parser.add_argument(
        "--conn-max-age", type=int, default=60, help="DATABASE_CONN_MAX_AGE (deploy default 60)"
    )
    parser.add_argument("--database", choices=("auto", "postgres", "sqlite"), default="auto")
    parser.add_argument(
        "--baseline-walks", type=int, default=5, help="walks of one lone respondent (baseline)"
    )
    parser.add_argument(
        "--compare-conn-max-age",
        type=int,
        default=60,
        help="run the load again against a gunicorn with this DATABASE_CONN_MAX_AGE (0: not)",
    )
    parser.add_argument(
        "--paced-duration",
        type=float,
        default=90,
        help="seconds of a diagnostic load phase at a human pace (0: none)",
    )
    parser.add_argument("--paced-think-min", type=float, default=1.0)
    parser.add_argument("--paced-think-max", type=float, default=5.0)
    parser.add_argument("--compute-repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output-dir", type=Path, default=HERE)
    parser.add_argument("--note", action="append", default=[], help="extra note for RESULTS.md")
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=300,
        help="seconds to wait at most for other work on the machine to end before starting",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database and temp folder")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    busy_before = wait_for_quiet(args.quiet_wait)
    began = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="netlead-bench-surveys-"))
    database = choose_database(args.database, tmp)
    log(f"database: {database['engine']} {database['name']}; temp folder {tmp}")
    configure_environment(database, tmp, args.conn_max_age)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections
    from django.test.utils import override_settings

    results: dict[str, Any] = {
        "command": ".venv/bin/python bench/surveys/run.py " + " ".join(argv)
        if argv
        else ".venv/bin/python bench/surveys/run.py",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine_info(database) | {"busy_cores_before_start": busy_before},
        "settings": {
            "members": args.members,
            "organizations": args.organizations,
            "users": args.users,
            "duration_s": args.duration,
            "think_s": [args.think_min, args.think_max],
            "max_requests": args.max_requests,
            "workers": args.workers,
            "threads": args.threads,
            "conn_max_age": args.conn_max_age,
            "seed": args.seed,
            "tasks_backend": settings.TASKS["default"]["BACKEND"],
            "debug": settings.DEBUG,
        },
    }
    try:
        log("migrate and collectstatic")
        call_command("migrate", interactive=False, verbosity=0)
        collect_static(tmp)
        log(f"building {args.members} members in {args.organizations} organizations")
        start = time.perf_counter()
        world = build_world(args.members, args.organizations, args.seed)
        results["world"] = {
            "members": args.members,
            "organizations": world["organizations"],
            "build_s": round(time.perf_counter() - start, 2),
        }
        locmem = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
        with override_settings(MAILERS=locmem):
            log("opening the round")
            results["opening"] = measure_opening(world)
            log(f"opening: {results['opening']}")
            log("sending the invitations (queued task)")
            results["sending"] = measure_sending(world)
            log(f"sending: {results['sending']}")
        gather_statistics()
        connections.close_all()
        results["answering"] = measure_load(world, args, tmp)
        log(f"verification: {results['answering']['verification']}")
        log("filling the remaining answers")
        results["fill"] = fill_remaining(world, args.seed)
        log("closing the round and computing the diagnosis")
        results["closing"] = measure_closing(world, args.compute_repeat)
        log(f"closing: {results['closing']}")
    finally:
        connections.close_all()
        if args.keep:
            log(f"kept the database {database['name']} and {tmp}")
        else:
            drop_database(database)
            shutil.rmtree(tmp, ignore_errors=True)
    results["total_s"] = round(time.monotonic() - began, 1)
    results["targets"] = targets(results)
    results["notes"] = default_notes(results) + args.note
    args.output_dir.mkdir(parents=True, exist_ok=True)
    (args.output_dir / "results.json").write_text(
        json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8"
    )
    (args.output_dir / "RESULTS.md").write_text(render_markdown(results), encoding="utf-8")
    for t in results["targets"]:
        log(f"{'PASS' if t['met'] else 'FAIL'}  {t['target']}: {t['measured']}")
    log(f"wrote {args.output_dir / 'RESULTS.md'} and results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
