"""Survey reminders are limited per user, like every page that sends e-mail
(netlead.core.ratelimit); the answer pages per client address."""

from __future__ import annotations

from typing import Any

from django.core import mail
from django.test import Client
from django.urls import reverse

from netlead.surveys.models import SurveyInvitation
from tests.surveys.conftest import Survey


def test_reminders_over_the_limit_send_nothing(
    survey: Survey, limits: Any, django_capture_on_commit_callbacks: Any
) -> None:
    limits(sending=1)
    survey_round = survey.open(django_capture_on_commit_callbacks)  # opening sent the invitations
    mail.outbox.clear()
    leader = survey.net.world.client_for(survey.net.world.owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = leader.post(survey.url("remind", survey_round))
    assert response.status_code == 429
    assert mail.outbox == []
    assert not SurveyInvitation.objects.filter(
        round=survey_round, reminded_at__isnull=False
    ).exists()


def test_answer_pages_over_the_limit_store_nothing(
    survey: Survey, limits: Any, django_capture_on_commit_callbacks: Any
) -> None:
    survey.open(django_capture_on_commit_callbacks)
    limits(token_pages=1)
    member = survey.members[3]
    client = Client(REMOTE_ADDR="203.0.113.7")
    answer = reverse("surveys:answer", args=[survey.tokens[member.pk]])
    assert client.get(answer).status_code == 200
    assert client.post(answer, {"consent": "yes"}).status_code == 429
    invitation = SurveyInvitation.objects.get(round__network=survey.net.network, member=member)
    assert invitation.started_at is None
