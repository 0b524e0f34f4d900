"""Generating a report's document in the background, with its progress on the report."""

from __future__ import annotations

from django.tasks import task
from django.utils import timezone

from netlead.reports import document
from netlead.reports.models import GenerationStatus, Report, ReportStatus


@task()
def generate_report(*, report_id: int) -> str:
    """Render and store the report's HTML and PDF. Safe to run twice: an issued report whose
    document is stored is never rendered again (it is the document as sent)."""
    report = Report.objects.select_related("network__workspace").filter(pk=report_id).first()
    if report is None:
        return "gone"
    if report.is_issued and report.has_document:
        return GenerationStatus.READY
    rows = Report.objects.filter(pk=report_id)
    started = timezone.now()

    def progress(percent: int) -> None:
        rows.update(progress=percent)

    try:
        html, pdf = document.render(report, progress)
    except Exception:
        rows.update(generation=GenerationStatus.FAILED, progress=0)
        raise
    # Only a document that is not yet frozen is replaced (a second run of an issued report's
    # task finds it stored and leaves it).
    stored = rows.exclude(status=ReportStatus.ISSUED, generation=GenerationStatus.READY).update(
        html=html,
        pdf=pdf,
        generation=GenerationStatus.READY,
        progress=100,
        generated_at=started,
    )
    return GenerationStatus.READY if stored else "unchanged"
