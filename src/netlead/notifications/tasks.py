"""Background tasks of notifications: they take the event's name, never a token or an
address, and are safe to run twice (see services)."""

from __future__ import annotations

from django.tasks import task

from netlead.notifications import services


@task()
def send_event(*, event: str) -> int:
    return services.event_send(event=event)
