"""`netlead api_token create --user EMAIL --workspace SLUG [--write] [--days N]`: a personal
access token for operators and automation. Prints the token once; only its hash is kept."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from netlead.accounts.models import User
from netlead.api import services


class Command(BaseCommand):
    help = "Create a personal access token for the REST API and print it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["create"])
        parser.add_argument("--user", required=True, help="the e-mail address of the user")
        parser.add_argument("--workspace", required=True, help="the workspace's short name")
        parser.add_argument("--write", action="store_true", help="may change data")
        parser.add_argument("--days", type=int, default=90, help="valid for this many days")
        parser.add_argument("--name", default="command line")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(email__iexact=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active user with the e-mail address {options['user']}.")
        try:
            _token, secret = services.token_create(
                user=user,
                workspace_slug=options["workspace"],
                name=options["name"],
                can_write=options["write"],
                days=options["days"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(secret)
