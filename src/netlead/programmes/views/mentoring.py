"""Mentoring pages: the facilitator's page of a mentoring programme (pairs, status and meeting
counts: never what a pair wrote) and the pair's own page for its mentor and mentee."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.accounts.models import User
from netlead.core.web import AuthenticatedHttpRequest
from netlead.programmes.access import PairAccess, pair_for, programme_for
from netlead.programmes.forms.mentoring import (
    PairGoalsForm,
    PairMeetingForm,
    PairProposeForm,
    PairReflectionForm,
)
from netlead.programmes.models import PairStatus
from netlead.programmes.selectors import mentoring as selectors
from netlead.programmes.services import mentoring as services
from netlead.workspaces.models import Person

#: What the accept and decline buttons post as `accept`.
RESPONSE_CHOICES = {"yes": True, "no": False}


@login_required
def mentoring(request: AuthenticatedHttpRequest, slug: str, programme_id: int) -> HttpResponse:
    membership, programme = programme_for(request.user, slug, programme_id)
    if not programme.is_mentoring:
        raise Http404
    form = PairProposeForm(
        request.POST or None, persons=selectors.pair_candidates(membership.workspace)
    )
    if request.method == "POST" and form.is_valid():
        user: User = request.user
        try:
            pair = services.pair_propose(
                programme=programme,
                mentor=form.cleaned_data["mentor"],
                mentee=form.cleaned_data["mentee"],
                note=form.cleaned_data["note"],
                proposed_by=user,
                base_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(pair)s proposed; both have been e-mailed to accept.") % {"pair": pair},
            )
            return redirect("programmes:mentoring", slug=slug, programme_id=programme.pk)
    return render(
        request,
        "programmes/mentoring/programme.html",
        {
            "membership": membership,
            "programme": programme,
            "pairs": selectors.pairs_of_programme(programme),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


def _pair_page(
    request: HttpRequest, access: PairAccess, *, status: int = 200, **forms: Any
) -> HttpResponse:
    pair = access.pair
    me, other = (pair.mentor, pair.mentee) if access.is_mentor else (pair.mentee, pair.mentor)
    role = "mentor" if access.is_mentor else "mentee"
    other_role = "mentee" if access.is_mentor else "mentor"
    my_reflection = getattr(pair, f"{role}_reflection")
    forms.setdefault("goals_form", PairGoalsForm(initial={"goals": pair.goals}, prefix="goals"))
    forms.setdefault("meeting_form", PairMeetingForm(prefix="meeting"))
    forms.setdefault(
        "reflection_form", PairReflectionForm(initial={"text": my_reflection}, prefix="reflection")
    )
    context = {
        "access": access,
        "slug": access.membership.workspace.slug,
        "pair": pair,
        "me": me,
        "other": other,
        "i_accepted": getattr(pair, f"{role}_accepted_at") is not None,
        "other_accepted": getattr(pair, f"{other_role}_accepted_at") is not None,
        "my_reflection": my_reflection,
        "other_reflection": getattr(pair, f"{other_role}_reflection"),
        "meetings": selectors.meetings_of(pair),
        "is_proposed": pair.status == PairStatus.PROPOSED,
        "is_active": pair.status == PairStatus.ACTIVE,
        "is_closed": pair.status == PairStatus.CLOSED,
        **forms,
    }
    return render(request, "programmes/mentoring/pair.html", context, status=status)


def _me(access: PairAccess) -> Person:
    return access.pair.mentor if access.is_mentor else access.pair.mentee


@login_required
def pair(request: AuthenticatedHttpRequest, slug: str, pair_id: int) -> HttpResponse:
    return _pair_page(request, pair_for(request.user, slug, pair_id))


@login_required
@require_POST
def pair_respond(request: AuthenticatedHttpRequest, slug: str, pair_id: int) -> HttpResponse:
    access = pair_for(request.user, slug, pair_id)
    # The page posts exactly "yes" or "no"; anything else is a tampered form, not a decline.
    accept = RESPONSE_CHOICES.get(request.POST.get("accept", ""))
    if accept is None:
        raise BadRequest
    try:
        pair = services.pair_respond(pair=access.pair, person=_me(access), accept=accept)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _pair_page(request, access, status=400)
    if pair.status == PairStatus.ACTIVE:
        messages.success(request, _("You both accepted: the mentoring has started."))
    elif pair.status == PairStatus.DECLINED:
        messages.success(request, _("You declined the proposal."))
    else:
        messages.success(request, _("You accepted. The pair starts once the other accepts too."))
    return redirect("programmes:pair", slug=slug, pair_id=pair_id)


def _pair_form_post(
    request: AuthenticatedHttpRequest,
    slug: str,
    pair_id: int,
    *,
    form_class: type[forms.Form],
    prefix: str,
    save: Callable[[PairAccess, dict[str, Any]], object],
    success: str,
) -> HttpResponse:
    """The body shared by the pair's forms: validate the form (posted with `prefix`), `save`
    it through a service, then back to the pair's page; else that page again with the form's
    errors (shown as `<prefix>_form`) and a 400."""
    access = pair_for(request.user, slug, pair_id)
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            save(access, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect("programmes:pair", slug=slug, pair_id=pair_id)
    return _pair_page(request, access, status=400, **{f"{prefix}_form": form})


@login_required
@require_POST
def pair_goals(request: AuthenticatedHttpRequest, slug: str, pair_id: int) -> HttpResponse:
    return _pair_form_post(
        request,
        slug,
        pair_id,
        form_class=PairGoalsForm,
        prefix="goals",
        save=lambda access, data: services.pair_goals_save(pair=access.pair, goals=data["goals"]),
        success=_("Goals saved."),
    )


@login_required
@require_POST
def pair_meeting_add(request: AuthenticatedHttpRequest, slug: str, pair_id: int) -> HttpResponse:
    return _pair_form_post(
        request,
        slug,
        pair_id,
        form_class=PairMeetingForm,
        prefix="meeting",
        save=lambda access, data: services.pair_meeting_add(pair=access.pair, **data),
        success=_("Meeting added."),
    )


@login_required
@require_POST
def pair_reflect(request: AuthenticatedHttpRequest, slug: str, pair_id: int) -> HttpResponse:
    return _pair_form_post(
        request,
        slug,
        pair_id,
        form_class=PairReflectionForm,
        prefix="reflection",
        save=lambda access, data: services.pair_reflect(
            pair=access.pair, person=_me(access), text=data["text"]
        ),
        success=_("Your reflection is saved."),
    )


@login_required
@require_POST
def pair_close(request: AuthenticatedHttpRequest, slug: str, pair_id: int) -> HttpResponse:
    access = pair_for(request.user, slug, pair_id)
    try:
        services.pair_close(pair=access.pair, person=_me(access))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _pair_page(request, access, status=400)
    messages.success(request, _("The mentoring is closed. Thank you both."))
    return redirect("programmes:pair", slug=slug, pair_id=pair_id)
