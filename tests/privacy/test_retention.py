"""Retention (storage limitation): per workspace, raw survey answers, links and invitations go
a set number of months after a round closes, the stored results stay; audit events, login
records and finished task records go after their own periods; `netlead apply_retention` does
it daily and is safe to run twice."""

from __future__ import annotations

from datetime import datetime, timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from netlead.core.tokens import token_for
from netlead.development.models import OBSERVER_LINK_PURPOSE, ObserverInvitation
from netlead.notifications.models import SentMail
from netlead.privacy.models import RetentionPeriods
from netlead.privacy.services import apply_retention, months_before
from netlead.surveys.models import (
    SURVEY_LINK_PURPOSE,
    HealthResponse,
    Instrument,
    RoundStatus,
    SurveyInvitation,
    SurveyRound,
    TieAnswer,
)
from netlead.workspaces.models import AuditEvent, Invitation, Workspace
from tests.conftest import World
from tests.privacy.conftest import LEADER, login


@pytest.mark.parametrize(
    ("role", "status"), [("owner", 200), ("facilitator", 403), ("member", 403), ("outsider", 404)]
)
def test_retention_page_by_role(world: World, role: str, status: int) -> None:
    client = world.client_for(getattr(world, role))
    url = reverse("privacy:retention", args=["youth"])
    assert client.get(url).status_code == status
    posted = client.post(url, {"survey_months": 6, "audit_months": 12}).status_code
    assert posted == (302 if status == 200 else status)
    assert RetentionPeriods.objects.filter(workspace=world.workspace).exists() == (status == 200)


@pytest.mark.parametrize(
    "data", [{"survey_months": 0, "audit_months": 12}, {"survey_months": 6, "audit_months": "x"}]
)
def test_retention_page_refuses_bad_periods(world: World, data: dict[str, object]) -> None:
    client = world.client_for(world.owner)
    response = client.post(reverse("privacy:retention", args=["youth"]), data)
    assert response.status_code == 400
    assert not RetentionPeriods.objects.exists()


def test_settings_page_links_to_retention(world: World) -> None:
    page = world.client_for(world.owner).get(reverse("workspaces:settings", args=["youth"]))
    assert reverse("privacy:retention", args=["youth"]) in page.content.decode()


def test_months_before_clamps_the_day() -> None:
    moment = datetime(2026, 3, 31, 12, 0)
    assert months_before(moment, 1) == datetime(2026, 2, 28, 12, 0)
    assert months_before(moment, 15) == datetime(2024, 12, 31, 12, 0)


def _closed_rounds(demo: Workspace) -> list[SurveyRound]:
    return list(
        SurveyRound.objects.filter(network__workspace=demo, status=RoundStatus.CLOSED).order_by(
            "closed_at", "pk"
        )
    )


def test_old_rounds_lose_raw_answers_and_links_not_results(demo: Workspace, db: None) -> None:
    rounds = _closed_rounds(demo)
    long_ago = timezone.now() - timedelta(days=800)
    for number, survey_round in enumerate(rounds):  # same order, two years back
        SurveyRound.objects.filter(pk=survey_round.pk).update(
            closed_at=long_ago + timedelta(days=number)
        )
    diagnoses = dict(SurveyRound.objects.values_list("pk", "diagnosis"))
    latest = {}
    for survey_round in rounds:
        latest[(survey_round.network_id, survey_round.instrument)] = survey_round.pk
    old = [r.pk for r in rounds if r.pk not in latest.values()]
    assert old, "the demo has a network with two closed rounds of one survey"
    link = SurveyInvitation.objects.filter(round_id=old[0]).first()
    token = token_for(link.salt, SURVEY_LINK_PURPOSE)

    out = StringIO()
    call_command("apply_retention", stdout=out)
    call_command("apply_retention", stdout=out)  # safe to run twice

    assert not TieAnswer.objects.filter(round_id__in=old).exists()
    assert not HealthResponse.objects.filter(round_id__in=old).exists()
    for pk in latest.values():  # the next round compares with these
        kept = TieAnswer.objects.filter(round_id=pk).exists()
        kept = kept or HealthResponse.objects.filter(round_id=pk).exists()
        assert kept, pk
    retired = SurveyInvitation.objects.filter(round__in=rounds)
    assert not retired.exclude(salt="").exists()
    assert dict(SurveyRound.objects.values_list("pk", "diagnosis")) == diagnoses
    # The old link no longer opens anything; results and maps still render.
    assert Client().get(reverse("surveys:answer", args=[token])).status_code == 404
    client = login(LEADER)
    for survey_round in rounds:
        names = (
            ("results", "map")
            if survey_round.instrument == Instrument.RELATIONSHIPS
            else ("results",)
        )
        for name in names:
            response = client.get(
                reverse(
                    f"surveys:{name}", args=[demo.slug, survey_round.network_id, survey_round.pk]
                )
            )
            assert response.status_code == 200, (name, survey_round.pk)


def test_observer_links_of_closed_requests_are_switched_off(demo: Workspace, db: None) -> None:
    invitation = ObserverInvitation.objects.filter(request__owner__workspace=demo).first()
    token = token_for(invitation.salt, OBSERVER_LINK_PURPOSE)
    invitation.request.__class__.objects.filter(pk=invitation.request_id).update(
        closes_on=(timezone.now() - timedelta(days=800)).date()
    )
    apply_retention(now=timezone.now())
    invitation.refresh_from_db()
    assert invitation.salt == "" and invitation.token_hash.startswith("retired-")
    response = Client().get(reverse("development:observer_answer", args=[token]))
    assert response.status_code == 404


def test_audit_events_invitations_logins_and_tasks_after_their_periods(world: World) -> None:
    now = timezone.now()
    RetentionPeriods.objects.create(workspace=world.workspace, survey_months=6, audit_months=3)
    old_event = AuditEvent.objects.create(
        workspace=world.workspace, user=world.owner, action="x", target="y", path="/"
    )
    AuditEvent.objects.filter(pk=old_event.pk).update(at=now - timedelta(days=120))
    recent = AuditEvent.objects.create(
        workspace=world.workspace, user=world.owner, action="x", target="y", path="/"
    )
    other = AuditEvent.objects.create(  # the other workspace keeps the default 24 months
        workspace=world.other_workspace, user=world.outsider, action="x", target="y", path="/"
    )
    AuditEvent.objects.filter(pk=other.pk).update(at=now - timedelta(days=120))
    expired = Invitation.objects.create(
        workspace=world.workspace,
        email="old@example.test",
        token_hash="a" * 64,
        expires_at=now - timedelta(days=200),
    )
    open_one = Invitation.objects.create(
        workspace=world.workspace,
        email="new@example.test",
        token_hash="b" * 64,
        expires_at=now + timedelta(days=10),
    )
    attempt = AccessAttempt.objects.create(
        username="x",
        ip_address="127.0.0.1",
        user_agent="t",
        http_accept="*",
        path_info="/",
        failures_since_start=1,
    )
    AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=now - timedelta(days=100))
    done = DBTaskResult.objects.create(
        args_kwargs={},
        task_path="netlead.privacy.tasks.build_data_export",
        backend_name="default",
        run_after=now,
        status="SUCCESSFUL",
        finished_at=now - timedelta(days=40),
    )
    waiting = DBTaskResult.objects.create(
        args_kwargs={}, task_path="t", backend_name="default", run_after=now
    )
    old_mail = SentMail.objects.create(key="old", sent_at=now - timedelta(days=40))
    new_mail = SentMail.objects.create(key="new", sent_at=now - timedelta(days=2))
    report = apply_retention(now=now)
    assert not SentMail.objects.filter(pk=old_mail.pk).exists()
    assert SentMail.objects.filter(pk=new_mail.pk).exists()
    assert not AuditEvent.objects.filter(pk=old_event.pk).exists()
    assert AuditEvent.objects.filter(pk__in=[recent.pk, other.pk]).count() == 2
    assert not Invitation.objects.filter(pk=expired.pk).exists()
    assert Invitation.objects.filter(pk=open_one.pk).exists()
    assert not AccessAttempt.objects.filter(pk=attempt.pk).exists()
    assert not DBTaskResult.objects.filter(pk=done.pk).exists()
    assert DBTaskResult.objects.filter(pk=waiting.pk).exists()
    assert report.login_records == 1 and report.task_records == 2
