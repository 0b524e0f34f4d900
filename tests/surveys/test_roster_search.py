"""Searching a large round's roster (netlead.surveys.roster_search): by name or organization,
in any case, never oneself or the people already named, in the roster's order; a process keeps
the round's names for a minute, then reads them again."""

from __future__ import annotations

import pytest
from django.urls import reverse

from netlead.surveys import roster_search
from netlead.surveys.models import SurveyRound
from netlead.surveys.views import answer
from tests.surveys.conftest import Survey


@pytest.fixture
def open_round(survey: Survey, django_capture_on_commit_callbacks) -> SurveyRound:
    return survey.open(django_capture_on_commit_callbacks)


def _names(found: list[tuple[str, str, str]]) -> list[str]:
    return [name for _pk, name, _organization in found]


def test_finds_by_name_or_organization_in_any_case(survey: Survey, open_round: SurveyRound) -> None:
    m = survey.members
    me = {str(m[3].pk)}  # Ben Police
    assert _names(roster_search.search(open_round.pk, "POLICE", leave_out=me, limit=30)) == [
        "Cas Police"
    ]
    # By the organization's name (Dee's organization is School), in the roster's order.
    assert roster_search.search(open_round.pk, "school", leave_out=me, limit=30) == [
        (str(m[5].pk), "Dee School", "School")
    ]
    assert _names(roster_search.search(open_round.pk, "police", leave_out=set(), limit=1)) == [
        "Ben Police"
    ]
    assert roster_search.search(open_round.pk, "nobody", leave_out=set(), limit=30) == []


def test_the_page_leaves_out_oneself_and_the_people_named(
    survey: Survey, open_round: SurveyRound, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(answer, "FULL_ROSTER_LIMIT", 2)  # a large round: search, no full list
    m = survey.members
    client, token = survey.start(m[3])  # Ben Police
    roster = reverse("surveys:answer_roster", args=[token])
    client.post(roster, {"named": [m[5].pk]})  # Dee School
    page = client.get(roster + "?q=o").text
    assert page.count(f'id="named-{m[3].pk}"') == 0  # never oneself
    assert page.count(f'id="named-{m[5].pk}"') == 1  # Dee: listed once, as named
    assert page.count(f'id="named-{m[4].pk}"') == 1  # Cas: a colleague and a result, once


def test_a_round_is_read_again_after_a_minute(
    survey: Survey,
    open_round: SurveyRound,
    monkeypatch: pytest.MonkeyPatch,
    django_assert_num_queries,
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(roster_search.time, "monotonic", lambda: clock[0])
    with django_assert_num_queries(1):
        roster_search.search(open_round.pk, "dee", leave_out=set(), limit=30)
    person = survey.members[5].person
    person.name = "Dee Renamed"
    person.save()
    clock[0] += roster_search.KEEP_SECONDS - 1
    with django_assert_num_queries(0):
        assert _names(roster_search.search(open_round.pk, "dee", leave_out=set(), limit=30)) == [
            "Dee School"
        ]
    clock[0] += 2
    with django_assert_num_queries(1):
        assert _names(roster_search.search(open_round.pk, "dee", leave_out=set(), limit=30)) == [
            "Dee Renamed"
        ]
