"""Requests a person makes under the GDPR: a copy of their data (articles 15 and 20) and the
erasure of their account (article 17). What is erased, and how, is in `services`."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DATA_EXPORT_PURPOSE = "netlead.privacy.data-export"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    BUILDING = "building", _("Being put together")
    READY = "ready", _("Ready to download")
    DOWNLOADED = "downloaded", _("Downloaded")
    EXPIRED = "expired", _("Expired")
    FAILED = "failed", _("Failed")


class DataExport(models.Model):
    """A zip of everything netlead holds about a user, built by a task. Its download link carries
    a token derived from `salt` and the server's secret (as survey links are); only the token's
    hash is stored. The link works once, until `expires_at`, for this user only; the archive is
    deleted when it has been downloaded or has expired."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    status = models.CharField(max_length=12, choices=ExportStatus.choices, default="queued")
    progress = models.PositiveSmallIntegerField(default=0)
    salt = models.CharField(max_length=32, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    archive = models.BinaryField(null=True, editable=False)
    size = models.PositiveIntegerField(default=0)
    requested_at = models.DateTimeField(default=timezone.now)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    downloaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ("-requested_at",)

    def __str__(self) -> str:
        return f"data export {self.pk}"

    @property
    def is_pending(self) -> bool:
        return self.status in (ExportStatus.QUEUED, ExportStatus.BUILDING)

    @property
    def can_download(self) -> bool:
        return (
            self.status == ExportStatus.READY
            and self.expires_at is not None
            and self.expires_at > timezone.now()
        )


class ErasureRequest(models.Model):
    """A user's request to erase their account. An owner of one of their workspaces confirms it
    (it is carried out at once), or `netlead apply_retention` carries it out on `due_at`. Once
    done, the row keeps only the dates: `user` is gone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="erasure_request",
    )
    requested_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ("due_at",)

    def __str__(self) -> str:
        return f"erasure request {self.pk}"


class RetentionPeriods(models.Model):
    """How long a workspace keeps what it no longer needs (docs/privacy.md, processing
    register); `netlead apply_retention` deletes it daily. A workspace without a row keeps the
    defaults."""

    workspace = models.OneToOneField(
        "workspaces.Workspace", on_delete=models.CASCADE, related_name="retention"
    )
    survey_months = models.PositiveSmallIntegerField(
        _("raw survey answers, links and invitations: months after a round closes"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "The stored results of a round stay. The answers of each network's latest round "
            "stay until a newer round closes, as the next round compares with them."
        ),
    )
    audit_months = models.PositiveSmallIntegerField(
        _("audit log: months"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )

    class Meta:
        verbose_name = _("retention periods")
        verbose_name_plural = _("retention periods")

    def __str__(self) -> str:
        return f"retention of workspace {self.workspace_id}"
