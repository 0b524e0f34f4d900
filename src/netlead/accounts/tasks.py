"""Background tasks of the accounts app."""

from __future__ import annotations

from django.core.mail import send_mail
from django.tasks import task


@task()
def send_email(*, to: list[str], subject: str, body: str) -> int:
    """Send one plain-text e-mail; runs on the task worker in production."""
    return send_mail(subject, body, None, to)
