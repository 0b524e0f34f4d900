"""A task a dead `netlead db_worker` left RUNNING is queued again after TASK_ABANDONED_MINUTES
(`netlead requeue_abandoned_tasks`); one that is merely slow, done or waiting is left alone."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


def _task(status: str, started_minutes_ago: int | None) -> DBTaskResult:
    now = timezone.now()
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {"round_id": 1}},
        task_path="netlead.surveys.tasks.compute_diagnosis",
        backend_name="default",
        run_after=now,
        status=status,
        started_at=None
        if started_minutes_ago is None
        else now - timedelta(minutes=started_minutes_ago),
    )


def test_a_task_left_running_is_queued_again_and_only_that_one(db: None, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TASK_ABANDONED_MINUTES = 30
    abandoned = _task("RUNNING", started_minutes_ago=45)
    slow = _task("RUNNING", started_minutes_ago=10)
    done = _task("SUCCESSFUL", started_minutes_ago=90)
    waiting = _task("READY", started_minutes_ago=None)

    out = StringIO()
    call_command("requeue_abandoned_tasks", stdout=out)
    assert "Queued again: 1 task(s)" in out.getvalue()
    # What a worker takes next: the abandoned task is among them again.
    assert set(DBTaskResult.objects.ready().values_list("pk", flat=True)) == {
        abandoned.pk,
        waiting.pk,
    }
    for task, status in ((slow, "RUNNING"), (done, "SUCCESSFUL")):
        task.refresh_from_db()
        assert task.status == status

    second = StringIO()
    call_command("requeue_abandoned_tasks", stdout=second)
    assert second.getvalue() == ""  # safe to run twice
