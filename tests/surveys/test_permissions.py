"""Who may reach each survey page: members read results, only the leader runs rounds, nobody
outside the network sees anything, and no page or admin screen shows one person's answers."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from netlead.surveys.models import (
    HealthAnswer,
    HealthResponse,
    RoundStatus,
    SurveyInvitation,
    SurveyRound,
    TieAnswer,
)
from tests.surveys.conftest import Survey

NOT_IN_NETWORK = ("facilitator", "outsider")


def _user(survey: Survey, who: str):  # type: ignore[no-untyped-def]
    world = survey.net.world
    return {
        "leader": world.owner,
        "member": world.member,
        "associate": survey.net.associate_user,
        "facilitator": world.facilitator,
        "outsider": world.outsider,
    }[who]


@pytest.fixture
def closed(survey: Survey, django_capture_on_commit_callbacks) -> SurveyRound:
    m = survey.members
    first = survey.open(django_capture_on_commit_callbacks)
    survey.answer_ties(m[1], [m[0]])
    survey.close(django_capture_on_commit_callbacks, first)
    survey_round = survey.open(django_capture_on_commit_callbacks)
    survey.answer_ties(m[1], [m[0], m[3]])
    survey.answer_ties(m[3], [m[4]])
    return survey.close(django_capture_on_commit_callbacks, survey_round)


@pytest.mark.parametrize("page", ["results", "map", "map_data", "compare", "detail"])
@pytest.mark.parametrize("who", ["leader", "member", "associate", *NOT_IN_NETWORK])
def test_results_are_for_network_members_only(
    survey: Survey, closed: SurveyRound, page: str, who: str
) -> None:
    response = survey.net.world.client_for(_user(survey, who)).get(survey.url(page, closed))
    assert response.status_code == (404 if who in NOT_IN_NETWORK else 200)


def test_anonymous_visitor_is_sent_to_login(survey: Survey, closed: SurveyRound) -> None:
    response = survey.net.world.client_for(None).get(survey.url("map_data", closed))
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("page", ["results", "map", "map_data", "compare"])
def test_no_results_before_the_round_closes(
    survey: Survey, django_capture_on_commit_callbacks, page: str
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    response = survey.net.world.client_for(survey.net.world.owner).get(
        survey.url(page, survey_round)
    )
    assert response.status_code == 404


@pytest.mark.parametrize("who", ["member", "associate"])
@pytest.mark.parametrize("action", ["open", "remind", "close"])
def test_only_the_leader_runs_a_round(
    survey: Survey, django_capture_on_commit_callbacks, who: str, action: str
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    if action == "open":
        survey_round = SurveyRound.objects.create(
            network=survey.net.network, instrument="health_check", title="T", closes_on="2099-01-01"
        )
    before = (survey_round.status, SurveyInvitation.objects.count())
    response = survey.net.world.client_for(_user(survey, who)).post(
        survey.url(action, survey_round)
    )
    assert response.status_code == 403
    survey_round.refresh_from_db()
    assert (survey_round.status, SurveyInvitation.objects.count()) == before


@pytest.mark.parametrize("who", ["member", "associate", *NOT_IN_NETWORK])
def test_only_the_leader_drafts_rounds(survey: Survey, who: str) -> None:
    client = survey.net.world.client_for(_user(survey, who))
    url = reverse("surveys:create", args=[survey.slug, survey.net.network.pk])
    response = client.post(
        url, {"instrument": "health_check", "title": "X", "closes_on": "2099-01-01"}
    )
    assert response.status_code == (404 if who in NOT_IN_NETWORK else 403)
    assert not SurveyRound.objects.exists()


def test_drafts_are_invisible_to_members(survey: Survey) -> None:
    draft = SurveyRound.objects.create(
        network=survey.net.network, instrument="health_check", title="Draft", closes_on="2099-01-01"
    )
    member = survey.net.world.client_for(survey.net.world.member)
    assert member.get(survey.url("detail", draft)).status_code == 404
    listing = member.get(reverse("surveys:list", args=[survey.slug, survey.net.network.pk]))
    assert "Draft" not in listing.text


def test_member_cannot_change_round_settings(survey: Survey, closed: SurveyRound) -> None:
    survey_round = SurveyRound.objects.filter(status=RoundStatus.CLOSED).first()
    assert survey_round is not None
    response = survey.net.world.client_for(survey.net.world.member).post(
        survey.url("detail", survey_round), {"title": "Hacked", "closes_on": "2099-01-01"}
    )
    assert response.status_code == 405
    survey_round.refresh_from_db()
    assert survey_round.title != "Hacked"


def test_bad_round_settings_are_refused(survey: Survey, django_capture_on_commit_callbacks) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    response = survey.net.world.client_for(survey.net.world.owner).post(
        survey.url("detail", survey_round),
        {"title": "", "closes_on": "2001-01-01", "anonymous": "on"},
    )
    assert response.status_code == 400
    survey_round.refresh_from_db()
    assert survey_round.title == "Round relationship_survey"


def test_a_draft_round_with_a_past_closing_date_is_refused(survey: Survey) -> None:
    response = survey.net.world.client_for(survey.net.world.owner).post(
        reverse("surveys:create", args=[survey.slug, survey.net.network.pk]),
        {"instrument": "health_check", "title": "Old", "closes_on": "2001-01-01"},
    )
    assert response.status_code == 200 and "cannot be in the past" in response.text
    assert not SurveyRound.objects.exists()


def test_round_of_another_network_is_not_found(survey: Survey, closed: SurveyRound) -> None:
    other = survey.net.network.__class__.objects.create(
        workspace=survey.net.world.workspace, name="Other network"
    )
    url = reverse("surveys:results", args=[survey.slug, other.pk, closed.pk])
    assert survey.net.world.client_for(survey.net.world.owner).get(url).status_code == 404


def test_no_admin_screen_shows_answers() -> None:
    for model in (TieAnswer, HealthResponse, HealthAnswer, SurveyInvitation):
        assert not admin.site.is_registered(model), model
    assert admin.site.is_registered(SurveyRound)


def test_member_pages_never_carry_one_persons_ratings(survey: Survey, closed: SurveyRound) -> None:
    """Ben rated Max with a unique pattern; no page a member can reach shows it per person."""
    client = survey.net.world.client_for(survey.net.world.member)
    for page in ("results", "map", "map_data", "compare", "detail"):
        text = client.get(survey.url(page, closed)).text
        assert "reliability" not in text and '"trust"' not in text, page


def test_every_view_of_results_is_logged(survey: Survey, closed: SurveyRound) -> None:
    from netlead.workspaces.models import AuditEvent

    client = survey.net.world.client_for(survey.net.world.member)
    client.get(survey.url("map", closed))
    client.get(survey.url("results", closed) + "?names=hidden")
    events = list(AuditEvent.objects.order_by("at").values_list("user__email", "action", "path"))
    assert [(e[0], e[1]) for e in events] == [
        ("member@example.test", "survey map"),
        ("member@example.test", "survey results"),
    ]
    assert events[1][2].endswith("?names=hidden")
    assert not admin.site._registry[AuditEvent].has_delete_permission(None)
