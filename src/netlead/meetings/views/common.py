"""Helpers shared by the meetings views."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from netlead.meetings.models import Meeting
from netlead.networks.access import NetworkAccess


def meeting_for(access: NetworkAccess, pk: int) -> Meeting:
    """A meeting of the accessed network; any other id is a 404."""
    return get_object_or_404(access.network.meetings.select_related("network", "plan"), pk=pk)


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
