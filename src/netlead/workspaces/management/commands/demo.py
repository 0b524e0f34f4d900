from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from netlead.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo workspace (a regional youth-care network). Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "The demo creates accounts with a public password, so it runs only with "
                "DEBUG=true (as `make run` sets it), never on a production database."
            )
        demo = load_demo()
        workspace = demo.workspace
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo workspace '{workspace.name}': {workspace.organizations.count()} organizations, "
                f"{workspace.persons.count()} persons."
            )
        )
        self.stdout.write(f"Demo logins (password: {DEMO_PASSWORD}):")
        for email in demo.users:
            self.stdout.write(f"  {email}")
