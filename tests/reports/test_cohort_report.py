"""The cohort report for facilitators: HTML, PDF and XLSX; nobody else reaches it; every view
and download is audited; the workbook's cells are typed and hold no self-assessment score."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from netlead.workspaces.models import AuditEvent
from tests.reports.conftest import Demo


def _url(demo: Demo, fmt: str = "") -> str:
    args = [demo.workspace.slug, demo.cohort.pk]
    if fmt:
        return reverse("reports:cohort_download", args=[*args, fmt])
    return reverse("reports:cohort", args=args)


def test_the_facilitator_reads_and_downloads_the_report(demo: Demo) -> None:
    client = demo.client(demo.facilitator)
    before = AuditEvent.objects.count()
    page = client.get(_url(demo))
    assert page.status_code == 200
    assert _url(demo, "pdf") in page.text and _url(demo, "xlsx") in page.text
    pdf = client.get(_url(demo, "pdf"))
    assert pdf["Content-Type"] == "application/pdf" and bytes(pdf.content).startswith(b"%PDF")
    assert pdf["Content-Disposition"].startswith("attachment;")
    xlsx = client.get(_url(demo, "xlsx"))
    assert xlsx.status_code == 200
    assert AuditEvent.objects.count() == before + 3
    book = load_workbook(io.BytesIO(xlsx.content))
    modules = book.worksheets[0]
    assert modules.freeze_panes == "A2"
    assert isinstance(modules.cell(row=2, column=1).value, int)
    assert len(book.worksheets) == 4  # modules, sessions, skills figures, participants


@pytest.mark.parametrize("who", ["participant", "member", "outsider"])
def test_nobody_but_a_facilitator_reaches_it(demo: Demo, who: str) -> None:
    user = {"participant": demo.participant, "member": demo.member, "outsider": demo.outsider}[who]
    # The demo member is a participant of the cohort too; the outsider is in another workspace.
    expected = 404 if who == "outsider" else 403
    client = demo.client(user)
    for url in (_url(demo), _url(demo, "pdf"), _url(demo, "xlsx")):
        assert client.get(url).status_code == expected, url


@pytest.mark.parametrize("fmt", ["csv", "docx", "PDF"])
def test_an_unknown_format_is_not_found_and_not_audited(demo: Demo, fmt: str) -> None:
    before = AuditEvent.objects.count()
    assert demo.client(demo.facilitator).get(_url(demo, fmt)).status_code == 404
    assert AuditEvent.objects.count() == before
