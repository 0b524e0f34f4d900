"""The leader's feedback requests and reports. The observers' own pages are in observer.py."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.development import selectors, services
from netlead.development.access import get_leader_for
from netlead.development.forms import FeedbackRequestForm, ObserverInviteForm
from netlead.workspaces.models import AuditEvent


def _base_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


@login_required
def request_list(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_leader_for(request, slug)
    initial = {
        "title": _("Feedback on my network leadership"),
        "closes_on": timezone.localdate() + timedelta(days=21),
    }
    form = FeedbackRequestForm(request.POST or None, owner=access.person, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.feedback_request_create(owner=access.person, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Request created. Now invite your observers."))
            return redirect("development:request", slug=slug, pk=created.pk)
    return render(
        request,
        "development/request_list.html",
        {
            "access": access,
            "requests": selectors.feedback_requests_of(access.person),
            "form": form,
            "has_assessment": access.person.self_assessments.exists(),
        },
        status=400 if form.errors else 200,
    )


@login_required
def request_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    access = get_leader_for(request, slug)
    feedback_request = get_object_or_404(selectors.feedback_requests_of(access.person), pk=pk)
    form = ObserverInviteForm(
        request.POST or None, initial={"language": translation.get_language()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.observer_invite(
                request=feedback_request, base_url=_base_url(request), **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(name)s is invited; the e-mail with their link is on its way.")
                % {"name": form.cleaned_data["name"]},
            )
            return redirect("development:request", slug=slug, pk=pk)
    return render(
        request,
        "development/request_detail.html",
        {
            "access": access,
            "feedback_request": feedback_request,
            "invitations": feedback_request.invitations.all(),
            "progress": selectors.response_progress(feedback_request),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def request_close(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    access = get_leader_for(request, slug)
    services.feedback_request_close(
        request=get_object_or_404(access.person.feedback_requests, pk=pk)
    )
    messages.success(request, _("The request is closed: your report is ready."))
    return redirect("development:request_report", slug=slug, pk=pk)


@login_required
def request_report(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    access = get_leader_for(request, slug)
    feedback_request = get_object_or_404(
        access.person.feedback_requests.select_related("assessment__framework", "owner__workspace"),
        pk=pk,
    )
    view = None
    if feedback_request.is_closed:
        AuditEvent.objects.create(
            workspace=access.membership.workspace,
            user=request.user,
            action="viewed",
            target=f"feedback report {feedback_request.pk}",
            path=request.path,
        )
        view = selectors.feedback_view(feedback_request)
    return render(
        request,
        "development/request_report.html",
        {
            "access": access,
            "feedback_request": feedback_request,
            "view": view,
            "k": access.membership.workspace.anonymity_threshold,
        },
    )
