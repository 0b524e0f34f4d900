"""Use cases of user accounts."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from netlead.accounts.models import User

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@transaction.atomic
def account_create(*, email: str, name: str, password: str, language: str = "") -> User:
    user = User(email=email, name=name, language=language if language in LANGUAGE_CODES else "")
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


def account_update(*, user: User, name: str, language: str) -> User:
    if language and language not in LANGUAGE_CODES:
        raise ValidationError(_("Unknown language."))
    user.name = name
    user.language = language
    user.save(update_fields=["name", "language"])
    return user


def language_choose(*, user: User, language: str) -> None:
    """Remember the language a logged-in user picked in the language switcher."""
    if language in LANGUAGE_CODES and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def account_delete(*, user: User) -> None:
    """Delete the account: what points to it keeps its record without it (set to empty), its
    tokens, sessions and requests go with it. Called by netlead.privacy's erasure, once every
    person of the account is erased."""
    user.delete()
