"""The leader's feedback requests and reports. The observers' own pages are in observer.py."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from netlead.core import ratelimit
from netlead.core.language import active_language
from netlead.core.web import AuthenticatedHttpRequest
from netlead.development import selectors, services
from netlead.development.access import feedback_report_for, leader_for
from netlead.development.forms import FeedbackRequestForm, ObserverInviteForm, ObserverListForm


def _base_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


@login_required
@ratelimit.limit_posts_per_user(ratelimit.SENDING)
def request_list(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    access = leader_for(request.user, slug)
    initial = {
        "title": _("Feedback on my network leadership"),
        "closes_on": timezone.localdate() + timedelta(days=21),
    }
    form = FeedbackRequestForm(request.POST or None, owner=access.person, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.feedback_request_create(
                owner=access.person,
                assessment=form.cleaned_data["assessment"],
                title=form.cleaned_data["title"],
                message=form.cleaned_data["message"],
                closes_on=form.cleaned_data["closes_on"],
            )
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
@ratelimit.limit_posts_per_user(ratelimit.SENDING)
def request_detail(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    access = leader_for(request.user, slug)
    feedback_request = get_object_or_404(selectors.feedback_requests_of(access.person), pk=pk)
    several = request.method == "POST" and "list-observers" in request.POST
    form = ObserverInviteForm(
        None if several else request.POST or None, initial={"language": active_language()}
    )
    list_form = ObserverListForm(
        request.POST if several else None, prefix="list", initial={"language": active_language()}
    )
    if several and list_form.is_valid():
        try:
            invited = services.observers_invite(
                request=feedback_request,
                observers=list_form.cleaned_data["observers"],
                group=list_form.cleaned_data["group"],
                language=list_form.cleaned_data["language"],
                base_url=_base_url(request),
            )
        except ValidationError as error:
            list_form.add_error(None, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s observer is invited; the e-mail is on its way.",
                    "%(count)s observers are invited; the e-mails are on their way.",
                    len(invited),
                )
                % {"count": len(invited)},
            )
            return redirect("development:request", slug=slug, pk=pk)
    if request.method == "POST" and not several and form.is_valid():
        try:
            services.observer_invite(
                request=feedback_request,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                group=form.cleaned_data["group"],
                language=form.cleaned_data["language"],
                base_url=_base_url(request),
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
            "list_form": list_form,
        },
        status=400 if form.errors or list_form.errors else 200,
    )


@login_required
@require_POST
def request_close(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    access = leader_for(request.user, slug)
    services.feedback_request_close(
        request=get_object_or_404(access.person.feedback_requests, pk=pk)
    )
    messages.success(request, _("The request is closed: your report is ready."))
    return redirect("development:request_report", slug=slug, pk=pk)


@login_required
@require_POST
@ratelimit.limit_posts_per_user(ratelimit.SENDING)
def request_remind(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    access = leader_for(request.user, slug)
    feedback_request = get_object_or_404(access.person.feedback_requests, pk=pk)
    try:
        services.observers_remind(request=feedback_request, base_url=_base_url(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("A reminder is on its way to each observer who has not answered yet.")
        )
    return redirect("development:request", slug=slug, pk=pk)


@login_required
@require_POST
@ratelimit.limit_posts_per_user(ratelimit.SENDING)
def observer_resend(
    request: AuthenticatedHttpRequest, slug: str, pk: int, invitation_id: int
) -> HttpResponse:
    access = leader_for(request.user, slug)
    feedback_request = get_object_or_404(access.person.feedback_requests, pk=pk)
    invitation = get_object_or_404(feedback_request.invitations, pk=invitation_id)
    try:
        services.observer_resend(invitation=invitation, base_url=_base_url(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The link is on its way to %(name)s again, unless they have answered already.")
            % {"name": invitation.name},
        )
    return redirect("development:request", slug=slug, pk=pk)


@login_required
def request_report(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    access = leader_for(request.user, slug)
    feedback_request = feedback_report_for(access, pk, path=request.path)
    view = None
    if feedback_request.is_closed:
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
