"""Pages of the privacy rights: one's own data (a copy to download, the erasure of one's
account) and, for owners, the erasure of a person and the erasure requests of members."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.core.web import AuthenticatedHttpRequest, add_errors
from netlead.privacy import access, selectors, services
from netlead.privacy.forms import ConfirmForm, RetentionForm


@login_required
def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    exports = list(selectors.data_exports_of(request.user))
    links = {e.pk: services.data_export_token(e) for e in exports if e.can_download}
    return render(
        request,
        "privacy/overview.html",
        {
            "exports": [(e, links.get(e.pk)) for e in exports],
            "pending": any(e.is_pending for e in exports),
            "erasure": selectors.erasure_request_of(request.user),
            "valid_hours": settings.DATA_EXPORT_VALID_HOURS,
        },
    )


@login_required
@require_POST
def export_request(request: AuthenticatedHttpRequest) -> HttpResponse:
    export = services.data_export_request(user=request.user)
    messages.success(request, _("Your data is being put together. This page refreshes itself."))
    return redirect("privacy:export", pk=export.pk)


@login_required
def export(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = access.data_export_for(request.user, pk)
    return render(
        request,
        "privacy/export.html",
        {
            "export": found,
            "token": services.data_export_token(found) if found.can_download else None,
        },
    )


@login_required
@require_POST
def export_download(request: AuthenticatedHttpRequest, pk: int, token: str) -> HttpResponse:
    found = access.data_export_for(request.user, pk)
    data = services.data_export_take(export=found, token=token, path=request.path)
    if data is None:
        return render(request, "privacy/export_gone.html", {"export": found}, status=410)
    response = HttpResponse(data, content_type="application/zip")
    name = f"netlead-my-data-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def account_erasure(request: AuthenticatedHttpRequest) -> HttpResponse:
    """What erasing the account deletes and keeps; asking for it."""
    pending = selectors.erasure_request_of(request.user)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and pending is None and form.is_valid():
        try:
            services.account_erasure_request(
                user=request.user, base_url=request.build_absolute_uri("/").rstrip("/")
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your request for erasure is registered."))
            return redirect("privacy:overview")
    return render(
        request,
        "privacy/account_erasure.html",
        {
            "form": form,
            "pending": pending,
            "refusal": services.account_erasure_refusal(request.user),
            "previews": selectors.account_erasure_preview(request.user),
            "wait_days": settings.ERASURE_WAIT_DAYS,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def account_erasure_cancel(request: AuthenticatedHttpRequest) -> HttpResponse:
    services.account_erasure_cancel(user=request.user)
    messages.success(request, _("Your request for erasure is withdrawn."))
    return redirect("privacy:overview")


@login_required
def person_erase(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """An owner's confirmation page for erasing a person, and the erasure."""
    found = access.person_erasure_for(request.user, slug, pk)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_erase(person=found.person, by=found.membership, path=request.path)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The person is erased."))
            return redirect("workspaces:people", slug=slug)
    return render(
        request,
        "privacy/person_erase.html",
        {
            "membership": found.membership,
            "form": form,
            "preview": selectors.erasure_preview(found.person),
        },
        status=400 if form.errors else 200,
    )


@login_required
def erasure_confirm(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """An owner carries out a member's request to erase their account."""
    found = access.erasure_request_for(request.user, slug, pk)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_erase(erasure=found.erasure, by=found.membership, path=request.path)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The account is erased."))
            return redirect("workspaces:people", slug=slug)
    return render(
        request,
        "privacy/erasure_confirm.html",
        {
            "membership": found.membership,
            "form": form,
            "erasure": found.erasure,
            # This workspace's part only: the others are other tenants' business.
            "preview": selectors.erasure_preview_in(found.erasure, found.membership.workspace),
        },
        status=400 if form.errors else 200,
    )


@login_required
def retention(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The workspace's retention periods (owners)."""
    membership = access.retention_for(request.user, slug)
    form = RetentionForm(
        request.POST if request.method == "POST" else None,
        instance=selectors.retention_of(membership.workspace),
    )
    if request.method == "POST" and form.is_valid():
        services.retention_save(
            workspace=membership.workspace,
            survey_months=form.cleaned_data["survey_months"],
            audit_months=form.cleaned_data["audit_months"],
        )
        messages.success(request, _("The retention periods are saved."))
        return redirect("privacy:retention", slug=slug)
    return render(
        request,
        "privacy/retention.html",
        {
            "membership": membership,
            "form": form,
            "login_days": settings.LOGIN_RECORDS_DAYS,
            "task_days": settings.TASK_RECORDS_DAYS,
        },
        status=400 if form.errors else 200,
    )
