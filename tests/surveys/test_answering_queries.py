"""The answering pages are the ones every member opens at once: each asks the database a
fixed number of questions, however many people the round has, and touches no session."""

from __future__ import annotations

import pytest
from django.urls import reverse

from netlead.surveys.models import SurveyRound, TieAnswer
from tests.surveys.conftest import Survey


@pytest.fixture(autouse=True)
def counts_in_memory(settings: pytest.FixtureRequest) -> None:
    """The token pages' rate limit counts in the shared cache: on the database cache a few
    queries of its own (one round trip on Redis), tested in tests/core/test_ratelimit.py. Here
    it counts in memory, so the numbers below are the pages' own queries."""
    settings.CACHES = {  # type: ignore[attr-defined]
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }


@pytest.fixture
def open_round(survey: Survey, django_capture_on_commit_callbacks) -> SurveyRound:
    return survey.open(django_capture_on_commit_callbacks)


def test_roster_and_ties_pages_ask_a_fixed_number_of_queries(
    survey: Survey,
    open_round: SurveyRound,
    monkeypatch: pytest.MonkeyPatch,
    django_assert_num_queries,
) -> None:
    from netlead.surveys.views import answer

    m = survey.members
    client, token = survey.start(m[3])
    roster = reverse("surveys:answer_roster", args=[token])
    client.post(roster, {"named": [m[4].pk, m[5].pk]})
    TieAnswer.objects.filter(respondent=m[3], target=m[5]).update(from_previous_round=True)

    # Invitation, roster size, ties named, everyone listed.
    with django_assert_num_queries(4):
        full = client.get(roster)
    assert full.status_code == 200
    assert full.text.count('name="named"') == len(m) - 1
    assert full.text.count('type="hidden" name="shown"') == 2
    assert full.text.count("checked") == 2
    assert "data-roster-name" in full.text  # what the type-to-filter script reads

    monkeypatch.setattr(answer, "FULL_ROSTER_LIMIT", 2)
    # Invitation, roster size, ties named, the people named with the own organization.
    with django_assert_num_queries(4):
        large = client.get(roster)
    # Named (m[4] a colleague, m[5] elsewhere, named last round) and the other colleague.
    assert (
        large.text.count('name="named"')
        == 2
        + len(
            [x for x in m if x.person.organization_id == m[3].person.organization_id and x != m[3]]
        )
        - 1
    )
    assert "data-roster-name" not in large.text
    assert "Dee School" in large.text and "Max Member" not in large.text
    # The same, plus the search.
    with django_assert_num_queries(5):
        found = client.get(roster + "?q=member")
    assert "Max Member" in found.text

    with django_assert_num_queries(2):
        ties = client.get(reverse("surveys:answer_ratings", args=[token]))
    assert ties.text.count('type="radio"') == 2 * 7 * 4
    assert ties.text.count("from the last round") == 1
    assert "sessionid" not in ties.cookies


def test_ties_page_shows_the_saved_points_and_escapes_names(
    survey: Survey, open_round: SurveyRound
) -> None:
    m = survey.members
    m[0].person.name = "<b>Ann</b>"
    m[0].person.save()
    client, token = survey.start(m[1])
    client.post(reverse("surveys:answer_roster", args=[token]), {"named": [m[0].pk]})
    client.post(reverse("surveys:answer_autosave", args=[token]), {f"tie-{m[0].pk}-frequency": 3})
    page = client.get(reverse("surveys:answer_ratings", args=[token])).text
    assert f'name="tie-{m[0].pk}-frequency" value="3" checked' in page
    assert page.count(" checked") == 1
    assert "&lt;b&gt;Ann&lt;/b&gt;" in page and "<b>Ann</b>" not in page


def test_health_page_shows_the_points_given_and_marks_the_gaps(
    survey: Survey, django_capture_on_commit_callbacks, django_assert_num_queries
) -> None:
    survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    client, token = survey.start(survey.members[1])
    url = reverse("surveys:answer_health", args=[token])
    client.post(url, {"item-trust_1": 4, "item-trust_2": 2})
    # Invitation, the anonymous response, its answers.
    with django_assert_num_queries(3):
        page = client.get(url).text
    assert page.count('type="radio"') == 30 * 5
    assert page.count(" checked") == 2
    assert 'name="item-trust_1" value="4" checked' in page
    assert 'name="item-trust_2" value="2" checked' in page
    refused = client.post(url, {"submit": "1"})
    assert refused.status_code == 400
    assert refused.text.count('<fieldset class="missing">') == 28
