"""The active language, as the frameworks and stored texts know it: 'en', 'nl' or 'da', with
any region ('nl-be') stripped."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation


def active_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
