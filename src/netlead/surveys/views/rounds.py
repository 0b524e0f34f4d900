"""Survey rounds of a network: the list, a new round, opening, reminders, closing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.core import ratelimit
from netlead.core.web import AuthenticatedHttpRequest, add_errors
from netlead.networks.access import EDIT, READ, network_for
from netlead.surveys import selectors, services
from netlead.surveys.access import round_of
from netlead.surveys.forms import RoundForm, RoundSettingsForm
from netlead.surveys.models import RoundStatus


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


@login_required
def round_list(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = network_for(request.user, slug, network_id, READ)
    return render(
        request,
        "surveys/round_list.html",
        {
            "access": access,
            "rounds": selectors.rounds_of(access.network, include_drafts=access.can_edit),
            "my_links": selectors.my_open_links(access.network, request.user.pk),
        },
    )


@login_required
def round_create(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey_round = services.round_create(
                network=access.network,
                instrument=form.cleaned_data["instrument"],
                title=form.cleaned_data["title"],
                closes_on=form.cleaned_data["closes_on"],
                anonymous=form.cleaned_data["anonymous"],
                created_by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("Round drafted. Check it, then open it to invite the members.")
            )
            return redirect("surveys:detail", slug, network_id, survey_round.pk)
    return render(request, "surveys/round_form.html", {"access": access, "form": form})


@login_required
def round_detail(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, READ)
    survey_round = round_of(access, pk)
    settings_form = None
    if access.can_edit and survey_round.status != RoundStatus.CLOSED:
        settings_form = RoundSettingsForm(request.POST or None, instance=survey_round)
        if request.method == "POST":
            if settings_form.is_valid():
                try:
                    data = settings_form.cleaned_data
                    services.round_update(
                        survey_round=survey_round,
                        title=data["title"],
                        closes_on=data["closes_on"],
                        anonymous=data["anonymous"],
                    )
                except ValidationError as error:
                    add_errors(settings_form, error)
                else:
                    messages.success(request, _("Round saved."))
                    return redirect("surveys:detail", slug, network_id, pk)
            survey_round.refresh_from_db()
    elif request.method == "POST":
        return HttpResponse(status=405)
    status = 400 if settings_form is not None and settings_form.errors else 200
    return render(
        request,
        "surveys/round_detail.html",
        {
            "access": access,
            "round": survey_round,
            "progress": selectors.progress(survey_round, show_names=access.can_edit),
            "settings_form": settings_form,
            "members_without_email": access.network.members.filter(
                left_on__isnull=True, person__email=""
            ).count(),
        },
        status=status,
    )


def _lifecycle(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int, action: str
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    survey_round = round_of(access, pk)
    try:
        if action == "open":
            count = services.round_open(survey_round, base_url=_base_url(request))
            messages.success(
                request,
                _("The round is open: %(count)s invitations are being sent.") % {"count": count},
            )
        elif action == "remind":
            count = services.round_remind(survey_round, base_url=_base_url(request))
            messages.success(
                request,
                _("A reminder is being sent to %(count)s members who have not answered yet.")
                % {"count": count},
            )
        else:
            services.round_close(survey_round, closed_by=request.user)
            messages.success(request, _("The round is closed. The diagnosis is being computed."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("surveys:detail", slug, network_id, pk)


@login_required
@require_POST
@ratelimit.limit_posts_per_user(ratelimit.SENDING)
def round_open(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    return _lifecycle(request, slug, network_id, pk, "open")


@login_required
@require_POST
@ratelimit.limit_posts_per_user(ratelimit.SENDING)
def round_remind(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    return _lifecycle(request, slug, network_id, pk, "remind")


@login_required
def round_close(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    """GET: what closing the round now settles; POST: close it."""
    if request.method == "POST":
        return _lifecycle(request, slug, network_id, pk, "close")
    access = network_for(request.user, slug, network_id, EDIT)
    survey_round = round_of(access, pk)
    if survey_round.status != RoundStatus.OPEN:
        messages.info(request, _("Only an open round can be closed."))
        return redirect("surveys:detail", slug, network_id, pk)
    return render(
        request,
        "surveys/round_close.html",
        {
            "access": access,
            "round": survey_round,
            "consequences": selectors.close_consequences(survey_round),
        },
    )
