"""At-least-once delivery on the Redis queue (netlead.core.rq_queue, docs/deploy.md): the job of
a worker killed with SIGKILL is requeued by another worker's maintenance once the job's entry
has expired (at most 30 s after the kill, not RQ's 90), and runs there to the end. The wait for
the entry to expire is skipped by expiring it in Redis; tools/ci/cluster_smoke.py waits for real.

Skipped when Redis does not answer on 127.0.0.1:6379."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from redis import Redis

from tests.test_site import _production

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/13"  # a database of its own, emptied before and after


def _redis_answers() -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", 6379), timeout=1):
        return True
    return False


pytestmark = pytest.mark.skipif(
    not _redis_answers(), reason="Redis does not answer on 127.0.0.1:6379"
)


@pytest.fixture
def redis_db() -> Iterator[Redis]:
    connection = Redis.from_url(REDIS_URL)
    connection.flushdb()
    yield connection
    connection.flushdb()
    connection.close()


def _descendants(pid: int) -> list[int]:
    found = []
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            for child in map(int, children.read_text().split()):
                found += [child, *_descendants(child)]
    return found


def kill_machine(pid: int) -> None:
    """SIGKILL a worker and its work-horse at once, as when their machine is lost: both are
    stopped first, so that neither sees the other die (RQ puts the horse in a process group of
    its own, and a worker that outlives its horse fails or requeues the job itself)."""
    for signal_number in (signal.SIGSTOP, signal.SIGKILL):
        for process in [pid, *_descendants(pid)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(process, signal_number)


def _wait(what: str, done: Callable[[], bool], timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if done():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what}: not within {timeout:.0f} s; {log.name}: {log.read_text()}")


def test_a_killed_workers_job_is_run_again_by_another_worker(
    tmp_path: Path, redis_db: Redis
) -> None:
    from rq.job import Job, JobStatus
    from rq.registry import FailedJobRegistry, StartedJobRegistry

    from netlead.core.rq_queue import HEARTBEAT_INTERVAL, HEARTBEAT_MARGIN, RERUNS

    env = _production(tmp_path) | {
        "TASKS_BACKEND": "rq",
        "REDIS_URL": REDIS_URL,
        "PYTHONPATH": str(ROOT),
        "LOG_LEVEL": "INFO",
    }
    runs = tmp_path / "runs.txt"
    # The worker as docs/deploy.md starts it: its classes come from the settings.
    first = subprocess.Popen(
        ["netlead", "rqworker", "--name", "first", "default"],
        cwd=ROOT,
        env=env,
        stdout=(tmp_path / "first.log").open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    second = None
    try:
        queued = subprocess.run(
            [
                "netlead",
                "shell",
                "-c",
                f"from tests.core.rq_tasks import hold; print(hold.enqueue(path={str(runs)!r}).id)",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert queued.returncode == 0, queued.stderr
        job_id = queued.stdout.split()[-1]
        _wait("the first run", lambda: runs.exists(), 30, tmp_path / "first.log")

        started = StartedJobRegistry("default", connection=redis_db)
        [(entry, expires)] = redis_db.zrange(started.key, 0, -1, withscores=True)
        # The entry lives until the next heartbeat and the margin, not RQ's 60 s more.
        assert expires <= time.time() + HEARTBEAT_INTERVAL + HEARTBEAT_MARGIN + 1
        assert expires > time.time() + HEARTBEAT_MARGIN - 1

        kill_machine(first.pid)
        first.wait(timeout=10)
        job = Job.fetch(job_id, connection=redis_db)
        assert job.get_status() == JobStatus.STARTED
        assert job.retries_left == RERUNS

        # As HEARTBEAT_INTERVAL + HEARTBEAT_MARGIN seconds later: the entry has expired. A
        # worker that starts runs its maintenance at once. (It is killed at the end: an RQ
        # worker that stops may wait up to 60 s for its pub/sub thread.)
        redis_db.zadd(started.key, {entry: time.time() - 1})
        second = subprocess.Popen(
            ["netlead", "rqworker", "--name", "second", "default"],
            cwd=ROOT,
            env=env,
            stdout=(tmp_path / "second.log").open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _wait(
            "the second run",
            lambda: Job.fetch(job_id, connection=redis_db).get_status() == JobStatus.FINISHED,
            60,
            tmp_path / "second.log",
        )
        assert runs.read_text() == "run\nrun\n"
    finally:
        for worker in (first, second):
            if worker is not None and worker.poll() is None:
                kill_machine(worker.pid)
                worker.wait(timeout=10)

    job = Job.fetch(job_id, connection=redis_db)
    assert job.get_status() == JobStatus.FINISHED
    assert job.worker_name == "second"
    assert job.retries_left == RERUNS - 1
    assert FailedJobRegistry("default", connection=redis_db).get_job_ids() == []
