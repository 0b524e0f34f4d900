"""Benchmark of the accountability report of a 5,000-member network: the background task that
renders it (gathering every section, the HTML and the PDF) must finish in under 30 s.

Usage (from the repository root)::

    .venv/bin/python bench/reports/run.py [--members 5000] [--repeat 3]

On a throwaway SQLite database in a temporary folder, with production-like settings
(DEBUG=false, TASKS_BACKEND=database):

1. build a workspace: 40 organizations, `--members` persons in three layers, one network whose
   members are all of them; 12 results with monthly measurements; 24 meetings in the year,
   every member's attendance recorded at each, decisions linked to results; 600 actions;
2. two relationship rounds (each member naming 8-12 others; the second compared with the
   first) and two health checks, closed in the year, their diagnoses computed as the closing
   task does (surveys.diagnosis.compute);
3. a report of the year with a narrative per section; the task `generate_report` is queued by
   services.report_generate and run by django-tasks-db's worker code path
   (`generate_report.call`), `--repeat` times; each run's wall time, and the sections and the
   PDF on their own once;
4. results.json and RESULTS.md are written next to this file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TARGET_S = 30.0
SECRET_KEY = "bench-reports-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz"  # noqa: S105


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def configure(tmp: Path) -> None:
    for name in ("DATABASE_URL", "SECRET_KEY_FILE", "EMAIL_HOST"):
        os.environ.pop(name, None)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "netlead.settings",
            "SECRET_KEY": SECRET_KEY,
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "NETLEAD_VAR_DIR": str(tmp),
            "TASKS_BACKEND": "database",
            "LOG_LEVEL": "WARNING",
        }
    )


def build(members: int, seed: int) -> dict[str, Any]:
    from django.utils import timezone

    from netlead.accounts.models import User
    from netlead.meetings.models import (
        Action,
        ActionStatus,
        Attendance,
        AttendanceStatus,
        Decision,
        Meeting,
    )
    from netlead.networks.models import (
        CharterStatus,
        CharterVersion,
        Measurement,
        Network,
        NetworkMember,
        NetworkRole,
        Result,
    )
    from netlead.workspaces.models import Layer, Membership, Organization, Person, Role, Workspace

    rng = random.Random(seed)
    year = timezone.localdate().year
    workspace = Workspace.objects.create(name="Bench workspace", slug="bench-reports")
    leader = User.objects.create_user("leader@bench.example.org", None, name="Bench Leader")
    Membership.objects.create(workspace=workspace, user=leader, role=Role.OWNER)
    orgs = Organization.objects.bulk_create(
        Organization(workspace=workspace, name=f"Organization {i + 1:02d}") for i in range(40)
    )
    layers = [Layer.STRATEGIC, Layer.TACTICAL, Layer.OPERATIONAL]
    persons = Person.objects.bulk_create(
        (
            Person(
                workspace=workspace,
                name=f"Person {i:05d}",
                email=f"person{i:05d}@bench.example.org",
                organization=rng.choice(orgs),
                layer=rng.choices(layers, (15, 35, 50))[0],
                user=leader if i == 0 else None,
            )
            for i in range(members)
        ),
        batch_size=1000,
    )
    network = Network.objects.create(
        workspace=workspace, name="Bench network", purpose="A benchmark.", phase=4
    )
    network_members = NetworkMember.objects.bulk_create(
        (
            NetworkMember(
                network=network,
                person=p,
                role=NetworkRole.LEADER if i == 0 else NetworkRole.MEMBER,
                joined_on=dt.date(year - 1, 1, 1),
            )
            for i, p in enumerate(persons)
        ),
        batch_size=1000,
    )
    CharterVersion.objects.create(
        network=network,
        number=1,
        status=CharterStatus.AGREED,
        necessity="None of us can do this alone.",
        shared_interest="Children grow up safely.",
        proposed_by=leader,
        agreed_at=timezone.now() - dt.timedelta(days=100),
    )
    results = [
        Result.objects.create(
            network=network,
            title=f"Result {i + 1}",
            indicator="Share of children helped within 4 weeks",
            unit="%",
            baseline=40,
            target=80,
            deadline=dt.date(year + 1, 12, 31),
        )
        for i in range(12)
    ]
    Measurement.objects.bulk_create(
        Measurement(
            result=r, measured_on=dt.date(year, month, 15), value=40 + month * rng.uniform(1, 4)
        )
        for r in results
        for month in range(1, 13)
    )
    tz = timezone.get_current_timezone()
    meetings = Meeting.objects.bulk_create(
        Meeting(
            network=network,
            title=f"Network meeting {i + 1}",
            starts_at=dt.datetime(year, 1 + i // 2, 5 + 10 * (i % 2), 14, tzinfo=tz),
            ends_at=dt.datetime(year, 1 + i // 2, 5 + 10 * (i % 2), 16, tzinfo=tz),
        )
        for i in range(24)
    )
    statuses = [AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT]
    Attendance.objects.bulk_create(
        (
            Attendance(meeting=m, member=nm, status=rng.choices(statuses, (70, 20, 10))[0])
            for m in meetings
            for nm in network_members
        ),
        batch_size=5000,
    )
    for m in meetings:
        for j in range(3):
            decision = Decision.objects.create(meeting=m, text=f"Decision {j + 1} of {m.title}")
            decision.results.add(rng.choice(results))
    Action.objects.bulk_create(
        Action(
            network=network,
            title=f"Action {i + 1}",
            owner=rng.choice(network_members),
            due_on=dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 360)),
            status=rng.choice([ActionStatus.OPEN, ActionStatus.DONE]),
            meeting=rng.choice(meetings),
            result=rng.choice(results),
            done_at=timezone.now() - dt.timedelta(days=rng.randint(1, 200)),
        )
        for i in range(600)
    )
    return {
        "network": network,
        "leader": leader,
        "members": network_members,
        "attendance_rows": len(meetings) * len(network_members),
    }


def close_rounds(world: dict[str, Any], seed: int) -> dict[str, float]:
    """Two relationship rounds and two health checks, answered by everyone and closed."""
    from django.db import transaction
    from django.utils import timezone

    from netlead.frameworks.instruments import health_check
    from netlead.surveys import diagnosis, services
    from netlead.surveys.models import (
        TIE_QUESTIONS,
        HealthAnswer,
        HealthResponse,
        Instrument,
        SurveyInvitation,
        SurveyRound,
        TieAnswer,
    )

    rng = random.Random(seed)
    network, leader, members = world["network"], world["leader"], world["members"]
    by_org: dict[int, list[int]] = {}
    org_of = {m.pk: m.person.organization_id for m in members}
    for pk, org in org_of.items():
        by_org.setdefault(org, []).append(pk)
    everyone = list(org_of)
    items = health_check("en").items
    times: dict[str, float] = {}
    for n, instrument in enumerate(
        (Instrument.RELATIONSHIPS, Instrument.HEALTH, Instrument.RELATIONSHIPS, Instrument.HEALTH)
    ):
        with transaction.atomic():
            survey_round = services.round_create(
                network=network,
                instrument=instrument,
                title=f"{instrument} {n + 1}",
                closes_on=timezone.localdate() + dt.timedelta(days=7),
                anonymous=True,
                created_by=leader,
            )
            services.round_open(survey_round, base_url="http://127.0.0.1")
        now = timezone.now()
        if instrument == Instrument.RELATIONSHIPS:
            ties = []
            for me in everyone:
                chosen: set[int] = set()
                while len(chosen) < rng.randint(8, 12):
                    pool = by_org[org_of[me]] if rng.random() < 0.7 else everyone
                    target = rng.choice(pool)
                    if target != me:
                        chosen.add(target)
                ties += [
                    TieAnswer(
                        round=survey_round,
                        respondent_id=me,
                        target_id=t,
                        **{q: rng.randint(1, 4) for q in TIE_QUESTIONS},
                    )
                    for t in chosen
                ]
            TieAnswer.objects.bulk_create(ties, batch_size=5000)
        else:
            responses = HealthResponse.objects.bulk_create(
                (
                    HealthResponse(
                        round=survey_round,
                        key_hash=f"{survey_round.pk}-{m.pk}",
                        organization=m.person.organization.name,
                        layer=m.person.layer,
                        submitted_at=now,
                    )
                    for m in members
                ),
                batch_size=2000,
            )
            HealthAnswer.objects.bulk_create(
                (
                    HealthAnswer(response=r, item=i.key, value=rng.randint(2, 5))
                    for r in responses
                    for i in items
                ),
                batch_size=5000,
            )
        SurveyInvitation.objects.filter(round=survey_round).update(started_at=now, submitted_at=now)
        with transaction.atomic():
            services.round_close(survey_round, closed_by=leader)
        start = time.perf_counter()
        diagnosis.compute(
            SurveyRound.objects.select_related("network__workspace", "previous").get(
                pk=survey_round.pk
            )
        )
        times[f"compute {survey_round.title}"] = round(time.perf_counter() - start, 2)
        log(f"closed {survey_round.title} in {times[f'compute {survey_round.title}']} s")
    return times


def measure(world: dict[str, Any], repeat: int, keep_pdf: str) -> dict[str, Any]:
    from django.db import transaction
    from django.utils import timezone, translation

    from netlead.reports import document, services
    from netlead.reports.models import GenerationStatus
    from netlead.reports.selectors import report_contents
    from netlead.reports.tasks import generate_report

    year = timezone.localdate().year
    report = services.report_create(
        network=world["network"],
        user=world["leader"],
        title=f"Accountability report {year}",
        starts_on=dt.date(year, 1, 1),
        ends_on=dt.date(year, 12, 31),
        language="nl",
    )
    services.report_narrative_save(
        report=report, texts={key: "Een korte toelichting. " * 20 for key in ("purpose", "results")}
    )
    runs = []
    for _ in range(repeat):
        with transaction.atomic():
            services.report_generate(report=report)  # queues the task on commit
        start = time.perf_counter()
        status = generate_report.call(report_id=report.pk)
        runs.append(time.perf_counter() - start)
        report.refresh_from_db()
        if status != GenerationStatus.READY or not report.has_document:
            raise RuntimeError(f"generation ended {status!r}")
    # Where the time goes, once each.
    start = time.perf_counter()
    with translation.override("nl"):
        report_contents(report)
    contents_s = time.perf_counter() - start
    start = time.perf_counter()
    body = document.render_body(report)
    body_s = time.perf_counter() - start
    start = time.perf_counter()
    laid_out = document.layout(document.standalone(report, body))
    pdf = bytes(laid_out.write_pdf())
    pdf_s = time.perf_counter() - start
    if keep_pdf:
        Path(keep_pdf).write_bytes(pdf)
    return {
        "runs_s": [round(r, 2) for r in runs],
        "median_s": round(statistics.median(runs), 2),
        "contents_s": round(contents_s, 2),
        "body_s": round(body_s, 2),
        "pdf_s": round(pdf_s, 2),
        "pdf_bytes": len(pdf),
        "html_bytes": len(body),
        "pdf_pages": len(laid_out.pages),
    }


def write_results(results: dict[str, Any]) -> None:
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    m = results["report"]
    ok = "yes" if m["median_s"] < TARGET_S else "**no**"
    lines = [
        "# Benchmark: the accountability report of a 5,000-member network",
        "",
        "Command (from the repository root):",
        "",
        "```",
        f"{results['command']}",
        "```",
        "",
        f"Machine: {results['machine']}; Python {results['python']}; SQLite "
        f"{results['sqlite']}; settings as in production (DEBUG=false, TASKS_BACKEND=database). "
        f"Run on {results['date']}.",
        "",
        "| target | measured | met |",
        "|---|---|---|",
        f"| report of {results['members']:,} members generated (task `generate_report`: every "
        f"section, HTML and PDF) < {TARGET_S:.0f} s | median {m['median_s']} s of "
        f"{len(m['runs_s'])} runs ({', '.join(str(r) for r in m['runs_s'])} s) | {ok} |",
        "",
        "The network: 40 organizations, "
        f"{results['members']:,} members in three layers; 12 results with 12 measurements each; "
        f"24 meetings with every member's attendance recorded ({results['attendance_rows']:,} "
        "rows), 72 decisions, 600 actions; two relationship rounds (8-12 ties named per member, "
        "the second compared with the first) and two health checks, all answered by everyone "
        "and closed in the period.",
        "",
        "Where the time goes (measured once more, on their own):",
        "",
        f"- gathering the sections (`reports.selectors.report_contents`): {m['contents_s']} s",
        f"- rendering the body (the above plus the template and the SVG charts): {m['body_s']} s "
        f"({m['html_bytes']:,} characters)",
        f"- WeasyPrint making the PDF: {m['pdf_s']} s ({m['pdf_pages']} pages, "
        f"{m['pdf_bytes']:,} bytes)",
        "",
        "Setting up (not part of the target): "
        + "; ".join(f"{k} {v} s" for k, v in results["setup"].items())
        + ".",
        "",
    ]
    (HERE / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--keep-pdf", default="", help="write the last PDF to this path")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="netlead-bench-reports-") as folder:
        tmp = Path(folder)
        configure(tmp)
        import django

        django.setup()
        import sqlite3

        from django.core.management import call_command

        log("migrate")
        call_command("migrate", interactive=False, verbosity=0)
        log(f"build a network of {args.members} members")
        start = time.perf_counter()
        world = build(args.members, args.seed)
        setup = {"building the network": round(time.perf_counter() - start, 2)}
        setup |= close_rounds(world, args.seed)
        log("generate the report")
        measured = measure(world, args.repeat, args.keep_pdf)
        log(f"median {measured['median_s']} s")
        write_results(
            {
                "command": f".venv/bin/python bench/reports/run.py --members {args.members} "
                f"--repeat {args.repeat}",
                "members": args.members,
                "attendance_rows": world["attendance_rows"],
                "machine": f"{platform.machine()}, {os.cpu_count()} CPUs shared",
                "python": platform.python_version(),
                "sqlite": sqlite3.sqlite_version,
                "date": dt.date.today().isoformat(),
                "setup": setup,
                "report": measured,
            }
        )


if __name__ == "__main__":
    sys.exit(main())
