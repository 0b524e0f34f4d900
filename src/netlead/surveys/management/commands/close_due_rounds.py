from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from netlead.surveys import services
from netlead.surveys.models import RoundStatus, SurveyRound


class Command(BaseCommand):
    help = (
        "Close every open survey round whose closing date has passed and compute its "
        "diagnosis. Run daily (cron or a systemd timer)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        due = SurveyRound.objects.filter(
            status=RoundStatus.OPEN, closes_on__lt=timezone.localdate()
        )
        for survey_round in due:
            services.round_close(survey_round, closed_by=None)
            self.stdout.write(f"Closed {survey_round} ({survey_round.network}).")
