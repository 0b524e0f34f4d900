"""Background tasks of the privacy rights."""

from __future__ import annotations

from django.tasks import task

from netlead.privacy.building import data_export_build


@task()
def build_data_export(*, export_id: int) -> str:
    """Build a "download my data" archive; takes the export's id, never its token."""
    return data_export_build(export_id=export_id)
