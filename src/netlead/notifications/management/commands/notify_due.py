from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from netlead.meetings import notices as meeting_notices
from netlead.programmes import notices as programme_notices


class Command(BaseCommand):
    help = (
        "Notify owners of actions that are due soon or overdue, members of the agenda of "
        "meetings in the coming days, and leader-network members of a four-principles check "
        "that opened (each once). Run daily (cron or a systemd timer)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        with transaction.atomic():
            actions = meeting_notices.actions_due(today=timezone.localdate(now))
            agendas = meeting_notices.agendas_due(now=now)
            checks = programme_notices.checks_open(now=now)
        self.stdout.write(
            f"Queued {actions} action, {agendas} agenda and {checks} check notification(s)."
        )
