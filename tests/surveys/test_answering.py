"""Bad input while answering: every case gets a clear page, and no answer is lost or changed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from netlead.networks.models import NetworkMember
from netlead.surveys.models import HealthAnswer, SurveyInvitation, SurveyRound, TieAnswer
from tests.factories import PersonFactory
from tests.surveys.conftest import Survey


@pytest.fixture
def open_round(survey: Survey, django_capture_on_commit_callbacks) -> SurveyRound:
    return survey.open(django_capture_on_commit_callbacks)


def _tie(survey: Survey, respondent: int, target: int) -> TieAnswer:
    return TieAnswer.objects.get(
        respondent=survey.members[respondent], target=survey.members[target]
    )


def test_unknown_link_says_so(db: None, client) -> None:
    response = client.get(reverse("surveys:answer", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "This link does not work" in response.text


def test_consent_comes_first(survey: Survey, open_round: SurveyRound, client) -> None:
    token = survey.tokens[survey.members[1].pk]
    page = client.get(reverse("surveys:answer", args=[token]))
    assert "what happens with your answers" in page.text and "at least 3 people" in page.text
    refused = client.post(reverse("surveys:answer", args=[token]), {})
    assert refused.status_code == 400 and "Please confirm" in refused.text
    assert SurveyInvitation.objects.get(member=survey.members[1]).started_at is None
    # Skipping the consent page leads back to it.
    skipped = client.get(reverse("surveys:answer_ratings", args=[token]))
    assert skipped.status_code == 302 and skipped.url == reverse("surveys:answer", args=[token])


def test_second_submit_changes_nothing(survey: Survey, open_round: SurveyRound) -> None:
    m = survey.members
    survey.answer_ties(m[1], [m[0]], value=3)
    submitted_at = SurveyInvitation.objects.get(member=m[1]).submitted_at
    token = survey.tokens[m[1].pk]
    again = Client().post(
        reverse("surveys:answer_ratings", args=[token]),
        {f"tie-{m[0].pk}-frequency": 1, "submit": "1"},
    )
    assert again.status_code == 200 and "You have already answered" in again.text
    assert _tie(survey, 1, 0).frequency == 3
    assert SurveyInvitation.objects.get(member=m[1]).submitted_at == submitted_at


def test_closed_and_expired_rounds_refuse_answers(
    survey: Survey, open_round: SurveyRound, django_capture_on_commit_callbacks
) -> None:
    m = survey.members
    client, token = survey.start(m[1])
    client.post(reverse("surveys:answer_roster", args=[token]), {"named": [m[0].pk]})
    yesterday = timezone.localdate() - timedelta(days=1)
    SurveyRound.objects.filter(pk=open_round.pk).update(
        opens_on=yesterday - timedelta(days=7), closes_on=yesterday
    )
    expired = client.post(
        reverse("surveys:answer_autosave", args=[token]), {f"tie-{m[0].pk}-frequency": 2}
    )
    assert expired.status_code == 410 and "This survey is closed" in expired.text
    assert _tie(survey, 1, 0).frequency is None
    SurveyRound.objects.filter(pk=open_round.pk).update(closes_on="2099-01-01")
    survey.close(django_capture_on_commit_callbacks, open_round)
    closed = client.get(reverse("surveys:answer_ratings", args=[token]))
    assert closed.status_code == 410


@pytest.mark.parametrize(
    ("field", "value"),
    [("frequency", "7"), ("frequency", "0"), ("frequency", "often"), ("loyalty", "3")],
)
def test_bad_rating_is_refused_and_earlier_answers_stay(
    survey: Survey, open_round: SurveyRound, field: str, value: str
) -> None:
    m = survey.members
    client, token = survey.start(m[1])
    client.post(reverse("surveys:answer_roster", args=[token]), {"named": [m[0].pk]})
    client.post(reverse("surveys:answer_autosave", args=[token]), {f"tie-{m[0].pk}-mission": 4})
    response = client.post(
        reverse("surveys:answer_ratings", args=[token]),
        {f"tie-{m[0].pk}-{field}": value, f"tie-{m[0].pk}-openness": 2},
    )
    assert response.status_code == 400
    tie = _tie(survey, 1, 0)
    assert tie.mission == 4 and tie.frequency is None and tie.openness is None


def test_roster_naming_someone_outside_the_network_is_refused(
    survey: Survey, open_round: SurveyRound
) -> None:
    m = survey.members
    outsider = NetworkMember.objects.create(
        network=survey.net.network.__class__.objects.create(
            workspace=survey.net.world.other_workspace, name="Elsewhere"
        ),
        person=PersonFactory(workspace=survey.net.world.other_workspace),
    )
    client, token = survey.start(m[1])
    client.post(reverse("surveys:answer_roster", args=[token]), {"named": [m[0].pk]})
    for named in ([m[0].pk, outsider.pk], [m[1].pk], ["x"]):
        response = client.post(reverse("surveys:answer_roster", args=[token]), {"named": named})
        assert response.status_code == 400, named
        assert "could not be saved" in response.text or "not in this survey" in response.text
    assert set(TieAnswer.objects.filter(respondent=m[1]).values_list("target_id", flat=True)) == {
        m[0].pk
    }


def test_stale_tab_does_not_undo_answers_given_in_another(
    survey: Survey, open_round: SurveyRound
) -> None:
    m = survey.members
    client, token = survey.start(m[1])
    url = reverse("surveys:answer_roster", args=[token])
    client.post(url, {"named": [m[0].pk]})  # tab A names m0
    client.post(url, {"named": [m[0].pk, m[2].pk], "shown": [m[0].pk]})  # tab A adds m2
    client.post(reverse("surveys:answer_autosave", args=[token]), {f"tie-{m[2].pk}-frequency": 4})
    # Tab B was opened when only m0 was named; it adds m3 and knows nothing of m2.
    client.post(url, {"named": [m[0].pk, m[3].pk], "shown": [m[0].pk]})
    targets = set(TieAnswer.objects.filter(respondent=m[1]).values_list("target_id", flat=True))
    assert targets == {m[0].pk, m[2].pk, m[3].pk}
    assert _tie(survey, 1, 2).frequency == 4


def test_autosave_writes_only_what_it_carries(survey: Survey, open_round: SurveyRound) -> None:
    m = survey.members
    client, token = survey.start(m[1])
    client.post(reverse("surveys:answer_roster", args=[token]), {"named": [m[0].pk]})
    save = reverse("surveys:answer_autosave", args=[token])
    assert client.post(save, {f"tie-{m[0].pk}-frequency": 2}).json() == {"saved": 1}
    assert client.post(save, {f"tie-{m[0].pk}-mission": 3}).json() == {"saved": 1}
    tie = _tie(survey, 1, 0)
    assert (tie.frequency, tie.mission) == (2, 3)
    bad = client.post(save, {f"tie-{m[0].pk}-frequency": 9})
    assert bad.status_code == 400 and "from 1 to 4" in bad.json()["error"]
    assert _tie(survey, 1, 0).frequency == 2


def test_incomplete_submit_is_refused_with_the_gaps_marked(
    survey: Survey, open_round: SurveyRound
) -> None:
    m = survey.members
    client, token = survey.start(m[1])
    client.post(reverse("surveys:answer_roster", args=[token]), {"named": [m[0].pk]})
    response = client.post(
        reverse("surveys:answer_ratings", args=[token]),
        {f"tie-{m[0].pk}-frequency": 2, "submit": "1"},
    )
    assert response.status_code == 400 and "not answered yet" in response.text
    assert 'class="missing"' in response.text
    assert SurveyInvitation.objects.get(member=m[1]).submitted_at is None
    assert _tie(survey, 1, 0).frequency == 2


def test_health_check_refuses_unknown_items_and_keeps_answers(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    client, token = survey.start(survey.members[1])
    url = reverse("surveys:answer_health", args=[token])
    client.post(url, {"item-trust_1": 4})
    for data in ({"item-made_up": 3}, {"item-trust_1": 6}, {"item-trust_2": "x"}):
        response = client.post(url, data)
        assert response.status_code == 400, data
    assert dict(HealthAnswer.objects.values_list("item", "value")) == {"trust_1": 4}
    incomplete = client.post(url, {"item-trust_2": 2, "submit": "1"})
    assert incomplete.status_code == 400
    assert HealthAnswer.objects.count() == 2


def test_large_roster_lists_colleagues_and_finds_others_by_search(
    survey: Survey, open_round: SurveyRound, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netlead.surveys.views import answer

    monkeypatch.setattr(answer, "FULL_ROSTER_LIMIT", 2)
    m = survey.members  # m[0..2] Municipality, m[3], m[4] Police, m[5] School
    client, token = survey.start(m[3])
    url = reverse("surveys:answer_roster", args=[token])
    page = client.get(url)
    assert "Cas Police" in page.text  # own organization
    assert "Dee School" not in page.text and "Max Member" not in page.text
    # Tick a colleague, then search: the tick is saved on the way.
    searched = client.post(url, {"named": [m[4].pk], "search": "1", "q": "school"})
    assert searched.status_code == 302 and searched.url.endswith("?q=school")
    assert set(TieAnswer.objects.filter(respondent=m[3]).values_list("target_id", flat=True)) == {
        m[4].pk
    }
    results = client.get(searched.url)
    assert "Dee School" in results.text and "People you have named" in results.text
    client.post(url, {"named": [m[4].pk, m[5].pk], "shown": [m[4].pk]})
    assert set(TieAnswer.objects.filter(respondent=m[3]).values_list("target_id", flat=True)) == {
        m[4].pk,
        m[5].pk,
    }
    nobody = client.get(url + "?q=zzz")
    assert "Nobody found" in nobody.text
