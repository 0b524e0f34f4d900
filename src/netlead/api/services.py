"""Creating, using and revoking personal access tokens."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.accounts.models import User
from netlead.api.models import ApiToken
from netlead.core.errors import NotFound
from netlead.core.tokens import hash_token, new_token
from netlead.workspaces.access import membership_for

#: Tokens start with this, so a leaked one is recognisable (by a secret scanner, say).
TOKEN_PREFIX = "netlead_"  # noqa: S105 (a label, not a secret)
MAX_DAYS = 366


@transaction.atomic
def token_create(
    *, user: User, workspace_slug: str, name: str, can_write: bool, days: int
) -> tuple[ApiToken, str]:
    """A new token of `user` for one of their workspaces. Returns the row and the token, which
    is shown once: only its hash is stored."""
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = _("Give the token a name, so you know later what uses it.")
    if not 1 <= days <= MAX_DAYS:
        errors["days"] = _("A token is valid for 1 to %(days)s days.") % {"days": MAX_DAYS}
    try:
        membership = membership_for(user, workspace_slug)
    except NotFound:
        errors["workspace"] = _("Choose one of your workspaces.")
    if errors:
        raise ValidationError(errors)
    secret = TOKEN_PREFIX + new_token()
    token = ApiToken(
        user=user,
        workspace=membership.workspace,
        name=name.strip(),
        token_hash=hash_token(secret),
        can_write=can_write,
        expires_at=timezone.now() + timedelta(days=days),
    )
    token.full_clean()
    token.save()
    return token, secret


def token_revoke(*, token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def token_in_use(secret: str) -> ApiToken | None:
    """The active token of `secret`, its last-used day brought up to date (one write a day)."""
    token = (
        ApiToken.objects.select_related("user", "workspace")
        .filter(token_hash=hash_token(secret), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.is_active or not token.user.is_active:
        return None
    today = timezone.localdate()
    if token.last_used_on != today:
        ApiToken.objects.filter(pk=token.pk).update(last_used_on=today)
        token.last_used_on = today
    return token
