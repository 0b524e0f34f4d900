"""Marking a weaving suggestion as introduced: the leader marks it on the results page, and the
next round says whether the two are now tied."""

from __future__ import annotations

import pytest

from netlead.surveys.models import Introduction, SurveyRound
from netlead.surveys.readmodels import read_diagnosis
from tests.surveys.conftest import Survey
from tests.surveys.test_permissions import NOT_IN_NETWORK, _user


@pytest.fixture
def first_round(survey: Survey, django_capture_on_commit_callbacks) -> SurveyRound:
    m = survey.members
    survey_round = survey.open(django_capture_on_commit_callbacks)
    survey.answer_ties(m[1], [m[0]])
    survey.answer_ties(m[3], [m[4]])
    return survey.close(django_capture_on_commit_callbacks, survey_round)


def _pair(survey_round: SurveyRound) -> tuple[str, str]:
    suggestion = read_diagnosis(survey_round.diagnosis).suggestions[0]
    return suggestion.source, suggestion.target


def _mark(survey: Survey, survey_round: SurveyRound, who: str = "leader", **data: str):  # type: ignore[no-untyped-def]
    client = survey.net.world.client_for(_user(survey, who))
    return client.post(survey.url("introduction", survey_round), data, follow=True)


def test_the_leader_marks_a_suggestion_and_can_take_it_back(
    survey: Survey, first_round: SurveyRound
) -> None:
    source, target = _pair(first_round)
    page = _mark(survey, first_round, source=source, target=target)
    assert "Marked as introduced." in page.text and "Take back" in page.text
    # A second click (another tab) changes nothing.
    _mark(survey, first_round, source=target, target=source)
    assert Introduction.objects.filter(round=first_round).count() == 1

    page = _mark(survey, first_round, source=source, target=target, introduced="no")
    assert "The mark is taken back." in page.text
    assert not Introduction.objects.exists()


@pytest.mark.parametrize("who", ["member", "associate", *NOT_IN_NETWORK])
def test_only_the_leader_marks(survey: Survey, first_round: SurveyRound, who: str) -> None:
    source, target = _pair(first_round)
    client = survey.net.world.client_for(_user(survey, who))
    response = client.post(
        survey.url("introduction", first_round), {"source": source, "target": target}
    )
    assert response.status_code in (403, 404)
    assert not Introduction.objects.exists()


def test_marking_is_a_post(survey: Survey, first_round: SurveyRound) -> None:
    client = survey.net.world.client_for(survey.net.world.owner)
    assert client.get(survey.url("introduction", first_round)).status_code == 405


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"source": "1", "target": "1"},
        {"source": "999999", "target": "888888"},
        {"source": "x" * 5000, "target": ""},
    ],
)
def test_a_pair_that_was_not_suggested_is_refused_with_a_reason(
    survey: Survey, first_round: SurveyRound, data: dict[str, str]
) -> None:
    page = _mark(survey, first_round, **data)
    assert "This introduction is not among the round&#x27;s suggestions." in page.text
    assert not Introduction.objects.exists()


def test_an_open_round_has_nothing_to_mark(
    survey: Survey, first_round: SurveyRound, django_capture_on_commit_callbacks
) -> None:
    source, target = _pair(first_round)
    open_round = survey.open(django_capture_on_commit_callbacks)
    page = _mark(survey, open_round, source=source, target=target)
    assert "Only the suggestions of a closed relationship round can be marked." in page.text
    assert not Introduction.objects.exists()


def test_the_next_round_says_whether_the_two_are_now_tied(
    survey: Survey, first_round: SurveyRound, django_capture_on_commit_callbacks
) -> None:
    capture = django_capture_on_commit_callbacks
    m = survey.members
    source, target = _pair(first_round)
    _mark(survey, first_round, source=source, target=target)
    by_person = {str(member.person_id): member for member in m}

    second = survey.open(capture)
    survey.answer_ties(m[1], [m[0]])
    survey.answer_ties(by_person[source], [by_person[target]])
    second = survey.close(capture, second)
    page = survey.net.world.client_for(survey.net.world.member).get(survey.url("results", second))
    assert "Introductions from earlier rounds" in page.text
    assert "now tied" in page.text

    third = survey.open(capture)
    survey.answer_ties(m[1], [m[0]])
    third = survey.close(capture, third)
    page = survey.net.world.client_for(survey.net.world.member).get(survey.url("results", third))
    assert "no tie recorded" in page.text and "now tied" not in page.text
