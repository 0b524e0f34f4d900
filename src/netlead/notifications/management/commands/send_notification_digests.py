from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from netlead.notifications import services


class Command(BaseCommand):
    help = (
        "E-mail each user one digest of the notifications they chose to receive daily, and "
        "send immediate ones whose task never ran. Run daily (cron or a systemd timer), after "
        "notify_due."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        late = services.stragglers_send(now=now)
        count = services.digest_send(now=now)
        self.stdout.write(f"Sent {count} notification digest e-mail(s) and {late} late one(s).")
