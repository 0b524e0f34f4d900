"""`netlead check --deploy` warns while the demo's accounts exist: their password is public."""

from __future__ import annotations

from typing import Any

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError

from netlead.accounts.models import User
from netlead.demo.workspace import USERS


@register(Tags.security, deploy=True)
def demo_accounts_exist(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    emails = [email for email, *_rest in USERS]
    try:
        found = sorted(User.objects.filter(email__in=emails).values_list("email", flat=True))
    except DatabaseError:  # not migrated yet: nothing to warn about
        return []
    if not found:
        return []
    return [
        Warning(
            f"The demo accounts exist ({', '.join(found)}); their password is public.",
            hint="Delete them, or deploy on a database where `netlead demo` never ran.",
            id="netlead.W001",
        )
    ]
