"""The database task queue's one gap: a `netlead db_worker` that dies (its machine lost, the
process killed) leaves the task it was running marked RUNNING, and no worker takes it again.

Every task is safe to run twice (docs/deploy.md), so a task that has been RUNNING for longer
than any task takes is put back in the queue. The longest task (a large report) runs for
minutes, so the bound (TASK_ABANDONED_MINUTES, 30 by default) leaves a slow task alone. The
Redis queue does the same on its own (netlead.core.rq_queue).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def requeue_abandoned(now: datetime) -> int:
    """Put every task RUNNING since before the bound back in the queue; returns how many. One
    UPDATE: a task that finishes meanwhile is no longer RUNNING and stays as it is."""
    started_before = now - timedelta(minutes=settings.TASK_ABANDONED_MINUTES)
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=started_before
    ).update(status=TaskResultStatus.READY, started_at=None)
