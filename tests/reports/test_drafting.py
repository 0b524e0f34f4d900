"""Drafting and issuing: bad input is refused with a clear message and changes nothing; a new
draft starts from the last report's texts; issuing freezes the document as sent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.urls import reverse

from netlead.networks.models import Measurement
from netlead.reports import services
from netlead.reports.models import Narrative, Report
from netlead.reports.selectors import narratives_of
from netlead.reports.tasks import generate_report
from tests.reports.conftest import Demo


def _post_new(demo: Demo, **data: str):  # type: ignore[no-untyped-def]
    url = reverse("reports:create", args=[demo.workspace.slug, demo.network.pk])
    fields = {
        "title": "Report",
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
        "language": "nl",
    }
    return demo.client(demo.leader).post(url, {**fields, **data})


def test_the_leader_drafts_a_report_and_writes_its_text(demo: Demo) -> None:
    response = _post_new(demo, title="Jaarverslag 2026")
    assert response.status_code == 302
    report = Report.objects.get(title="Jaarverslag 2026")
    assert report.language == "nl" and not report.is_issued
    edit = reverse("reports:edit", args=[demo.workspace.slug, demo.network.pk, report.pk])
    assert response["Location"] == edit
    saved = demo.client(demo.leader).post(edit, {"purpose": "Ons jaar.", "outlook": "Verder."})
    assert saved.status_code == 302
    assert narratives_of(report)["purpose"] == "Ons jaar."
    page = demo.client(demo.leader).get(saved["Location"])
    assert "Ons jaar." in page.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"ends_on": "2025-12-31"}, "The period must end after it starts."),
        ({"language": "fr"}, "Select a valid choice."),
        ({"starts_on": "not a date"}, "Enter a valid date."),
        ({"title": ""}, "This field is required."),
    ],
)
def test_a_bad_report_is_refused_and_nothing_is_made(
    demo: Demo, data: dict[str, str], message: str
) -> None:
    before = Report.objects.count()
    response = _post_new(demo, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Report.objects.count() == before


def test_a_text_too_long_is_refused_and_nothing_changes(demo: Demo, draft: Report) -> None:
    edit = reverse("reports:edit", args=[demo.workspace.slug, demo.network.pk, draft.pk])
    response = demo.client(demo.leader).post(edit, {"purpose": "x" * 5001})
    assert response.status_code == 400
    assert "at most 5000 characters" in response.content.decode()
    assert not Narrative.objects.filter(report=draft).exists()


def test_issuing_needs_the_confirmation(demo: Demo, draft: Report) -> None:
    url = reverse("reports:issue", args=[demo.workspace.slug, demo.network.pk, draft.pk])
    response = demo.client(demo.leader).post(url, follow=True)
    assert "Tick the box" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.is_issued


def test_a_new_draft_starts_from_the_last_reports_texts(demo: Demo, draft: Report) -> None:
    services.report_narrative_save(report=draft, texts={"results": "Goed jaar.", "outlook": ""})
    following = services.report_create(
        network=demo.network,
        user=demo.leader,
        title="2027",
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 12, 31),
        language="en",
    )
    assert narratives_of(following)["results"] == "Goed jaar."


def test_an_issued_report_is_frozen_as_sent(
    demo: Demo, draft: Report, issue: Callable[[Report], Report]
) -> None:
    services.report_narrative_save(report=draft, texts={"results": "Wat we bereikten."})
    issued = issue(draft)
    assert issued.is_issued and issued.has_document
    assert issued.issued_by == demo.leader and issued.issued_at is not None
    assert "Wat we bereikten." in issued.html
    sent = bytes(issued.pdf)
    url = reverse("reports:download", args=[demo.workspace.slug, demo.network.pk, issued.pk, "pdf"])

    # The network changes, the task runs again (a retry): the document stays as sent.
    result = demo.network.results.first()
    assert result is not None
    Measurement.objects.create(result=result, measured_on=date(2026, 6, 1), value=123456)
    generate_report.call(report_id=issued.pk)
    assert bytes(demo.client(demo.member).get(url).content) == sent
    issued.refresh_from_db()
    assert "123456" not in issued.html

    # Nothing changes it any more.
    for change in (
        lambda: services.report_narrative_save(report=issued, texts={"results": "Anders."}),
        lambda: services.report_generate(report=issued),
        lambda: services.report_issue(report=issued, user=demo.leader),
    ):
        with pytest.raises(Exception, match="has been issued"):
            change()
    edit = reverse("reports:edit", args=[demo.workspace.slug, demo.network.pk, issued.pk])
    response = demo.client(demo.leader).post(edit, {"results": "Anders."})
    assert response.status_code == 302
    assert narratives_of(issued)["results"] == "Wat we bereikten."


def test_a_draft_pdf_is_made_in_the_background_with_progress(
    demo: Demo,
    draft: Report,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    url = reverse("reports:generate", args=[demo.workspace.slug, demo.network.pk, draft.pk])
    client = demo.client(demo.leader)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        client.post(url)
    draft.refresh_from_db()
    assert draft.generation == "pending"
    progress = reverse("reports:progress", args=[demo.workspace.slug, demo.network.pk, draft.pk])
    polling = client.get(progress).content.decode()
    assert 'hx-trigger="every 2s"' in polling and "<progress" in polling
    for callback in queued:
        callback()
    draft.refresh_from_db()
    assert draft.has_document and draft.progress == 100 and draft.document_is_current
    assert "Download the PDF" in client.get(progress).content.decode()


def test_an_issued_report_whose_pdf_failed_is_made_again(
    demo: Demo,
    draft: Report,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    with django_capture_on_commit_callbacks(execute=False):
        services.report_issue(report=draft, user=demo.leader)  # the worker then fails
    Report.objects.filter(pk=draft.pk).update(generation="failed")
    url = reverse("reports:generate", args=[demo.workspace.slug, demo.network.pk, draft.pk])
    detail = demo.client(demo.leader).get(url.replace("generate/", ""))
    assert "Try again" in detail.text
    with django_capture_on_commit_callbacks(execute=True):
        demo.client(demo.leader).post(url)
    draft.refresh_from_db()
    assert draft.is_issued and draft.has_document
