"""Trends across rounds: the figures of each closed round, oldest first, for the network's
members only; a group under k in a round is a dash, never a figure."""

from __future__ import annotations

import pytest
from django.urls import reverse

from netlead.surveys.models import SurveyRound
from netlead.workspaces.models import AuditEvent
from tests.surveys.conftest import Survey
from tests.surveys.test_permissions import NOT_IN_NETWORK, _user


def _url(survey: Survey, **query: str) -> str:
    url = reverse("surveys:trends", args=[survey.slug, survey.net.network.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.fixture
def health_rounds(survey: Survey, django_capture_on_commit_callbacks) -> list[SurveyRound]:
    """Two health rounds: in the first only the municipality's three members answer (4s); in
    the second the police answer too (2s from its two members: under k, and so the
    municipality is held back as well, or the police's scores would follow from the totals)."""
    capture = django_capture_on_commit_callbacks
    m = survey.members
    first = survey.open(capture, instrument="health_check")
    for member in m[:3]:
        survey.answer_health(member, 4)
    first = survey.close(capture, first)
    second = survey.open(capture, instrument="health_check")
    for member in m[:3]:
        survey.answer_health(member, 5)
    for member in m[3:5]:
        survey.answer_health(member, 2)
    return [first, survey.close(capture, second)]


def _row(text: str, label: str) -> str:
    start = text.index(f'<th scope="row">{label}</th>')
    return text[start : text.index("</tr>", start)]


def test_health_trend_of_the_whole_network_and_of_an_organization(
    survey: Survey, health_rounds: list[SurveyRound]
) -> None:
    client = survey.net.world.client_for(survey.net.world.member)
    page = client.get(_url(survey))
    assert page.status_code == 200
    row = _row(page.text, "Free space")
    # Oldest first: 4.0, then (3 x 5 + 2 x 2) / 5 = 3.8; the change is the difference shown.
    assert row.index("4.0") < row.index("3.8") and "-0.2" in row

    municipality = survey.net.world.organization.name
    row = _row(client.get(_url(survey, group=f"organization:{municipality}")).text, "Free space")
    assert "4.0" in row and "5.0" not in row and row.count("\u2013") == 2


def test_an_organization_shown_in_both_rounds_has_its_change(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    capture = django_capture_on_commit_callbacks
    for value in (4, 5):
        health_round = survey.open(capture, instrument="health_check")
        for member in survey.members[:3]:
            survey.answer_health(member, value)
        survey.close(capture, health_round)
    municipality = survey.net.world.organization.name
    client = survey.net.world.client_for(survey.net.world.member)
    row = _row(client.get(_url(survey, group=f"organization:{municipality}")).text, "Free space")
    assert row.index("4.0") < row.index("5.0") and "+1.0" in row


def test_a_group_under_k_in_a_round_is_a_dash_not_a_figure(
    survey: Survey, health_rounds: list[SurveyRound]
) -> None:
    client = survey.net.world.client_for(survey.net.world.member)
    page = client.get(_url(survey, group="organization:Police"))
    assert page.status_code == 200
    row = _row(page.text, "Free space")
    # Police answered only in the second round, and only two of them: nothing is shown.
    assert "2.0" not in row and row.count("\u2013") == 3  # two rounds and the change


def test_network_figures_of_relationship_rounds_oldest_first(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    capture = django_capture_on_commit_callbacks
    m = survey.members
    first = survey.open(capture)
    survey.answer_ties(m[1], [m[0]])
    survey.close(capture, first)
    second = survey.open(capture)
    survey.answer_ties(m[1], [m[0], m[3]])
    survey.answer_ties(m[3], [m[4], m[5]])
    survey.close(capture, second)
    page = survey.net.world.client_for(survey.net.world.member).get(_url(survey))
    assert page.text.index(first.title) < page.text.index("Ties (named and reconstructed)")
    row = _row(page.text, "Ties (named and reconstructed)")
    # Directed ties, those of members who did not answer reconstructed: 1 + 1, then 4 + 3.
    assert row.index(">2<") < row.index(">7<") and "+5" in row
    # No health round yet: the page says so instead of an empty table.
    assert "No health round has closed yet." in page.text


def test_reading_trends_is_audited(survey: Survey, health_rounds: list[SurveyRound]) -> None:
    survey.net.world.client_for(survey.net.world.member).get(_url(survey))
    assert AuditEvent.objects.filter(action="survey trends").count() == 1


@pytest.mark.parametrize("who", ["leader", "member", "associate", *NOT_IN_NETWORK])
def test_trends_are_for_network_members_only(
    survey: Survey, health_rounds: list[SurveyRound], who: str
) -> None:
    response = survey.net.world.client_for(_user(survey, who)).get(_url(survey))
    assert response.status_code == (404 if who in NOT_IN_NETWORK else 200)


def test_anonymous_visitor_is_sent_to_login(survey: Survey) -> None:
    response = survey.net.world.client_for(None).get(_url(survey))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_an_unknown_group_is_not_found_and_nothing_is_recorded(
    survey: Survey, health_rounds: list[SurveyRound]
) -> None:
    client = survey.net.world.client_for(survey.net.world.member)
    for group in ("organization:Nobody", "layer:nonsense", "x" * 500):
        assert client.get(_url(survey, group=group)).status_code == 404
    assert not AuditEvent.objects.filter(action="survey trends").exists()


def test_the_survey_list_links_to_the_trends(survey: Survey) -> None:
    page = survey.net.world.client_for(survey.net.world.member).get(
        reverse("surveys:list", args=[survey.slug, survey.net.network.pk])
    )
    assert _url(survey) in page.text
