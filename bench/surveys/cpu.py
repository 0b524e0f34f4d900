"""CPU cost of each answering page (a relationship survey, a health check, the four-principles
check of a leader network, an observer's feedback), one respondent at a time.

Usage (from the repository root)::

    .venv/bin/python bench/surveys/cpu.py [--members 5000] [--respondents 30]

Builds a round of `--members` members in a throwaway database (as run.py does: PostgreSQL on
127.0.0.1:5432 when it answers, else SQLite; production-like settings), opens it, then walks
`--respondents` respondents through the answering path (and as many through a health
check of the same network) with Django's test client (the real
middleware, views and templates; no HTTP). For each page: the median CPU time of this process
(`time.process_time()`, so little disturbed by other work on the machine), the CPU time
the PostgreSQL server process of this connection spent on it (read from /proc, as the
server runs on this machine; not on SQLite), the SQL queries and the response size. Prints
a Markdown table; `--json` writes the figures too. `--profile PAGE` prints cProfile's figures
of one page; the environment variable PROFILE_FILTER (a regular expression) keeps the lines
that match it.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402

FORM = "application/x-www-form-urlencoded"


Step = tuple[str, str, str, Any, int]


def walk_steps(r: Any, questions: tuple[str, ...]) -> list[Step]:
    """The same walk as run.py's in-process profile (and load.py's over HTTP)."""
    base = f"/s/{r.token}/"
    ratings = {f"tie-{t}-{q}": "3" for t in r.named for q in questions}
    first = {k: v for k, v in ratings.items() if k.startswith(f"tie-{r.named[0]}-")}
    listed = [str(t) for t in r.named if t not in r.search_terms]
    everyone = [str(t) for t in r.named]
    steps = [
        ("start", "get", base, {}, 200),
        ("consent", "post", base, {"consent": "yes"}, 302),
        ("people", "get", base + "people/", {}, 200),
    ]
    if r.search_terms:
        term = next(iter(r.search_terms.values()))
        steps += [
            ("search", "post", base + "people/", {"named": listed, "q": term, "search": ""}, 302),
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
    return steps


def health_walks(world: dict[str, Any], count: int, seed: int) -> list[list[Step]]:
    """A health-check round of the same network, opened; the walks of `count` respondents:
    consent, the statements, one autosave, the submit with every statement, thanks."""
    from netlead.core.tokens import token_for
    from netlead.frameworks.instruments import health_check
    from netlead.surveys import services
    from netlead.surveys.models import SURVEY_LINK_PURPOSE, Instrument, SurveyInvitation

    health = services.round_create(
        network=world["network"],
        instrument=Instrument.HEALTH,
        title="Network health 2026",
        closes_on=dt.date.today() + dt.timedelta(days=14),
        anonymous=True,
        created_by=world["leader"],
    )
    services.round_open(health, base_url="https://127.0.0.1")
    salts = list(
        SurveyInvitation.objects.filter(round=health)
        .exclude(member_id=world["leader_member_id"])
        .values_list("salt", flat=True)
    )
    rng = random.Random(seed)
    items = [i.key for d in health_check("en").dimensions for i in d.items]
    walks = []
    for salt in rng.sample(salts, count):
        base = f"/s/{token_for(salt, SURVEY_LINK_PURPOSE)}/"
        answers = {f"item-{key}": str(rng.randint(1, 5)) for key in items}
        walks.append(
            [
                ("health start", "get", base, {}, 200),
                ("health consent", "post", base, {"consent": "yes"}, 302),
                ("health page", "get", base + "health/", {}, 200),
                ("health autosave", "post", base + "save/", {f"item-{items[0]}": "3"}, 200),
                ("health submit", "post", base + "health/", {**answers, "submit": ""}, 302),
                ("health thanks", "get", base + "thanks/", {}, 200),
            ]
        )
    return walks


def principles_walks(world: dict[str, Any], count: int) -> list[list[Step]]:
    """A leader network of `count` members of the workspace, each a user, and a meeting of
    theirs that ended an hour ago; the walks: log in (not measured), the four-principles check
    page, the answer, and the leader network's page the answer returns to."""
    from django.urls import reverse

    from netlead.accounts.models import User
    from netlead.meetings.models import Meeting
    from netlead.networks.models import Network, NetworkKind, NetworkMember
    from netlead.programmes.models import LeaderNetworkProfile
    from netlead.workspaces.models import Membership, Person

    workspace = world["workspace"]
    network = Network.objects.create(
        workspace=workspace, name="Bench leaders", kind=NetworkKind.LEADER_NETWORK
    )
    LeaderNetworkProfile.objects.create(network=network, agreement="What is said here stays.")
    joined = dt.date.today() - dt.timedelta(days=90)
    users = []
    for i in range(count):
        user = User.objects.create_user(f"leader{i:03d}@bench.example.org", None, name=f"L {i}")
        Membership.objects.create(workspace=workspace, user=user)
        person = Person.objects.create(
            workspace=workspace, name=user.name, email=user.email, user=user
        )
        NetworkMember.objects.create(network=network, person=person, joined_on=joined)
        users.append(user)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    meeting = Meeting.objects.create(
        network=network,
        title="Case consultation",
        starts_at=now - dt.timedelta(hours=3),
        ends_at=now - dt.timedelta(hours=1),
    )
    page = reverse("programmes:leader_network", args=[workspace.slug, network.pk])
    check = reverse(
        "programmes:leader_network_check", args=[workspace.slug, network.pk, meeting.pk]
    )
    scores = {"commitment": "4", "feedback": "3", "flexibility": "5", "free_space": "4"}
    return [
        [
            ("log in", "login", "", user, 0),
            ("principles check page", "get", check, {}, 200),
            ("principles check answer", "post", check, scores, 302),
            ("leader network page", "get", page, {}, 200),
        ]
        for user in users
    ]


def observer_walks(world: dict[str, Any], count: int) -> list[list[Step]]:
    """A feedback request of the leader's own, with `count` observers (peers); the walks: the
    observer's page, the answer with every competence scored, and the thanks page."""
    from django.urls import reverse

    from netlead.development.links import observer_token
    from netlead.development.services import assessments, feedback, frameworks
    from netlead.workspaces.models import Person

    owner = Person.objects.get(workspace=world["workspace"], user=world["leader"])
    framework = frameworks.default_framework_ensure(workspace=world["workspace"])
    request = feedback.feedback_request_create(
        owner=owner,
        assessment=assessments.assessment_start(owner=owner, framework=framework),
        title="How do I lead our network?",
        message="",
        closes_on=dt.date.today() + dt.timedelta(days=14),
    )
    invitations = feedback.observers_invite(
        request=request,
        observers=[(f"Observer {i}", f"observer{i:03d}@bench.example.org") for i in range(count)],
        group="peer",
        language="en",
        base_url="https://127.0.0.1",
    )
    answers = {f"score_{key}": "4" for key in framework.competences.values_list("key", flat=True)}
    walks = []
    for invitation in invitations:
        base = reverse("development:observer_answer", args=[observer_token(invitation)])
        walks.append(
            [
                ("observer page", "get", base, {}, 200),
                ("observer answer", "post", base, {**answers, "consent": "on"}, 302),
                ("observer thanks", "get", base + "thanks/", {}, 200),
            ]
        )
    return walks


def _server_cpu_ns(connection: Any) -> tuple[int, int] | None:
    """(backend pid, nanoseconds it has run on a CPU) of the connection's PostgreSQL server
    process; None on SQLite or when /proc does not show it."""
    if connection.vendor != "postgresql":
        return None
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    try:
        # The first figure of schedstat: time on a CPU, in nanoseconds.
        return pid, int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _server_cpu_ms(before: tuple[int, int] | None, connection: Any) -> float | None:
    """The server's CPU time since `before`, if the same server process served the request
    (Django may close an old connection at the start or end of a request)."""
    if before is None or connection.connection is None:
        return None
    after = _server_cpu_ns(connection)
    if after is None or after[0] != before[0]:
        return None
    return (after[1] - before[1]) / 1e6


def measure(walks: list[list[Step]], warmup: int, profile: str | None = None) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client

    # CPU time, like the figures: waiting for the database is not what is measured here.
    profiler = cProfile.Profile(time.process_time) if profile else None
    seen: dict[str, list[tuple[float, int, int, float | None]]] = {}
    client = Client(HTTP_HOST="127.0.0.1")
    for index, steps in enumerate(walks):
        client.cookies.clear()
        for kind, method, path, data, expect in steps:
            if method == "login":  # a logged-in page's session, not measured
                client.force_login(data)
                continue
            counter = run._QueryTimer()
            with connection.execute_wrapper(counter):
                profiling = profiler is not None and kind == profile and index >= warmup
                if profiling:
                    profiler.enable()
                server_before = _server_cpu_ns(connection)
                start = time.process_time()
                if method == "post":  # as a browser sends a form (the test client's default is
                    # multipart, much dearer to parse)
                    response = client.post(path, urlencode(data, doseq=True), FORM, secure=True)
                else:
                    response = client.get(path, data, secure=True)
                cpu_ms = (time.process_time() - start) * 1000
                if profiling:
                    profiler.disable()
            server_ms = _server_cpu_ms(server_before, connection)
            if response.status_code != expect:
                raise RuntimeError(f"{kind}: status {response.status_code}, wanted {expect}")
            if index >= warmup:
                row = (cpu_ms, counter.count, len(response.content), server_ms)
                seen.setdefault(kind, []).append(row)
    if profiler is not None and profiler.getstats():  # the page may be in the other walk
        stats = pstats.Stats(profiler).sort_stats("cumulative")
        stats.print_stats(os.environ.get("PROFILE_FILTER", ""), 60)
    return {
        kind: {
            "cpu_ms": round(statistics.median(row[0] for row in rows), 2),
            "db_cpu_ms": _median_or_none([row[3] for row in rows if row[3] is not None]),
            "queries": max(row[1] for row in rows),
            "bytes": max(row[2] for row in rows),
        }
        for kind, rows in seen.items()
    }


def _median_or_none(values: list[float]) -> float | None:
    return round(statistics.median(values), 2) if values else None


def print_comparison(before: dict[str, Any], after: dict[str, Any]) -> None:
    print(
        "| page | CPU ms before | CPU ms after | after/before | database CPU ms before "
        "| database CPU ms after | after/before | SQL before | SQL after "
        "| size before | size after |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for kind, row in after.items():
        old = before.get(kind)
        if old is None:
            continue
        old_db, new_db = old.get("db_cpu_ms"), row.get("db_cpu_ms")
        print(
            f"| {kind} | {old['cpu_ms']} | {row['cpu_ms']} | {_ratio(old['cpu_ms'], row['cpu_ms'])} "
            f"| {_shown(old_db)} | {_shown(new_db)} | {_ratio(old_db, new_db)} "
            f"| {old['queries']} | {row['queries']} "
            f"| {run._kib(old['bytes'])} | {run._kib(row['bytes'])} |"
        )


def _shown(value: float | None) -> str:
    return "-" if value is None else str(value)


def _ratio(before: float | None, after: float | None) -> str:
    return f"{after / before:.2f}" if before and after is not None else "-"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--organizations", type=int, default=40)
    parser.add_argument("--respondents", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3, help="first walks not counted")
    parser.add_argument("--database", choices=("auto", "postgres", "sqlite"), default="auto")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", metavar="PAGE", help="print cProfile's figures of a page")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--baseline", type=Path, help="figures of an earlier run (its --json): shown side by side"
    )
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="netlead-bench-cpu-"))
    # Its own database: run.py may be running next to it.
    run.PG_DATABASE = "netlead_bench_cpu"
    database = run.choose_database(args.database, tmp)
    run.log(f"database: {database['engine']} {database['name']}")
    run.configure_environment(database, tmp, 60)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections
    from django.test.utils import override_settings

    from netlead.surveys.models import TIE_QUESTIONS

    try:
        call_command("migrate", interactive=False, verbosity=0)
        run.collect_static(tmp)
        run.log(f"building {args.members} members")
        world = run.build_world(args.members, args.organizations, args.seed)
        locmem = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
        with override_settings(MAILERS=locmem):
            opening = run.measure_opening(world)
        run.log(f"opened: {opening['invitations_created']} invitations")
        run.gather_statistics()
        respondents = run.respondents_for(world, args.seed)
        random.Random(args.seed).shuffle(respondents)
        chosen = respondents[: args.respondents + args.warmup]
        questions = tuple(TIE_QUESTIONS)
        pages = measure([walk_steps(r, questions) for r in chosen], args.warmup, args.profile)
        health = health_walks(world, args.respondents + args.warmup, args.seed)
        pages |= measure(health, args.warmup, args.profile)
        count = args.respondents + args.warmup
        pages |= measure(principles_walks(world, count), args.warmup, args.profile)
        pages |= measure(observer_walks(world, count), args.warmup, args.profile)
    finally:
        connections.close_all()
        run.drop_database(database)
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"\n{args.respondents} respondents, {args.members} members, {database['engine']}\n")
    if args.baseline:
        print_comparison(json.loads(args.baseline.read_text(encoding="utf-8")), pages)
    else:
        print("| page | CPU ms (median) | database CPU ms (median) | SQL queries | size |")
        print("|---|---|---|---|---|")
        for kind, row in pages.items():
            print(
                f"| {kind} | {row['cpu_ms']} | {_shown(row['db_cpu_ms'])} | {row['queries']} "
                f"| {run._kib(row['bytes'])} |"
            )
    if args.json:
        args.json.write_text(json.dumps(pages, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
