"""A network's accountability reports through the API: the leader drafts, writes the narrative,
generates and issues; members read issued reports only and download the document as sent;
drafts do not exist for members; another workspace's reports are 404; a read-only token
cannot write; bad input is a problem that changes nothing; every read is recorded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from unittest import mock

import pytest

from netlead.reports.models import GenerationStatus, Narrative, Report, ReportStatus
from netlead.workspaces.models import AuditEvent
from tests.api.conftest import ApiClient, Cast, field_messages, problem_of

PDF = b"%PDF-1.7 the report as sent"


def _report(cast: Cast, *, issued: bool, network: object = None, **fields: object) -> Report:
    report = Report.objects.create(
        network=network or cast.network,
        title="Accountability 2025",
        starts_on=date(2025, 1, 1),
        ends_on=date(2025, 12, 31),
        language="en",
        status=ReportStatus.ISSUED if issued else ReportStatus.DRAFT,
        issued_by_name="Lea Leader" if issued else "",
        **fields,
    )
    Narrative.objects.create(report=report, section="results", text="Waiting lists fell.")
    return report


def _ready(report: Report) -> Report:
    Report.objects.filter(pk=report.pk).update(
        generation=GenerationStatus.READY, pdf=PDF, html="<h1>Accountability 2025</h1>"
    )
    report.refresh_from_db()
    return report


@pytest.fixture
def issued(cast: Cast) -> Report:
    return _ready(_report(cast, issued=True))


@pytest.fixture
def draft(cast: Cast) -> Report:
    return _report(cast, issued=False)


def _reports(cast: Cast) -> str:
    return f"{cast.net}/reports"


def test_members_see_issued_reports_and_the_leader_drafts_too(
    cast: Cast, issued: Report, draft: Report, member_rw: ApiClient, owner_ro: ApiClient
) -> None:
    member_list = member_rw.get(_reports(cast)).json()
    assert [r["id"] for r in member_list["items"]] == [issued.pk]
    assert member_list["items"][0]["status"] == "issued"
    assert member_list["items"][0]["document_ready"] is True
    assert {r["id"] for r in owner_ro.get(_reports(cast)).json()["items"]} == {
        issued.pk,
        draft.pk,
    }
    # A draft does not exist for a member, as on the pages.
    problem_of(member_rw.get(f"{_reports(cast)}/{draft.pk}"), 404)


def test_reading_a_report_gives_its_narrative_and_is_recorded(
    cast: Cast, issued: Report, member_rw: ApiClient
) -> None:
    body = member_rw.get(f"{_reports(cast)}/{issued.pk}").json()
    assert body["narrative"]["results"] == "Waiting lists fell."
    assert set(body["narrative"]) == {"purpose", "results", "meetings", "cohesion", "outlook"}
    assert body["issued_by"] == "Lea Leader"
    event = AuditEvent.objects.get()
    assert (event.user, event.action) == (cast.world.member, "report api read")


def test_the_document_downloads_as_sent_and_the_download_is_recorded(
    cast: Cast, issued: Report, member_rw: ApiClient
) -> None:
    response = member_rw.get(f"{_reports(cast)}/{issued.pk}/document", format="pdf")
    assert response.status_code == 200
    assert response.content == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    html = member_rw.get(f"{_reports(cast)}/{issued.pk}/document", format="html")
    assert b"<h1>Accountability 2025</h1>" in html.content
    assert list(AuditEvent.objects.values_list("action", flat=True).order_by("pk")) == [
        "report download pdf",
        "report download html",
    ]


def test_a_document_not_made_yet_is_404_and_an_unknown_format_a_problem(
    cast: Cast, draft: Report, owner_ro: ApiClient
) -> None:
    problem_of(owner_ro.get(f"{_reports(cast)}/{draft.pk}/document", format="pdf"), 404)
    problem_of(owner_ro.get(f"{_reports(cast)}/{draft.pk}/document", format="docx"), 422)


def test_the_leader_drafts_writes_generates_and_issues(
    cast: Cast,
    owner_rw: ApiClient,
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    created = owner_rw.post(
        _reports(cast),
        {
            "title": "Year 2025",
            "starts_on": "2025-01-01",
            "ends_on": "2025-12-31",
            "language": "nl",
        },
    )
    assert created.status_code == 201, created.content
    report = Report.objects.get(pk=created.json()["id"])
    assert (report.status, report.language, report.created_by) == (
        "draft",
        "nl",
        cast.world.owner,
    )

    written = owner_rw.put(
        f"{_reports(cast)}/{report.pk}/narrative", {"narrative": {"outlook": "More schools join."}}
    )
    assert written.status_code == 200, written.content
    assert written.json()["narrative"]["outlook"] == "More schools join."

    with mock.patch("netlead.reports.services.generate_report") as task:
        with django_capture_on_commit_callbacks(execute=True):  # type: ignore[attr-defined]
            generated = owner_rw.post(f"{_reports(cast)}/{report.pk}/generate", {})
        assert generated.status_code == 202
        assert generated.json()["generation"] == "pending"
        task.enqueue.assert_called_once_with(report_id=report.pk)

        with django_capture_on_commit_callbacks(execute=True):  # type: ignore[attr-defined]
            issued = owner_rw.post(f"{_reports(cast)}/{report.pk}/issue", {})
    assert issued.status_code == 202
    report.refresh_from_db()
    assert (report.status, report.issued_by) == ("issued", cast.world.owner)

    # Issued is frozen: the narrative cannot change any more.
    refused = owner_rw.put(
        f"{_reports(cast)}/{report.pk}/narrative", {"narrative": {"outlook": "Changed"}}
    )
    problem_of(refused, 400)
    assert Narrative.objects.get(report=report, section="outlook").text == "More schools join."


@pytest.mark.parametrize(
    ("body", "field", "status"),
    [
        (
            {"title": "", "starts_on": "2025-01-01", "ends_on": "2025-12-31", "language": "en"},
            "title",
            422,
        ),
        (
            {"title": "Y", "starts_on": "2025-12-31", "ends_on": "2025-01-01", "language": "en"},
            "ends_on",
            400,
        ),
        (
            {"title": "Y", "starts_on": "2025-01-01", "ends_on": "2025-12-31", "language": "fr"},
            "language",
            400,
        ),
        (
            {"title": "Y", "starts_on": "someday", "ends_on": "2025-12-31", "language": "en"},
            "starts_on",
            422,
        ),
    ],
)
def test_a_bad_draft_is_a_problem_and_makes_nothing(
    cast: Cast, owner_rw: ApiClient, body: dict[str, str], field: str, status: int
) -> None:
    messages = field_messages(owner_rw.post(_reports(cast), body), status)
    assert any(field in name for name in messages), messages
    assert not Report.objects.exists()


def test_an_unknown_section_is_a_problem_and_changes_nothing(
    cast: Cast, draft: Report, owner_rw: ApiClient
) -> None:
    response = owner_rw.put(
        f"{_reports(cast)}/{draft.pk}/narrative", {"narrative": {"gossip": "x", "outlook": "y"}}
    )
    problem_of(response, 422)
    assert not Narrative.objects.filter(report=draft, section="outlook").exists()


def test_members_and_read_only_tokens_cannot_change_reports(
    cast: Cast, draft: Report, member_rw: ApiClient, owner_ro: ApiClient
) -> None:
    body = {"title": "Y", "starts_on": "2025-01-01", "ends_on": "2025-12-31", "language": "en"}
    problem_of(member_rw.post(_reports(cast), body), 403)
    problem_of(owner_ro.post(_reports(cast), body), 403)
    problem_of(owner_ro.post(f"{_reports(cast)}/{draft.pk}/issue", {}), 403)
    problem_of(owner_ro.put(f"{_reports(cast)}/{draft.pk}/narrative", {"narrative": {}}), 403)
    # A member does not edit the network: issuing is refused before the draft is looked up.
    problem_of(member_rw.post(f"{_reports(cast)}/{draft.pk}/issue", {}), 403)
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert Report.objects.count() == 1


def test_another_workspaces_reports_are_404(
    cast: Cast, owner_rw: ApiClient, outsider_rw: ApiClient, facilitator_rw: ApiClient
) -> None:
    theirs = _ready(_report(cast, issued=True, network=cast.other_network))
    for net in (
        f"/workspaces/{cast.slug}/networks/{cast.other_network.pk}",
        f"/workspaces/{cast.other_slug}/networks/{cast.other_network.pk}",
    ):
        problem_of(owner_rw.get(f"{net}/reports"), 404)
        problem_of(owner_rw.get(f"{net}/reports/{theirs.pk}"), 404)
        problem_of(owner_rw.get(f"{net}/reports/{theirs.pk}/document", format="pdf"), 404)
    # Another network's report under one's own network is 404 too.
    problem_of(owner_rw.get(f"{_reports(cast)}/{theirs.pk}"), 404)
    # The facilitator is in no network: the network's reports are not theirs.
    mine = _ready(_report(cast, issued=True))
    problem_of(facilitator_rw.get(f"{_reports(cast)}/{mine.pk}"), 404)
    problem_of(outsider_rw.get(f"{_reports(cast)}/{mine.pk}"), 404)
    assert not AuditEvent.objects.exists()
