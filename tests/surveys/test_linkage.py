"""An operator cannot pair a health-check response with an invitation (issue 14): ten members
answer on ten different days; the invitations say who answered when, the responses (after
closing) carry random keys, no time, and lie in no order that follows the answers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from netlead.frameworks.instruments import health_check
from netlead.networks.models import NetworkMember, NetworkRole
from netlead.surveys.models import HealthAnswer, HealthResponse, SurveyInvitation
from netlead.workspaces.models import Layer
from tests.factories import PersonFactory
from tests.linkage import ANSWERERS, assert_cannot_be_paired, rows_as_stored, time_fields
from tests.surveys.conftest import Survey

ITEMS = [item for item in health_check("en").items]


def _answers_of(index: int) -> dict[str, int]:
    """Every respondent answers the first two statements with their own number (base 5), so
    the test, and only the test, knows whose response is whose."""
    values = {item.key: 3 for item in ITEMS}
    values[ITEMS[0].key] = index // 5 + 1
    values[ITEMS[1].key] = index % 5 + 1
    return values


def _whose(answers: dict[str, int]) -> int:
    return (answers[ITEMS[0].key] - 1) * 5 + answers[ITEMS[1].key] - 1


def _answer(survey: Survey, member: NetworkMember, index: int) -> None:
    token = survey.tokens[member.pk]
    client = Client()
    client.post(reverse("surveys:answer", args=[token]), {"consent": "yes"})
    data = {f"item-{key}": value for key, value in _answers_of(index).items()}
    response = client.post(reverse("surveys:answer_health", args=[token]), {**data, "submit": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_health_responses_cannot_be_paired_with_invitations(
    survey: Survey, django_capture_on_commit_callbacks, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(ANSWERERS - len(survey.members)):
        person = PersonFactory(
            workspace=survey.net.world.workspace,
            name=f"Extra Member{n}",
            email=f"extra{n}@example.test",
            layer=Layer.OPERATIONAL,
        )
        survey.members.append(
            NetworkMember.objects.create(
                network=survey.net.network, person=person, role=NetworkRole.MEMBER
            )
        )
    survey_round = survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    start = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    for index, member in enumerate(survey.members):
        moment = start + timedelta(days=index)
        monkeypatch.setattr(timezone, "now", lambda moment=moment: moment)
        _answer(survey, member, index)
    monkeypatch.undo()
    survey_round = survey.close(django_capture_on_commit_callbacks, survey_round)

    # What the operator sees: the invitations tell who answered in which order ...
    answered = SurveyInvitation.objects.filter(round=survey_round).order_by("submitted_at")
    assert [i.member_id for i in answered] == [m.pk for m in survey.members]
    # ... and the responses nothing that follows it: no key, no row order, no time.
    responses = {
        _whose(dict(r.answers.values_list("item", "value"))): r.pk
        for r in HealthResponse.objects.filter(round=survey_round)
    }
    assert sorted(responses) == list(range(ANSWERERS))
    in_answer_order = [responses[index] for index in range(ANSWERERS)]
    assert_cannot_be_paired(HealthResponse, in_answer_order, round=survey_round.pk)
    # The statements' rows neither: their keys are random and their order is not the answers'.
    whose = {pk: index for index, pk in responses.items()}
    owner_of = dict(HealthAnswer.objects.values_list("pk", "response_id"))
    stored = rows_as_stored(HealthAnswer)
    assert all(pk.version == 4 for pk in stored) and time_fields(HealthAnswer) == []
    first_seen = list(dict.fromkeys(whose[owner_of[pk]] for pk in stored))
    assert first_seen != list(range(ANSWERERS))
    # The diagnosis still counts everyone.
    assert survey_round.diagnosis["health"]["respondents"] == ANSWERERS
