"""Helpers every app's views share: the typed request of a logged-in user, service errors on
forms, a safe `next` address, and speaking a link's language."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

from netlead.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """The request of a view behind `login_required` (or the login middleware): its user is a
    `User`, never anonymous."""

    user: User


def add_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def next_url(request: HttpRequest, default: str) -> str:
    """The `next` address posted by the page, if it is one of ours."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def speak_language(request: HttpRequest, language: str) -> None:
    """Without a language chosen on this device, the page speaks `language` (a link's)."""
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        translation.activate(language)
        request.LANGUAGE_CODE = language
