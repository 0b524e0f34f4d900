from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from netlead.core.task_queue import requeue_abandoned


class Command(BaseCommand):
    help = (
        "Put tasks a dead `netlead db_worker` left running back in the database queue (running "
        "for longer than TASK_ABANDONED_MINUTES). Run every few minutes or at least daily; safe "
        "to run twice."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = requeue_abandoned(timezone.now())
        if count:
            self.stdout.write(f"Queued again: {count} task(s) left running by a dead worker.")
