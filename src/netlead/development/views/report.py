"""The leader development report (printable), the leader's own or one shared with the
workspace's facilitators, and the facilitators' cohort figures."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from netlead.core.web import AuthenticatedHttpRequest
from netlead.development import selectors
from netlead.development.access import leader_for, shared_report_for
from netlead.workspaces.access import MANAGERS, membership_for


@login_required
def my_report(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    access = leader_for(request.user, slug)
    report = selectors.development_report(access.person, today=timezone.localdate(), for_owner=True)
    return render(request, "development/report.html", {"access": access, "report": report})


@login_required
def shared_report(request: AuthenticatedHttpRequest, slug: str, person_id: int) -> HttpResponse:
    """A report a leader chose to share: plan, self-assessments and combined feedback only."""
    shared = shared_report_for(request.user, slug, person_id, path=request.path)
    membership, person = shared.membership, shared.person
    report = selectors.development_report(person, today=timezone.localdate(), for_owner=False)
    return render(
        request,
        "development/report.html",
        {"membership": membership, "shared": True, "report": report},
    )


@login_required
def cohort(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = membership_for(request.user, slug, *MANAGERS)
    framework = selectors.default_framework_of(membership.workspace)
    return render(
        request,
        "development/cohort.html",
        {
            "membership": membership,
            "figures": selectors.cohort_figures(membership.workspace, framework),
        },
    )
