"""The report pages: the network's reports, a report (its document, generation progress and
actions), the narrative editor and the downloads. Each starts with its access function."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.core.errors import NotFound
from netlead.core.language import active_language
from netlead.core.web import AuthenticatedHttpRequest, add_errors
from netlead.exports.responses import attachment, table_response
from netlead.exports.sheets import cohort_progress_table
from netlead.networks.access import EDIT, network_for
from netlead.reports import document, selectors, services
from netlead.reports.access import cohort_report_for, report_for, report_progress_for
from netlead.reports.cohort_report import cohort_report as cohort_report_of
from netlead.reports.cohort_report import cohort_report_tables
from netlead.reports.forms import NarrativeForm, ReportForm


def _detail(slug: str, network_id: int, pk: int) -> HttpResponse:
    return redirect("reports:detail", slug=slug, network_id=network_id, pk=pk)


@login_required
def report_list(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = network_for(request.user, slug, network_id)
    form = None
    if access.can_edit:
        year = timezone.localdate().year
        form = ReportForm(
            initial={
                "title": _("Accountability report %(year)s") % {"year": year},
                "starts_on": date(year, 1, 1),
                "ends_on": date(year, 12, 31),
                "language": active_language(),
            }
        )
    return render(
        request,
        "reports/report_list.html",
        {
            "access": access,
            "reports": selectors.reports_of(access.network, include_drafts=access.can_edit),
            "form": form,
        },
    )


@login_required
@require_POST
def report_create(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    form = ReportForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            report = services.report_create(
                network=access.network,
                user=request.user,
                title=data["title"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                language=data["language"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Draft report made. Write your text per section."))
            return redirect("reports:edit", slug=slug, network_id=network_id, pk=report.pk)
    return render(
        request,
        "reports/report_list.html",
        {
            "access": access,
            "reports": selectors.reports_of(access.network, include_drafts=True),
            "form": form,
        },
        status=400,
    )


@login_required
def report_detail(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    found = report_for(request.user, slug, network_id, pk, what="page", path=request.path)
    report = found.report
    # An issued report shows the body stored when it was issued; a draft shows today's data.
    body = (
        document.stored_body(report)
        if report.is_issued and report.has_document
        else document.render_body(report)
        if not report.is_issued
        else ""
    )
    return render(
        request,
        "reports/report_detail.html",
        {"access": found.access, "report": report, "body": body},
    )


@login_required
def report_progress(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    found = report_progress_for(request.user, slug, network_id, pk)
    return render(
        request,
        "reports/_progress.html",
        {"access": found.access, "report": found.report},
    )


@login_required
def report_edit(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    found = report_for(
        request.user, slug, network_id, pk, what="editor", path=request.path, edit=True
    )
    report = found.report
    if report.is_issued:
        messages.info(request, _("This report has been issued and can no longer be changed."))
        return _detail(slug, network_id, pk)
    form = NarrativeForm(request.POST or None, initial_texts=selectors.narratives_of(report))
    if request.method == "POST" and form.is_valid():
        try:
            services.report_narrative_save(report=report, texts=form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Text saved."))
            return _detail(slug, network_id, pk)
    return render(
        request,
        "reports/report_edit.html",
        {"access": found.access, "report": report, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def report_generate(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    found = report_for(
        request.user, slug, network_id, pk, what="generate", path=request.path, edit=True
    )
    try:
        services.report_generate(report=found.report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _detail(slug, network_id, pk)


@login_required
@require_POST
def report_issue(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    found = report_for(
        request.user, slug, network_id, pk, what="issue", path=request.path, edit=True
    )
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm that the report may be issued."))
        return _detail(slug, network_id, pk)
    try:
        services.report_issue(report=found.report, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Report issued. Its PDF is being made and then kept as sent."))
    return _detail(slug, network_id, pk)


@login_required
def report_download(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int, fmt: str
) -> HttpResponse:
    if fmt not in ("pdf", "html"):
        raise NotFound(f"no report as {fmt!r}")
    found = report_for(
        request.user, slug, network_id, pk, what=f"download {fmt}", path=request.path
    )
    content = document.stored_download(found.report, fmt)
    return attachment(content, fmt=fmt, parts=(found.access.network.name, found.report.title))


@login_required
def cohort_report(request: AuthenticatedHttpRequest, slug: str, cohort_id: int) -> HttpResponse:
    access = cohort_report_for(request.user, slug, cohort_id, what="page", path=request.path)
    return render(
        request,
        "reports/cohort_report.html",
        {"access": access, "cohort": access.cohort, "report": cohort_report_of(access.cohort)},
    )


@login_required
def cohort_report_download(
    request: AuthenticatedHttpRequest, slug: str, cohort_id: int, fmt: str
) -> HttpResponse:
    """The cohort report as a PDF (made while the facilitator waits: a few pages of one
    cohort) or as an XLSX workbook with one sheet per table."""
    if fmt not in ("pdf", "xlsx"):
        raise NotFound(f"no cohort report as {fmt!r}")
    access = cohort_report_for(
        request.user, slug, cohort_id, what=f"download {fmt}", path=request.path
    )
    cohort = access.cohort
    report = cohort_report_of(cohort)
    parts = (cohort.name, _("cohort report"))
    if fmt == "xlsx":
        first, *more = cohort_report_tables(report)
        return table_response(
            first, fmt=fmt, parts=parts, more=[*more, cohort_progress_table(cohort)]
        )
    body = render_to_string(
        "reports/_cohort_report_body.html", {"report": report, "cohort": cohort, "pdf": True}
    )
    title = f"{cohort.programme.title} · {cohort.name}"
    return attachment(
        document.page_pdf(body, title=title, language=active_language()), fmt=fmt, parts=parts
    )
