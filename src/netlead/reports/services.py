"""Changes to reports: draft, write the narrative, generate the document, issue. An issued
report is frozen: nothing here changes it again."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.accounts.models import User
from netlead.networks.models import Network
from netlead.reports.models import GenerationStatus, Narrative, Report, Section
from netlead.reports.selectors import last_narratives
from netlead.reports.tasks import generate_report


def _not_issued(report: Report) -> None:
    if report.is_issued:
        raise ValidationError(_("This report has been issued and can no longer be changed."))


@transaction.atomic
def report_create(
    *,
    network: Network,
    user: User,
    title: str,
    starts_on: date,
    ends_on: date,
    language: str,
) -> Report:
    """A new draft; its narrative starts from the network's last report's texts."""
    texts = last_narratives(network)
    report = Report(
        network=network,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        language=language,
        created_by=user,
    )
    report.full_clean()
    report.save()
    Narrative.objects.bulk_create(
        Narrative(report=report, section=key, text=text) for key, text in texts.items() if text
    )
    return report


@transaction.atomic
def report_narrative_save(*, report: Report, texts: dict[str, str]) -> Report:
    """Save the leader's text per section (keys of `Section`)."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    _not_issued(report)
    unknown = set(texts) - set(Section.values)
    if unknown:
        raise ValidationError(
            _("Unknown section: %(names)s") % {"names": ", ".join(sorted(unknown))}
        )
    for key, text in texts.items():
        Narrative.objects.update_or_create(report=report, section=key, defaults={"text": text})
    report.changed_at = timezone.now()
    report.save(update_fields=["changed_at"])
    return report


def _queue(report: Report) -> None:
    report_id = report.pk
    transaction.on_commit(lambda: generate_report.enqueue(report_id=report_id))


@transaction.atomic
def report_generate(*, report: Report) -> Report:
    """Generate the draft's document (HTML and PDF) in the background; for an issued report
    only while its document is not stored yet (a failed first try is tried again)."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.is_issued and report.has_document:
        _not_issued(report)
    if report.generation == GenerationStatus.PENDING:
        return report  # already on its way: a second click queues nothing
    report.generation = GenerationStatus.PENDING
    report.progress = 0
    report.save(update_fields=["generation", "progress"])
    _queue(report)
    return report


@transaction.atomic
def report_issue(*, report: Report, user: User) -> Report:
    """Issue the report: from now on it is frozen. Its document is generated once more with
    the issue date and issuer on the cover, stored, and never replaced."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    _not_issued(report)
    now = timezone.now()
    report.status = "issued"
    report.issued_at = now
    report.issued_by = user
    report.issued_by_name = user.name or user.email
    report.changed_at = now
    report.generation = GenerationStatus.PENDING
    report.progress = 0
    report.html = ""
    report.pdf = b""
    report.save(
        update_fields=[
            "status",
            "issued_at",
            "issued_by",
            "issued_by_name",
            "changed_at",
            "generation",
            "progress",
            "html",
            "pdf",
        ]
    )
    _queue(report)
    return report
