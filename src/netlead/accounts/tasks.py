"""Background tasks of the accounts app."""

from __future__ import annotations

from django.core.mail.message import EmailMessage
from django.tasks import TaskContext, task

from netlead.notifications.once import send_once


@task(takes_context=True)
def send_email(context: TaskContext[..., int], *, to: list[str], subject: str, body: str) -> int:
    """Send one plain-text e-mail; runs on the task worker in production. The queue may run
    one enqueued task twice (at-least-once delivery): the mail is keyed by the task's id, so
    the second run sends nothing."""
    key = f"accounts.send_email:{context.task_result.id}"
    return int(send_once(key, EmailMessage(subject, body, None, to)))
