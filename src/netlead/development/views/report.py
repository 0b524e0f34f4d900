"""The leader development report (printable), the leader's own or one shared with the
workspace's facilitators, and the facilitators' cohort figures."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from netlead.development import selectors, services
from netlead.development.access import get_leader_for
from netlead.workspaces.access import MANAGERS, get_membership_for
from netlead.workspaces.models import AuditEvent, Person


@login_required
def my_report(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_leader_for(request, slug)
    context = selectors.development_report(
        access.person, today=timezone.localdate(), for_owner=True
    )
    return render(request, "development/report.html", {"access": access, **context})


@login_required
def shared_report(request: HttpRequest, slug: str, person_id: int) -> HttpResponse:
    """A report a leader chose to share: plan, self-assessments and combined feedback only."""
    membership = get_membership_for(request, slug, *MANAGERS)
    person = get_object_or_404(
        Person.objects.filter(
            workspace=membership.workspace, development_profile__report_shared=True
        ),
        pk=person_id,
    )
    if person.user_id == request.user.pk:
        raise Http404
    AuditEvent.objects.create(
        workspace=membership.workspace,
        user=request.user,
        action="viewed",
        target=f"shared development report of person {person.pk}",
        path=request.path,
    )
    context = selectors.development_report(person, today=timezone.localdate(), for_owner=False)
    return render(
        request, "development/report.html", {"membership": membership, "shared": True, **context}
    )


@login_required
def cohort(request: HttpRequest, slug: str) -> HttpResponse:
    membership = get_membership_for(request, slug, *MANAGERS)
    framework = services.default_framework(membership.workspace)
    return render(
        request,
        "development/cohort.html",
        {
            "membership": membership,
            "figures": selectors.cohort_figures(membership.workspace, framework),
        },
    )
