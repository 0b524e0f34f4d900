"""The accounts app's part of the privacy rights (see netlead.privacy.parts): the account
itself. The account is deleted by `services.account_delete` once every person of it is erased."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext_lazy

from netlead.accounts.models import User
from netlead.privacy.parts import Line, Table, table
from netlead.workspaces.models import Person


def data_of(user: User, persons: Sequence[Person]) -> list[Table]:
    return [
        table(
            "accounts_user",
            gettext_lazy("Your account."),
            User.objects.filter(pk=user.pk),
            ["email", "name", "language", "date_joined", "last_login"],
        )
    ]


def erasure_of(person: Person) -> list[Line]:
    return []


def erase(person: Person) -> None:
    """The account is not the workspace's: an owner's erasure of a person keeps it."""
