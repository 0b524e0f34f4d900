"""The queue delivers a task at least once: each survey task run twice does its work once
(one invitation mail, one reminder, one stored diagnosis), and closing a round twice is
refused, so only one diagnosis task is queued."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from netlead.surveys import services
from netlead.surveys.models import DiagnosisStatus, SurveyInvitation
from netlead.surveys.services import REMINDER_GAP
from netlead.surveys.tasks import compute_diagnosis, send_invitations, send_reminders
from tests.surveys.conftest import Survey


def test_invitations_sent_twice_mail_each_member_once(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == len(survey.members)
    sent = list(mail.outbox)
    mail.outbox.clear()
    assert send_invitations.call(round_id=survey_round.pk, base_url="http://testserver") == 0
    assert mail.outbox == []
    # An invitation whose mail never left (the worker died before its commit) goes out on
    # the next run, and only that one.
    unsent = SurveyInvitation.objects.filter(round=survey_round).first()
    assert unsent is not None
    SurveyInvitation.objects.filter(pk=unsent.pk).update(sent_at=None)
    first_id = next(
        m.extra_headers["Message-ID"] for m in sent if m.to == [unsent.member.person.email]
    )
    assert send_invitations.call(round_id=survey_round.pk, base_url="http://testserver") == 1
    assert send_invitations.call(round_id=survey_round.pk, base_url="http://testserver") == 0
    assert [m.to for m in mail.outbox] == [[unsent.member.person.email]]
    # Sent again, it is the same message: mail clients that sort by Message-ID show it once.
    assert mail.outbox[0].message()["Message-ID"] == first_id
    assert len({m.extra_headers["Message-ID"] for m in sent}) == len(survey.members)
    assert all(unsent.salt not in m.extra_headers["Message-ID"] for m in sent)


def test_a_reminder_task_run_twice_reminds_once(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    survey.answer_ties(survey.members[3], [survey.members[0]])
    mail.outbox.clear()
    assert send_reminders.call(round_id=survey_round.pk, base_url="http://testserver") == 5
    assert send_reminders.call(round_id=survey_round.pk, base_url="http://testserver") == 0
    assert len(mail.outbox) == 5
    assert len({m.to[0] for m in mail.outbox}) == 5
    # The next reminder, later, is a new message (its own Message-ID), not the first again.
    first = {m.to[0]: m.extra_headers["Message-ID"] for m in mail.outbox}
    mail.outbox.clear()
    SurveyInvitation.objects.filter(round=survey_round).update(
        reminded_at=timezone.now() - REMINDER_GAP - timedelta(minutes=1)
    )
    assert send_reminders.call(round_id=survey_round.pk, base_url="http://testserver") == 5
    assert all(first[m.to[0]] != m.extra_headers["Message-ID"] for m in mail.outbox)


def test_closing_twice_is_refused_and_the_diagnosis_is_stored_once(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    m = survey.members
    survey.answer_ties(m[0], [m[1], m[3]])
    survey.answer_ties(m[1], [m[0], m[2]])
    survey_round = survey.close(django_capture_on_commit_callbacks, survey_round)
    assert survey_round.diagnosis_status == DiagnosisStatus.READY
    stored, computed_at = survey_round.diagnosis, survey_round.computed_at

    with (
        django_capture_on_commit_callbacks() as queued,
        pytest.raises(ValidationError, match="Only an open round"),
    ):
        services.round_close(survey_round, closed_by=survey.net.world.owner)
    assert queued == []

    # The queue runs the diagnosis again: the stored one is left as it was.
    assert compute_diagnosis.call(round_id=survey_round.pk) == DiagnosisStatus.READY
    survey_round.refresh_from_db()
    assert survey_round.diagnosis == stored
    assert survey_round.computed_at == computed_at


def test_a_failed_diagnosis_is_computed_again(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    m = survey.members
    survey.answer_ties(m[0], [m[1]])
    survey_round = survey.close(django_capture_on_commit_callbacks, survey_round)
    type(survey_round).objects.filter(pk=survey_round.pk).update(
        diagnosis_status=DiagnosisStatus.FAILED, diagnosis=None
    )
    assert compute_diagnosis.call(round_id=survey_round.pk) == DiagnosisStatus.READY
    survey_round.refresh_from_db()
    assert survey_round.diagnosis is not None


def test_a_diagnosis_that_fails_says_so_on_the_round(
    survey: Survey, django_capture_on_commit_callbacks, monkeypatch
) -> None:
    from netlead.surveys import diagnosis

    survey_round = survey.open(django_capture_on_commit_callbacks)
    survey.answer_ties(survey.members[0], [survey.members[1]])

    def broken(*args: object) -> None:
        raise RuntimeError("the analysis broke")

    monkeypatch.setattr(diagnosis, "_relationship_result", broken)
    # The queue records the task as failed; the round says the diagnosis failed.
    survey_round = survey.close(django_capture_on_commit_callbacks, survey_round)
    assert survey_round.diagnosis_status == DiagnosisStatus.FAILED
    assert survey_round.diagnosis is None


@pytest.mark.django_db(transaction=True)
def test_an_invitation_locked_by_a_save_is_waited_for_not_left_unsent(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    """A rerun after a lost worker meets rows that respondents are saving: it waits for such a
    row (PostgreSQL), where skipping it left that invitation unsent for good."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    import psycopg

    survey_round = survey.open(django_capture_on_commit_callbacks)
    SurveyInvitation.objects.filter(round=survey_round).update(sent_at=None)
    mail.outbox.clear()
    held = SurveyInvitation.objects.filter(round=survey_round).order_by("pk")[1]
    db = connection.settings_dict
    other = psycopg.connect(
        host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"], dbname=db["NAME"]
    )
    other.execute("SELECT 1 FROM surveys_surveyinvitation WHERE id = %s FOR UPDATE", [held.pk])
    release = threading.Timer(0.5, other.commit)
    release.start()
    try:
        sent = send_invitations.call(round_id=survey_round.pk, base_url="http://testserver")
    finally:
        release.join()
        other.close()
    assert sent == len(survey.members)
    assert not SurveyInvitation.objects.filter(round=survey_round, sent_at__isnull=True).exists()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        SurveyInvitation.objects.filter(round=survey_round).values_list(
            "member__person__email", flat=True
        )
    )
