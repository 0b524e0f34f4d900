"""At-least-once delivery on the Redis queue (TASKS_BACKEND=rq, docs/deploy.md): a job whose
worker dies is run again on its own, within about 40 seconds when a worker is free.

RQ's own mechanism does it; these classes only set it up. A running job's entry in its queue's
StartedJobRegistry expires unless its worker renews it (a heartbeat); a worker's maintenance
finds the expired entries of dead workers and calls each such job abandoned (AbandonedJobError),
and requeues it when it has retries left (rq.Retry), else moves it to the failed jobs. Out of
the box no job has a retry, so an abandoned one is only failed, and its entry lives 60 seconds
past the last heartbeat and is looked for every 10 minutes. Here:

- `Queue` gives every job created without one a Retry (RERUNS): the job of a dead worker is
  queued again, ahead of the others. The same retry also runs again a job that raised; every
  task is safe to run twice (and at the same time), so both are harmless, and the number is
  bounded: a job that kills its worker each time ends among the failed jobs.
- `Worker` renews its running job's entry every HEARTBEAT_INTERVAL seconds for
  HEARTBEAT_INTERVAL + HEARTBEAT_MARGIN seconds, so the entry of a dead worker expires at most
  HEARTBEAT_INTERVAL + HEARTBEAT_MARGIN (30) seconds after it died, and runs maintenance every
  MAINTENANCE_INTERVAL seconds, waking from an empty queue as often to do so. A free worker
  thus requeues the job at most 40 seconds after its worker died (plus a few seconds of Redis
  and process latency); when every worker is busy, the first to finish does.

The margin tolerates two missed heartbeats: a worker whose renewal is late by more (its machine
frozen, Redis out of reach) has its job run a second time at once, which the tasks allow.
settings.RQ names these classes, so `netlead rqworker default` uses them; the web processes
queue through `Queue` too.
"""

from __future__ import annotations

from typing import Any

from django_rq.queues import DjangoRQ
from rq import Worker as BaseWorker
from rq.job import Job, Retry

# Runs after the first: one lost worker and one more failure, three runs in all.
RERUNS = 2
HEARTBEAT_INTERVAL = 10
HEARTBEAT_MARGIN = 20
MAINTENANCE_INTERVAL = 10


class Queue(DjangoRQ):
    """django-rq's queue whose jobs are retried RERUNS times unless they say otherwise."""

    def create_job(self, *args: Any, **kwargs: Any) -> Job:
        # django-tasks-rq and django-rq pass every argument after the function by name.
        if kwargs.get("retry") is None:
            kwargs["retry"] = Retry(max=RERUNS, enqueue_at_front=True)
        return super().create_job(*args, **kwargs)


class Worker(BaseWorker):
    """RQ's forking worker with a short heartbeat and maintenance interval (module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("job_monitoring_interval", HEARTBEAT_INTERVAL)
        kwargs.setdefault("maintenance_interval", MAINTENANCE_INTERVAL)
        super().__init__(*args, **kwargs)

    def get_heartbeat_ttl(self, job: Job, working_time: float = 0.0) -> int:
        """How long a running job's entry lives from this heartbeat on: until the next
        heartbeat and HEARTBEAT_MARGIN seconds more (RQ adds 60). The job's own timeout is
        enforced by its work-horse and, past it, by this worker, not by this entry."""
        return int(self.job_monitoring_interval) + HEARTBEAT_MARGIN

    @property
    def dequeue_timeout(self) -> int:
        """Wait for a job at most MAINTENANCE_INTERVAL seconds (RQ: the worker's TTL less 15,
        405 s), so that an idle worker runs its maintenance on time."""
        return max(1, min(int(super().dequeue_timeout), int(self.maintenance_interval)))
