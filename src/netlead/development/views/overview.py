from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.core.web import AuthenticatedHttpRequest
from netlead.development import selectors, services
from netlead.development.access import leader_for
from netlead.development.forms import ProfileForm
from netlead.workspaces.access import can_manage


@login_required
def overview(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The leader's own development: where they stand and what to do next."""
    access = leader_for(request.user, slug)
    owner = access.person
    latest = selectors.latest_complete(owner)
    previous = selectors.previous_assessment(latest) if latest else None
    summary = selectors.network_summary(owner, today=timezone.localdate())
    return render(
        request,
        "development/overview.html",
        {
            "access": access,
            "latest": latest,
            "rows": selectors.assessment_rows(latest, previous) if latest else [],
            "previous": previous,
            "assessments": selectors.assessments_of(owner)[:5],
            "requests": selectors.feedback_requests_of(owner)[:3],
            "goals": selectors.goals_of(owner).filter(status="active")[:5],
            "journal": selectors.journal_of(owner)[:3],
            "summary": summary,
            "positions": selectors.network_positions(owner),
            "can_manage": can_manage(access.membership),
        },
    )


@login_required
def settings(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    access = leader_for(request.user, slug)
    profile = selectors.profile_of(access.person)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.profile_update(
            owner=access.person,
            report_shared=form.cleaned_data["report_shared"],
            stale_after_days=form.cleaned_data["stale_after_days"],
        )
        messages.success(request, _("Your choices are saved."))
        return redirect("development:overview", slug=slug)
    return render(
        request,
        "development/settings.html",
        {"access": access, "form": form},
        status=400 if form.errors else 200,
    )
