"""The answering pages are the ones every member opens at once: each asks the database a
fixed number of questions, however many people the round has, and touches no session."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from netlead.surveys.models import SurveyRound, TieAnswer
from tests.query_counts import RATE_COUNT, SAVEPOINT
from tests.surveys.conftest import Survey


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

    # The rate count, invitation (with round and network), ties named, the respondent with
    # their organization, and the round's roster, which this process then keeps a minute.
    with django_assert_num_queries(RATE_COUNT + 4):
        full = client.get(roster)
    assert full.status_code == 200
    assert full.text.count('name="named"') == len(m) - 1
    assert full.text.count('type="hidden" name="shown"') == 2
    assert full.text.count("checked") == 2
    assert "data-roster-name" in full.text  # what the type-to-filter script reads

    monkeypatch.setattr(answer, "FULL_ROSTER_LIMIT", 2)
    # The rate count, invitation, ties named, the respondent: the size, the people named,
    # the own organization and a search all come from the kept roster.
    with django_assert_num_queries(RATE_COUNT + 3):
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
    with django_assert_num_queries(RATE_COUNT + 3):
        found = client.get(roster + "?q=member")
    assert "Max Member" in found.text

    with django_assert_num_queries(RATE_COUNT + 2):
        ties = client.get(reverse("surveys:answer_ratings", args=[token]))
    assert ties.text.count('type="radio"') == 2 * 7 * 4
    assert ties.text.count("from the last round") == 1
    assert "sessionid" not in ties.cookies


def test_start_page_reads_the_workspace_only_for_its_threshold(
    survey: Survey, open_round: SurveyRound, django_assert_num_queries
) -> None:
    """Every answering page reads the invitation with its round and network, not more; the
    start page alone also reads the workspace, whose threshold k it states."""
    workspace = survey.net.network.workspace
    workspace.anonymity_threshold = 7
    workspace.save()
    member = survey.members[2]
    token = survey.tokens[member.pk]
    client = Client()
    client.get(reverse("surveys:answer", args=[token]))  # the first in a window sweeps old counts
    # The rate count, invitation (with round and network), its workspace.
    with django_assert_num_queries(RATE_COUNT + 2):
        page = client.get(reverse("surveys:answer", args=[token]))
    assert page.status_code == 200
    assert "of at least 7 people" in page.text
    refused = client.post(reverse("surveys:answer", args=[token]), {})
    assert refused.status_code == 400 and "of at least 7 people" in refused.text


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
    # The rate count, invitation, the anonymous response, its answers.
    with django_assert_num_queries(RATE_COUNT + 3):
        page = client.get(url).text
    assert page.count('type="radio"') == 30 * 5
    assert page.count(" checked") == 2
    assert 'name="item-trust_1" value="4" checked' in page
    assert 'name="item-trust_2" value="2" checked' in page
    refused = client.post(url, {"submit": "1"})
    assert refused.status_code == 400
    assert refused.text.count('<fieldset class="missing">') == 28


def test_health_submit_saves_and_submits_under_one_lock(
    survey: Survey, django_capture_on_commit_callbacks, django_assert_num_queries
) -> None:
    """The submit button carries every statement: saving them and submitting is one
    transaction, and the stored answers are asked for only when the page lacked some."""
    from netlead.frameworks.instruments import health_check
    from netlead.surveys.models import HealthAnswer, HealthResponse

    survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    client, token = survey.start(survey.members[1])
    url = reverse("surveys:answer_health", args=[token])
    keys = [item.key for item in health_check("en").items]
    client.post(url, {f"item-{keys[0]}": 1})
    every = {f"item-{key}": 3 for key in keys[1:]}

    # The rate count, invitation, the invitation's lock with its round, the response, one
    # upsert of the answers, the response and the invitation marked submitted.
    with django_assert_num_queries(RATE_COUNT + SAVEPOINT + 6):
        done = client.post(url, {**every, f"item-{keys[0]}": 5, "submit": "1"})
    assert done.status_code == 302 and done.url.endswith("/thanks/")
    response = HealthResponse.objects.get(submitted=True)
    assert dict(HealthAnswer.objects.filter(response=response).values_list("item", "value")) == {
        **{key: 3 for key in keys[1:]},
        keys[0]: 5,
    }


def test_health_submit_keeps_the_answers_of_an_incomplete_page(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    """A submit that lacks statements is refused, but what it carried is saved, and the
    statements answered earlier count."""
    from netlead.frameworks.instruments import health_check
    from netlead.surveys.models import HealthAnswer, SurveyInvitation

    survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    member = survey.members[1]
    client, token = survey.start(member)
    url = reverse("surveys:answer_health", args=[token])
    keys = [item.key for item in health_check("en").items]
    client.post(url, {f"item-{keys[0]}": 2})
    refused = client.post(url, {**{f"item-{key}": 4 for key in keys[1:-1]}, "submit": "1"})
    assert refused.status_code == 400
    assert refused.text.count('<fieldset class="missing">') == 1
    assert HealthAnswer.objects.count() == len(keys) - 1
    assert SurveyInvitation.objects.get(member=member).submitted_at is None

    done = client.post(url, {f"item-{keys[-1]}": 1, "submit": "1"})
    assert done.status_code == 302
    assert HealthAnswer.objects.count() == len(keys)
    assert SurveyInvitation.objects.get(member=member).submitted_at is not None


def test_saving_ratings_is_one_update_whatever_the_number_of_people(
    survey: Survey, open_round: SurveyRound, django_assert_num_queries
) -> None:
    """Autosave and submit write every person's ratings in one statement; a question not in
    this save keeps its stored answer, and another respondent's ties are not touched."""
    m = survey.members
    client, token = survey.start(m[1])
    client.post(reverse("surveys:answer_roster", args=[token]), {"named": [m[2].pk, m[3].pk]})
    other, other_token = survey.start(m[4])
    other.post(reverse("surveys:answer_roster", args=[other_token]), {"named": [m[2].pk]})
    other.post(
        reverse("surveys:answer_autosave", args=[other_token]), {f"tie-{m[2].pk}-frequency": 1}
    )
    autosave = reverse("surveys:answer_autosave", args=[token])
    client.post(autosave, {f"tie-{m[2].pk}-frequency": 2})

    # The rate count, invitation, the invitation's lock with its round, one UPDATE.
    with django_assert_num_queries(RATE_COUNT + SAVEPOINT + 3):
        response = client.post(
            autosave, {f"tie-{m[2].pk}-reliability": 4, f"tie-{m[3].pk}-frequency": 3}
        )
    assert response.json() == {"saved": 2}
    ties = {t.target_id: t for t in TieAnswer.objects.filter(round=open_round, respondent=m[1])}
    assert (ties[m[2].pk].frequency, ties[m[2].pk].reliability) == (2, 4)  # kept, added
    assert (ties[m[3].pk].frequency, ties[m[3].pk].reliability) == (3, None)
    assert TieAnswer.objects.get(round=open_round, respondent=m[4]).frequency == 1  # untouched


def test_health_consent_reads_the_respondent_once_and_makes_one_response(
    survey: Survey, django_capture_on_commit_callbacks, django_assert_num_queries
) -> None:
    """Agreeing to a health check starts it and makes the anonymous response, which keeps
    the organization and layer for the breakdown; agreeing again in a second tab makes no
    second one."""
    from netlead.surveys.models import HealthResponse

    survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    member = survey.members[1]
    token = survey.tokens[member.pk]
    client = Client()
    url = reverse("surveys:answer", args=[token])
    client.get(url)  # the first in a window sweeps old counts
    # The rate count, invitation, the invitation's lock, started, the respondent with their
    # organization, the response.
    with django_assert_num_queries(RATE_COUNT + SAVEPOINT + 5):
        started = client.post(url, {"consent": "yes"})
    assert started.status_code == 302
    assert client.post(url, {"consent": "yes"}).status_code == 302
    response = HealthResponse.objects.get()
    assert response.organization == member.person.organization.name
    assert response.layer == member.person.layer and not response.submitted
