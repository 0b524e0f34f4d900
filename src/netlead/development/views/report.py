"""The leader development report (printable), the leader's own or one shared with the
workspace's facilitators, and the facilitators' cohort figures."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.core.language import active_language
from netlead.core.web import AuthenticatedHttpRequest
from netlead.development import selectors
from netlead.development.access import leader_for, shared_report_for
from netlead.exports.responses import attachment
from netlead.reports.document import page_pdf
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


def _pdf(report: selectors.DevelopmentReport, context: dict[str, object]) -> HttpResponse:
    body = render_to_string("development/_report_body.html", {**context, "report": report})
    title = _("Leader development report") + f": {report.owner.name}"
    return attachment(
        page_pdf(body, title=title, language=active_language()),
        fmt="pdf",
        parts=(_("development report"), report.owner.name),
    )


@login_required
def my_report_pdf(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    access = leader_for(request.user, slug)
    report = selectors.development_report(access.person, today=timezone.localdate(), for_owner=True)
    return _pdf(report, {"access": access})


@login_required
def shared_report_pdf(request: AuthenticatedHttpRequest, slug: str, person_id: int) -> HttpResponse:
    shared = shared_report_for(request.user, slug, person_id, path=request.path)
    report = selectors.development_report(
        shared.person, today=timezone.localdate(), for_owner=False
    )
    return _pdf(report, {"membership": shared.membership, "shared": True})


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
