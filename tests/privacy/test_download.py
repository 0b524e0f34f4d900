"""Download my data (GDPR articles 15 and 20): the demo member's copy holds every kind of data
the issue lists, others' feedback only as the aggregates she could see, and no individual answer
by or about another person; the link works once, for a limited time, for her only; audited."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from netlead.accounts.models import User
from netlead.development.models import ObserverResponse
from netlead.privacy import services
from netlead.privacy.building import data_export_build
from netlead.privacy.models import DataExport, ExportStatus
from netlead.programmes.models import AlumniPost, Enrolment
from netlead.surveys.models import HealthAnswer, SurveyInvitation, SurveyRound, TieAnswer
from netlead.workspaces.models import AuditEvent, Person, Workspace
from tests.privacy.conftest import LEADER, MEMBER, login

#: Every kind of data issue 14 lists, as the archive's tables (each must have rows).
EVERY_KIND = {
    "accounts_user": "account",
    "workspaces_persons": "person records",
    "workspaces_memberships": "memberships",
    "networks_charter_responses": "charter responses",
    "meetings_actions": "actions",
    "meetings_attendance": "attendance",
    "surveys_ties_given": "own survey answers: ties and ratings",
    "surveys_health_answers": "own health answers",
    "development_self_assessments": "self-assessments",
    "development_feedback_requests": "feedback requests",
    "development_feedback_reports": "the aggregated reports received",
    "development_goals": "plan",
    "development_journal": "journal",
    "development_contacts": "personal network",
    "programmes_submissions": "submissions",
    "programmes_mentoring_pairs": "mentoring",
    "programmes_alumni_posts": "alumni posts",
    "workspaces_audit_events": "audit events about them",
}

SECRET_COMMENT = "Een opmerking van één observator"


def _request(client: Client, django_capture_on_commit_callbacks: Any) -> DataExport:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:export_request"))
    assert response.status_code == 302
    return DataExport.objects.order_by("-pk").first()


def _download(client: Client, export: DataExport) -> Any:
    token = services.data_export_token(export)
    return client.post(reverse("privacy:export_download", args=[export.pk, token]))


def _archive(content: bytes) -> tuple[dict[str, Any], zipfile.ZipFile]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    return json.loads(archive.read("data.json")), archive


@pytest.fixture
def member_archive(
    demo: Workspace, db: None, django_capture_on_commit_callbacks: Any
) -> tuple[dict[str, Any], zipfile.ZipFile, User]:
    member = User.objects.get(email=MEMBER)
    person = Person.objects.get(workspace=demo, user=member)
    # An alumni post, and a comment in one observer's answer to her (not to be in the copy).
    enrolment = Enrolment.objects.filter(person=person).first()
    AlumniPost.objects.create(cohort=enrolment.cohort, author=enrolment, title="Hallo", body="Hoi")
    ObserverResponse.objects.filter(request__owner=person).update(strengths=SECRET_COMMENT)
    client = login(MEMBER)
    # An audited read of hers: the results of a closed round of her network.
    closed = SurveyRound.objects.filter(
        network__members__person=person, diagnosis__isnull=False
    ).first()
    assert client.get(reverse("surveys:results", args=[demo.slug, closed.network_id, closed.pk]))
    export = _request(client, django_capture_on_commit_callbacks)
    response = _download(client, export)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Cache-Control"] == "no-store"
    document, archive = _archive(response.content)
    return document, archive, member


def test_every_kind_of_data_is_in_the_copy(member_archive: Any) -> None:
    document, archive, _member = member_archive
    empty = [
        f"{name} ({kind})" for name, kind in EVERY_KIND.items() if not document["tables"][name]
    ]
    assert not empty, f"No rows for: {empty}"
    for name, schema in document["schema"].items():
        assert schema["description"] and schema["columns"], name
        assert all(schema["columns"].values()), name
        assert f"csv/{name}.csv" in archive.namelist()
        rows = document["tables"][name]
        assert schema["rows"] == len(rows)
        assert all(set(row) <= set(schema["columns"]) for row in rows), name
    assert document["format"] == "netlead-data-export"


def test_csv_has_the_rows_of_the_json(member_archive: Any) -> None:
    document, archive, _member = member_archive
    text = archive.read("csv/meetings_attendance.csv").decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].split(",") == list(document["schema"]["meetings_attendance"]["columns"])
    assert len(lines) == 1 + len(document["tables"]["meetings_attendance"])


def test_only_her_own_answers_and_aggregates_of_others(
    member_archive: Any, demo: Workspace
) -> None:
    document, archive, member = member_archive
    person = Person.objects.get(workspace=demo, user=member)
    text = archive.read("data.json").decode()
    tables = document["tables"]
    # Ties: exactly the ones she gave, none that others gave about her.
    assert (
        len(tables["surveys_ties_given"])
        == TieAnswer.objects.filter(respondent__person=person).count()
    )
    # Health answers: only the ones her own link finds (fewer than all answers of the rounds).
    assert 0 < len(tables["surveys_health_answers"]) < HealthAnswer.objects.count()
    # Observer feedback: means per group of at least k, no single answer, no comment.
    assert SECRET_COMMENT not in text
    assert "response_key" not in text and "shown_alone" not in text
    groups = {row["group"] for row in tables["development_feedback_reports"]}
    assert groups  # "All observers" and the peer group, which has 3 (= k) observers
    assert "submitted_at" not in document["schema"]["development_observers"]["columns"]
    # No secret: no salt or hash of any of her links.
    secrets = SurveyInvitation.objects.filter(member__person=person).values_list(
        "salt", "token_hash"
    )
    assert not [value for pair in secrets for value in pair if value in text]
    assert '"token_hash"' not in text and '"salt"' not in text


def test_download_is_audited_in_each_workspace(member_archive: Any) -> None:
    _document, _archive, member = member_archive
    workspaces = set(member.memberships.values_list("workspace_id", flat=True))
    recorded = set(
        AuditEvent.objects.filter(user=member, action="data export").values_list(
            "workspace_id", flat=True
        )
    )
    assert recorded == workspaces


def test_link_works_once(
    demo: Workspace, db: None, django_capture_on_commit_callbacks: Any
) -> None:
    client = login(MEMBER)
    export = _request(client, django_capture_on_commit_callbacks)
    assert _download(client, export).status_code == 200
    again = _download(client, export)
    assert again.status_code == 410
    export.refresh_from_db()
    assert export.archive is None and export.status == ExportStatus.DOWNLOADED


def test_link_expires(demo: Workspace, db: None, django_capture_on_commit_callbacks: Any) -> None:
    client = login(MEMBER)
    export = _request(client, django_capture_on_commit_callbacks)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert _download(client, export).status_code == 410
    assert services.data_exports_expire(now=timezone.now()) == 1
    expired = DataExport.objects.get(pk=export.pk)
    assert expired.archive is None and expired.status == ExportStatus.EXPIRED


def test_another_users_download_is_404(
    demo: Workspace, db: None, django_capture_on_commit_callbacks: Any
) -> None:
    export = _request(login(MEMBER), django_capture_on_commit_callbacks)
    leader = login(LEADER)
    assert _download(leader, export).status_code == 404
    assert leader.get(reverse("privacy:export", args=[export.pk])).status_code == 404
    # ... and the member can still download it.
    assert _download(login(MEMBER), export).status_code == 200


def test_bad_token_and_bad_method(
    demo: Workspace, db: None, django_capture_on_commit_callbacks: Any
) -> None:
    client = login(MEMBER)
    export = _request(client, django_capture_on_commit_callbacks)
    url = reverse("privacy:export_download", args=[export.pk, "not-the-token"])
    assert client.post(url).status_code == 404
    good = reverse("privacy:export_download", args=[export.pk, services.data_export_token(export)])
    assert client.get(good).status_code == 405  # a GET never spends the link
    assert client.get(reverse("privacy:export_request")).status_code == 405
    assert client.get("/accounts/privacy/exports/abc/").status_code == 404
    assert DataExport.objects.get(pk=export.pk).status == ExportStatus.READY


def test_anonymous_is_sent_to_login(demo: Workspace, db: None) -> None:
    for name in ("privacy:overview", "privacy:account_erasure"):
        response = Client().get(reverse(name))
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_only_the_hash_of_the_token_is_stored_and_the_task_takes_an_id(
    demo: Workspace, db: None
) -> None:
    member = User.objects.get(email=MEMBER)
    export = services.data_export_request(user=member)  # on_commit not run: still queued
    token = services.data_export_token(export)
    stored = DataExport.objects.filter(pk=export.pk).values().get()
    assert token not in {str(v) for v in stored.values()}
    assert stored["token_hash"] != token
    # The task is safe to run twice: the second run leaves the archive alone.
    assert data_export_build(export_id=export.pk) == ExportStatus.READY
    first = bytes(DataExport.objects.get(pk=export.pk).archive)
    assert data_export_build(export_id=export.pk) == "skipped"
    assert bytes(DataExport.objects.get(pk=export.pk).archive) == first


def test_progress_is_shown_while_it_is_built(demo: Workspace, db: None) -> None:
    member = User.objects.get(email=MEMBER)
    export = services.data_export_request(user=member)
    DataExport.objects.filter(pk=export.pk).update(status=ExportStatus.BUILDING, progress=40)
    client = login(MEMBER)
    page = client.get(reverse("privacy:export", args=[export.pk])).content.decode()
    assert 'value="40"' in page and 'http-equiv="refresh"' in page
    # A second request while one is being built is the same request (a double click).
    assert services.data_export_request(user=member).pk == export.pk
    overview = client.get(reverse("privacy:overview")).content.decode()
    assert "<progress" in overview


def test_profile_links_to_the_privacy_page(demo: Workspace, db: None) -> None:
    page = login(MEMBER).get(reverse("accounts:profile")).content.decode()
    assert reverse("privacy:overview") in page


def test_the_copy_is_in_the_users_language(demo: Workspace, db: None) -> None:
    """What each table and column means is in the language the user chose: for the tables taken
    from records (the fields' names) and for those built row by row (reports, health answers)."""
    member = User.objects.get(email=MEMBER)
    User.objects.filter(pk=member.pk).update(language="nl")
    export = services.data_export_request(user=member)
    data_export_build(export_id=export.pk)
    export.refresh_from_db()
    document, _archive_file = _archive(bytes(export.archive))
    schema = document["schema"]
    assert schema["workspaces_persons"]["columns"]["organization__name"] == "organisatie · naam"
    assert schema["surveys_health_answers"]["columns"]["item"] == "stelling"
    assert schema["development_feedback_reports"]["columns"]["request"] == "feedbackverzoek"
    assert schema["workspaces_persons"]["description"] == "Uw persoonsgegevens in elke werkruimte."
    assert document["tables"]["surveys_health_answers"]
    assert list(document["tables"]["surveys_health_answers"][0]) == list(
        schema["surveys_health_answers"]["columns"]
    )
