"""Closing a round early goes through a page that says what follows, in counts only; the
closing itself is a POST."""

from __future__ import annotations

from django.urls import reverse

from netlead.surveys.models import RoundStatus, SurveyRound
from tests.surveys.conftest import Survey


def test_closing_early_says_who_will_not_count(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    survey.answer_health(survey.members[0])
    survey.start(survey.members[1])  # started, never submitted
    leader = survey.net.world.client_for(survey.net.world.owner)
    page = leader.get(survey.url("close", survey_round))
    assert page.status_code == 200
    assert "1 of 6 invited members answered." in page.text
    assert "5 members have not answered: they can no longer answer" in page.text
    assert "1 member started but did not submit: those answers are deleted." in page.text
    assert "Fewer than 3 answered" in page.text
    assert "days early" in page.text
    # Counts only: no name of anyone who has not answered.
    assert survey.members[1].person.name not in page.text.split("<main", 1)[1]
    survey_round.refresh_from_db()
    assert survey_round.status == RoundStatus.OPEN  # looking changes nothing
    survey.close(django_capture_on_commit_callbacks, survey_round)
    assert survey_round.status == RoundStatus.CLOSED
    # A closed round has nothing left to confirm.
    assert leader.get(survey.url("close", survey_round)).status_code == 302


def test_the_confirmation_is_for_editors_of_the_network(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    world = survey.net.world
    url = survey.url("close", survey_round)
    assert world.client_for(world.member).get(url).status_code == 403
    assert world.client_for(survey.net.associate_user).get(url).status_code == 403
    assert world.client_for(world.facilitator).get(url).status_code == 404
    assert world.client_for(world.outsider).get(url).status_code == 404
    assert world.client_for(world.member).post(url).status_code == 403
    survey_round.refresh_from_db()
    assert survey_round.status == RoundStatus.OPEN


def test_a_draft_round_cannot_be_closed(survey: Survey) -> None:
    client = survey.net.world.client_for(survey.net.world.owner)
    client.post(
        reverse("surveys:create", args=[survey.slug, survey.net.network.pk]),
        {"instrument": "health_check", "title": "Draft", "closes_on": "2099-01-01"},
    )
    draft = SurveyRound.objects.latest("pk")
    response = client.get(survey.url("close", draft), follow=True)
    assert "Only an open round can be closed." in response.text
    client.post(survey.url("close", draft))
    draft.refresh_from_db()
    assert draft.status == RoundStatus.DRAFT
