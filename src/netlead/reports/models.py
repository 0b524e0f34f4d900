"""The accountability report of a network over a period: drafted with the leader's narrative
per section, then issued. An issued report is frozen: its HTML and PDF are stored as they were
sent, so a download later is the same document, whatever changed in the network since."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.networks.models import Network


class Section(models.TextChoices):
    """The report's sections, in their order; each has a narrative of the leader."""

    PURPOSE = "purpose", _("Shared interest and charter")
    RESULTS = "results", _("Results")
    MEETINGS = "meetings", _("Meetings, decisions and actions")
    COHESION = "cohesion", _("How the network holds together")
    OUTLOOK = "outlook", _("Looking ahead")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")


class GenerationStatus(models.TextChoices):
    NONE = "", _("Not generated")
    PENDING = "pending", _("Being generated")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class Report(models.Model):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="reports", verbose_name=_("network")
    )
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("period from"))
    ends_on = models.DateField(_("period to"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    #: Last change of the narrative or settings: a generated document older than this is stale.
    changed_at = models.DateTimeField(default=timezone.now)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    #: The issuer's name as printed on the cover, kept if the account goes.
    issued_by_name = models.CharField(max_length=200, blank=True)
    generation = models.CharField(
        max_length=10, choices=GenerationStatus.choices, default=GenerationStatus.NONE, blank=True
    )
    #: 0..100, shown while the document is generated.
    progress = models.PositiveSmallIntegerField(default=0)
    generated_at = models.DateTimeField(null=True, blank=True)
    #: The rendered report body (our own template's output, escaped there) and its PDF. For a
    #: draft, the last preview; for an issued report, the document as sent (never replaced).
    html = models.TextField(blank=True, editable=False)
    pdf = models.BinaryField(blank=True, editable=False)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ("-ends_on", "-created_at")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="report_period_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The period must end after it starts.")})

    @property
    def is_issued(self) -> bool:
        return self.status == ReportStatus.ISSUED

    @property
    def has_document(self) -> bool:
        return self.generation == GenerationStatus.READY and bool(self.pdf)

    @property
    def document_is_current(self) -> bool:
        """The stored document shows the narrative as it is now."""
        return (
            self.has_document
            and self.generated_at is not None
            and self.generated_at >= self.changed_at
        )


class Narrative(models.Model):
    """The leader's short text for one section of one report."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="narratives", verbose_name=_("report")
    )
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("narrative")
        verbose_name_plural = _("narratives")
        constraints = [
            models.UniqueConstraint(fields=["report", "section"], name="report_narrative_once")
        ]

    def __str__(self) -> str:
        return f"{self.report} · {self.section}"
