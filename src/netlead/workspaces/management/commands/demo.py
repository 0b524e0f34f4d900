from typing import Any

from django.core.management.base import BaseCommand

from netlead.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo workspace (a regional youth-care network). Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
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
