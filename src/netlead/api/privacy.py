"""The API's part of the privacy rights (see netlead.privacy.parts): personal access tokens
(never their secret, which is not stored)."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netlead.accounts.models import User
from netlead.api.models import ApiToken
from netlead.privacy.parts import Line, Table, count_line, table
from netlead.workspaces.models import Person


def data_of(user: User, persons: Sequence[Person]) -> list[Table]:
    return [
        table(
            "api_tokens",
            gettext_lazy("Your personal access tokens for the API (without their secret)."),
            ApiToken.objects.filter(user=user),
            [
                "workspace__name",
                "name",
                "can_write",
                "created_at",
                "expires_at",
                "last_used_on",
                "revoked_at",
            ],
        )
    ]


def erasure_of(person: Person) -> list[Line]:
    if not person.user_id:
        return []
    return [
        count_line(
            _("API tokens"),
            ApiToken.objects.filter(user_id=person.user_id, workspace=person.workspace),
        )
    ]


def erase(person: Person) -> None:
    if person.user_id:
        ApiToken.objects.filter(user_id=person.user_id, workspace=person.workspace).delete()
