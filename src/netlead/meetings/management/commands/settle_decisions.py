from typing import Any

from django.core.management.base import BaseCommand

from netlead.meetings.services import minutes_settle
from netlead.networks.services import charters_settle


class Command(BaseCommand):
    help = (
        "Adopt the proposed charter versions and approve the minutes whose network's decision "
        "rule is met (under consent: the period ended without an objection). Run daily (cron "
        "or a systemd timer); safe to run twice."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for version in charters_settle():
            self.stdout.write(f"Charter adopted under its rule: {version.network} ({version.pk}).")
        for minutes in minutes_settle():
            self.stdout.write(f"Minutes approved under the rule: {minutes.meeting} ({minutes.pk}).")
