from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from netlead.programmes.services import alumni


class Command(BaseCommand):
    help = (
        "E-mail each alumni group member who wants it one digest of what others posted since "
        "their last digest. Run daily (cron or a systemd timer)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--base-url",
            default="",
            help="The site's address (https://netlead.example.org), to put links in the e-mails.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = alumni.digest_send(now=timezone.now(), base_url=options["base_url"])
        self.stdout.write(f"Queued {count} alumni digest e-mail(s).")
