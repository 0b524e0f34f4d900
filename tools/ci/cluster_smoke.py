"""The scale-out set-up of docs/deploy.md under load, with a worker lost on the way.

PostgreSQL and Redis (127.0.0.1:6379; started here when it does not answer), two gunicorn
processes on two ports and two RQ workers (TASKS_BACKEND=rq), production settings, mail into
files (EMAIL_FILE_PATH) so every process's mails can be counted. Then:

1. a round of 1,000 members is opened and its invitation task queued: one worker sends;
2. while the invitations are going out, that worker and its work-horse are killed with SIGKILL,
   as when their machine is lost. Nothing is queued by hand: the other worker's maintenance
   finds the job abandoned and runs it again (netlead.core.rq_queue), and that run mails the
   invitations the killed one had not committed;
3. meanwhile 200 respondents answer through the real answering path, spread over both web
   processes (plain HTTP, 8 at a time);
4. the round is closed and its diagnosis task queued twice, as a queue that delivers at least
   once may do, so both workers compute the same round at once.

Checks: the killed job ran again on the other worker, on its own, within the bound of
docs/deploy.md, and mailed the rest; each member got one invitation message (the one mail in
flight when a job was killed may arrive twice, as the same message: the same Message-ID, at
most one per killed job, since no mail and COMMIT can be one atomic step); every answer
a respondent saw accepted is stored, once; one diagnosis stored, counting the 200; no failed job,
no 5xx, no traceback in any log. Bounded: each wait has a timeout, and the whole step stops
after 5 minutes.

    .venv/bin/python tools/ci/cluster_smoke.py     (from the repository root)
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime as dt
import email
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench" / "surveys"))

import load  # type: ignore[import-not-found]  # noqa: E402
import run as bench  # type: ignore[import-not-found]  # noqa: E402

PG_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
REDIS_DB = 14  # a database of its own on the shared Redis, emptied before and after
SEPARATOR = b"\n" + b"-" * 79 + b"\n"  # between messages in the file mail backend's files
BEGAN = time.monotonic()
LIMIT_S = 290.0


def log(message: str) -> None:
    print(f"[cluster-smoke {time.monotonic() - BEGAN:5.1f}s] {message}", flush=True)


def left() -> float:
    """Seconds left of the whole step's budget."""
    remaining = LIMIT_S - (time.monotonic() - BEGAN)
    if remaining <= 0:
        raise TimeoutError("the cluster check ran out of its 5 minutes")
    return remaining


def wait_for(what: str, done: Any, timeout: float, every: float = 0.2) -> None:
    deadline = time.monotonic() + min(timeout, left())
    while time.monotonic() < deadline:
        if done():
            return
        time.sleep(every)
    raise TimeoutError(f"{what}: not within {timeout:.0f} s")


def answers(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        return True
    return False


class Cluster:
    """The processes started here, stopped in reverse order at the end (whatever happened)."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, command: list[str]) -> subprocess.Popen[bytes]:
        out = (self.tmp / f"{name}.log").open("wb")
        # A session of its own: SIGKILL to the group takes a worker and its work-horse at once,
        # as when its machine dies.
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.processes[name] = process
        return process

    def kill(self, name: str) -> None:
        """SIGKILL a worker and its work-horse at once, as when their machine is lost. RQ puts
        the horse in a process group of its own, so both are stopped first, then killed: neither
        sees the other die (a worker that outlives its horse fails or requeues the job itself)."""
        process = self.processes[name]
        for signal_number in (signal.SIGSTOP, signal.SIGKILL):
            for pid in [process.pid, *descendants(process.pid)]:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal_number)
        process.wait(timeout=10)

    def stop_all(self) -> None:
        for process in reversed(self.processes.values()):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for process in reversed(self.processes.values()):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)


def descendants(pid: int) -> list[int]:
    found = []
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            for child in map(int, children.read_text().split()):
                found += [child, *descendants(child)]
    return found


def read_mails(folder: Path) -> list[email.message.Message]:
    messages = []
    for path in sorted(folder.glob("*.log")) if folder.exists() else []:
        for part in path.read_bytes().split(SEPARATOR):
            if part.strip():
                messages.append(email.message_from_bytes(part))
    return messages


def environment(tmp: Path, database: str, redis_url: str, site: str) -> None:
    """Production settings for this process and every process it starts."""
    for name in ("EMAIL_HOST", "SECRET_KEY_FILE", "CSRF_TRUSTED_ORIGINS"):
        os.environ.pop(name, None)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "netlead.settings",
            # Fixed, for this throwaway database: every process derives the same tokens.
            "SECRET_KEY": "cluster-smoke-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": site,
            "NETLEAD_VAR_DIR": str(tmp / "var"),
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
            "TASKS_BACKEND": "rq",
            "REDIS_URL": redis_url,
            "EMAIL_FILE_PATH": str(tmp / "mail"),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )


def collect_static() -> None:
    """collectstatic with the manifest the web processes read; the compressed copies that
    production adds are left out here for time (tools/ci/deploy_smoke.sh makes them)."""
    from django.core.management import call_command
    from django.test.utils import override_settings

    manifest = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": manifest},
    }
    with override_settings(STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)


def running_jobs(queue: Any) -> dict[str, str]:
    """The jobs being run now: id -> the worker's name."""
    from rq.job import Job

    running = {}
    # Without the registry's cleanup: requeuing an abandoned job is the workers' business.
    for job_id in queue.started_job_registry.get_job_ids(cleanup=False):
        with contextlib.suppress(Exception):
            job = Job.fetch(job_id, connection=queue.connection)
            running[job_id] = str(getattr(job, "worker_name", "") or "")
    return running


def idle(queue: Any) -> bool:
    """Nothing queued and nothing running."""
    return queue.count == 0 and not running_jobs(queue)


def check_rerun(queue: Any, lost: set[str], victim: str, killed_at: float) -> list[str]:
    """The killed worker's jobs ran again on their own on another worker, within the bound of
    docs/deploy.md (a few seconds' slack for a loaded machine), and the rerun did the rest."""
    from rq.job import Job, JobStatus

    from netlead.core.rq_queue import (
        HEARTBEAT_INTERVAL,
        HEARTBEAT_MARGIN,
        MAINTENANCE_INTERVAL,
        RERUNS,
    )

    bound = HEARTBEAT_INTERVAL + HEARTBEAT_MARGIN + MAINTENANCE_INTERVAL
    problems = []
    for job_id in sorted(lost):
        job = Job.fetch(job_id, connection=queue.connection)
        after = job.started_at.timestamp() - killed_at if job.started_at else float("nan")
        ran = job.return_value()
        log(
            f"the killed job {job_id} ran again on {job.worker_name} {after:.0f} s after the "
            f"kill (bound {bound} s) and mailed {ran}; {job.get_status()}, "
            f"{job.retries_left} of {RERUNS} reruns left"
        )
        if job.get_status() != JobStatus.FINISHED or f"-{victim}-" in str(job.worker_name):
            problems.append(f"the killed job {job_id} did not run again on another worker")
        elif job.retries_left != RERUNS - 1:
            problems.append(f"the killed job {job_id} ran {RERUNS - job.retries_left} more times")
        elif not after <= bound + 10:
            problems.append(f"the killed job {job_id} ran again {after:.0f} s after the kill")
        elif not ran:
            problems.append(f"the killed job's rerun {job_id} mailed nothing: nothing was tested")
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--respondents", type=int, default=200)
    parser.add_argument("--ports", default="8112,8122")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    ports = [int(p) for p in args.ports.split(",")]
    for port in ports:
        if answers(port):
            raise SystemExit(f"port {port} is taken")

    import psycopg

    tmp = Path(tempfile.mkdtemp(prefix="netlead-cluster-smoke-"))
    database = f"netlead_cluster_smoke_{os.getpid()}"
    cluster = Cluster(tmp)
    redis_server = None
    problems: list[str] = []
    try:
        if not answers(6379):
            log("Redis does not answer on 127.0.0.1:6379: starting redis-server")
            redis_server = subprocess.Popen(
                [
                    "redis-server",
                    "--port",
                    "6379",
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--dir",
                    str(tmp),
                ],
                stdout=(tmp / "redis.log").open("wb"),
                stderr=subprocess.STDOUT,
            )
            wait_for("redis-server", lambda: answers(6379), 15)
        redis_url = f"redis://127.0.0.1:6379/{REDIS_DB}"
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{database}"')
        site = f"https://127.0.0.1:{ports[0]}"
        environment(tmp, database, redis_url, site)

        import django

        django.setup()
        import django_rq
        from django.core.management import call_command

        queue = django_rq.get_queue("default")
        queue.connection.flushdb()
        log(f"database {database}, Redis {redis_url}, temporary folder {tmp}")
        call_command("migrate", interactive=False, verbosity=0)
        collect_static()
        log("migrated, static files collected")

        # -- the processes ----------------------------------------------------------------
        for number, port in enumerate(ports, start=1):
            cluster.start(
                f"web{number}",
                [
                    str(BIN / "gunicorn"),
                    "netlead.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "2",
                    "--threads",
                    "2",
                    "--timeout",
                    "30",
                    "--access-logfile",
                    str(tmp / f"web{number}-access.log"),
                ],
            )
        workers = ["worker1", "worker2"]
        for name in workers:
            cluster.start(
                name,
                [
                    str(BIN / "netlead"),
                    "rqworker",
                    "--job-class",
                    "django_tasks_rq.Job",
                    "--name",
                    f"cluster-smoke-{name}-{os.getpid()}",
                    "default",
                ],
            )
        for port in ports:
            wait_for(f"gunicorn on {port}", lambda port=port: answers(port), 60)
        from rq import Worker

        wait_for("two RQ workers", lambda: len(Worker.all(connection=queue.connection)) >= 2, 60)
        log(f"two web processes on {ports}, two RQ workers")

        # -- 1. a round of 1,000, its invitations queued ------------------------------------
        from netlead.surveys import services
        from netlead.surveys.models import (
            TIE_QUESTIONS,
            DiagnosisStatus,
            SurveyInvitation,
            SurveyRound,
            TieAnswer,
        )
        from netlead.surveys.tasks import compute_diagnosis

        world = bench.build_world(args.members, 12, args.seed)
        survey_round = world["round"]
        invited = services.round_open(survey_round, base_url=site)
        log(f"round opened: {invited} invitations; its task queued")

        # -- 2. the sending worker dies -----------------------------------------------------
        mail_dir = tmp / "mail"
        wait_for("the first invitation mails", lambda: len(read_mails(mail_dir)) >= 20, 60, 0.02)
        running = running_jobs(queue)
        victim = next(
            (w for w in workers if any(f"-{w}-" in n for n in running.values())), workers[0]
        )
        lost = {job for job, name in running.items() if f"-{victim}-" in name}
        before = len(read_mails(mail_dir))
        cluster.kill(victim)
        killed_at = time.time()
        log(
            f"killed {victim} (SIGKILL) after {before} of {invited} mails, "
            f"with {len(lost)} of the {len(running)} running jobs"
        )
        if not lost:
            problems.append("the killed worker was running no job: nothing was tested")
        if before >= invited:
            problems.append("every invitation was out before the kill: nothing was tested")

        # -- 3. 200 respondents over both web processes ----------------------------------
        respondents = bench.respondents_for(world, args.seed)[: args.respondents]
        walks: list[load.Walk] = []
        recorders = []
        threads = []
        for index, port in enumerate(ports):
            mine = iter(respondents[index :: len(ports)])
            driver = load.Driver(
                host="127.0.0.1",
                port=port,
                questions=TIE_QUESTIONS,
                think=(0.0, 0.02),
                timeout=30.0,
                max_requests=100_000,
                seed=args.seed + index,
            )
            rec = load.Recorder(100_000)
            recorders.append(rec)

            def drive(driver: Any = driver, mine: Any = mine, rec: Any = rec) -> None:
                driver.run(
                    mine,
                    users=args.concurrency // len(ports),
                    duration=min(150.0, left() - 60),
                    grace=20.0,
                    phase="answer",
                    rec=rec,
                )
                walks.extend(driver.walks)

            threads.append(threading.Thread(target=drive, daemon=True))
        answering = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=max(1.0, left() - 40))
        requests = sum(r.requests for r in recorders)
        failed = [w for w in walks if not w.completed]
        log(
            f"{len(walks)} respondents answered in {time.monotonic() - answering:.0f} s, "
            f"{requests} requests, {len(failed)} walks not completed"
        )
        if len(walks) != len(respondents) or failed:
            problems.append(
                f"{len(walks)} of {len(respondents)} walks, not completed: "
                + "; ".join(str(w.error or "cut by the time limit") for w in failed[:5])
            )
        for rec in recorders:
            problems += [f"request error: {e}" for e in rec.summary()["error_samples"][:5]]

        # -- every invitation out, once ---------------------------------------------------
        wait_for(
            "every invitation marked sent",
            lambda: (
                not SurveyInvitation.objects.filter(
                    round=survey_round, sent_at__isnull=True
                ).exists()
            ),
            max(5.0, left() - 45),
            0.5,
        )
        wait_for("the invitation jobs", lambda: idle(queue), 30, 0.5)
        problems += check_rerun(queue, lost, victim, killed_at)
        time.sleep(1)  # the last mail file is closed right after its commit
        # A worker killed between a mail leaving and its COMMIT sends that one mail again, as
        # the same message (the same Message-ID): at most one such mail per killed job.
        messages: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        for m in read_mails(mail_dir):
            if m["Subject"].startswith("Your voice in"):
                messages[m["To"]][m["Message-ID"]] += 1
        per_address = {address: sum(ids.values()) for address, ids in messages.items()}
        expected = set(
            SurveyInvitation.objects.filter(round=survey_round).values_list(
                "member__person__email", flat=True
            )
        )
        different = [a for a, ids in messages.items() if len(ids) > 1]
        again = {a: n for a, n in per_address.items() if n > 1 and a not in different}
        if (
            set(per_address) != expected
            or different
            or sum(again.values()) - len(again) > len(lost)
        ):
            problems.append(
                f"invitation mails: {len(per_address)} addresses of {len(expected)}, "
                f"{sum(per_address.values())} mails; different messages to one address: "
                f"{different[:5]}; the same message again: {list(again)[:5]} "
                f"(at most {len(lost)}, one per killed job)"
            )
        if again:
            log(f"the mail in flight at the kill went out again as the same message: {list(again)}")
        log(f"invitation mails: {sum(per_address.values())} to {len(per_address)} addresses")

        # -- answers stored once -----------------------------------------------------------
        verified = bench.verify_walks(world, walks)
        submitted = SurveyInvitation.objects.filter(
            round=survey_round, submitted_at__isnull=False
        ).count()
        pairs = list(
            TieAnswer.objects.filter(round=survey_round).values_list("respondent", "target")
        )
        if verified["mismatches"] or verified["unexpected_submissions"]:
            problems.append(f"stored answers differ from those posted: {verified['samples'][:3]}")
        if submitted != sum(w.submitted for w in walks) or len(pairs) != len(set(pairs)):
            problems.append(
                f"{submitted} submitted invitations; {len(pairs)} ties, {len(set(pairs))} distinct"
            )
        log(
            f"answers: {verified['respondents_checked']} respondents, "
            f"{verified['ties_checked']} ties checked against the database"
        )

        # -- 4. closed, the diagnosis queued twice -----------------------------------------
        survey_round = services.round_close(survey_round, closed_by=world["leader"])
        compute_diagnosis.enqueue(round_id=survey_round.pk)  # a second delivery
        wait_for(
            "the diagnosis",
            lambda: SurveyRound.objects.filter(
                pk=survey_round.pk, diagnosis_status=DiagnosisStatus.READY
            ).exists(),
            max(5.0, left() - 15),
            0.5,
        )
        first = SurveyRound.objects.values_list("computed_at", flat=True).get(pk=survey_round.pk)
        wait_for("the diagnosis jobs", lambda: idle(queue), 30, 0.5)
        survey_round.refresh_from_db()
        if survey_round.computed_at != first:
            problems.append("the diagnosis was computed and stored twice")
        network = survey_round.diagnosis["diagnosis"]["network"]
        if network["respondents"] != submitted:
            problems.append(
                f"the diagnosis counts {network['respondents']} respondents, not {submitted}"
            )
        log(
            f"diagnosis stored at {survey_round.computed_at:%H:%M:%S.%f}: "
            f"{network['respondents']} respondents, {network['ties']} ties"
        )

        # -- no errors ---------------------------------------------------------------------
        failed_jobs = queue.failed_job_registry.get_job_ids()
        if failed_jobs:
            problems.append(f"failed jobs: {failed_jobs}")
        for path in sorted(tmp.glob("*.log")):
            text = path.read_text(errors="replace")
            if "Traceback" in text:
                problems.append(f"a traceback in {path.name}")
            if path.name.endswith("-access.log"):
                errors = [line for line in text.splitlines() if '" 5' in line]
                if errors:
                    problems.append(f"{len(errors)} 5xx in {path.name}: {errors[0]}")
    finally:
        cluster.stop_all()
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        with contextlib.suppress(Exception):
            import django_rq

            django_rq.get_queue("default").connection.flushdb()
        with contextlib.suppress(Exception), psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        if redis_server is not None:
            redis_server.terminate()
            redis_server.wait(timeout=10)
        if problems and tmp.exists():
            for path in sorted(tmp.glob("*.log")):
                print(f"--- {path.name} (last 15 lines)")
                print("\n".join(path.read_text(errors="replace").splitlines()[-15:]))
    if problems:
        for problem in problems:
            log(f"FAILED: {problem}")
        return 1
    log(f"passed in {time.monotonic() - BEGAN:.0f} s ({dt.datetime.now(dt.UTC):%H:%M} UTC)")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
