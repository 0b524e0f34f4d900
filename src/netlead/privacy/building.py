"""Building the archive of a "download my data" request, on the task worker."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from netlead.privacy import archive
from netlead.privacy.models import DataExport, ExportStatus
from netlead.privacy.parts import Table
from netlead.privacy.registry import PARTS
from netlead.workspaces.models import Person

log = logging.getLogger(__name__)


def data_export_build(*, export_id: int) -> str:
    """Build the archive of a queued export, showing its progress. Safe to run twice: an export
    already built (or downloaded) is left alone; one interrupted half-way is built again."""
    export = (
        DataExport.objects.select_related("user")
        .filter(pk=export_id, status__in=(ExportStatus.QUEUED, ExportStatus.BUILDING))
        .first()
    )
    if export is None:
        return "skipped"
    DataExport.objects.filter(pk=export.pk).update(status=ExportStatus.BUILDING, progress=0)
    user = export.user
    try:
        with translation.override(user.language or settings.LANGUAGE_CODE):
            persons = list(Person.objects.filter(user=user).select_related("workspace"))
            tables: list[Table] = []
            for number, part in enumerate(PARTS, start=1):
                tables += part.data_of(user, persons)
                DataExport.objects.filter(pk=export.pk).update(
                    progress=round(90 * number / len(PARTS))
                )
            now = timezone.now()
            data = archive.build(
                tables,
                about=_(
                    "Everything netlead holds about you, across all your workspaces. data.json "
                    "holds every table and, under “schema”, what each table and column means; "
                    "the csv folder holds the same tables as spreadsheets."
                ),
                created_at=now,
            )
    except Exception:
        DataExport.objects.filter(pk=export.pk).update(status=ExportStatus.FAILED)
        log.exception("data export %s failed", export.pk)
        raise
    DataExport.objects.filter(pk=export.pk).update(
        status=ExportStatus.READY,
        progress=100,
        archive=data,
        size=len(data),
        ready_at=now,
        expires_at=now + timedelta(hours=settings.DATA_EXPORT_VALID_HOURS),
    )
    return ExportStatus.READY
