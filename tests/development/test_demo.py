"""The demo leader's development: loaded once however often the demo is loaded, and complete
enough to show every part, the merged feedback report included."""

from __future__ import annotations

import pytest
from django.test import Client

from netlead.demo import load_demo
from netlead.demo.development import LEADER
from netlead.development.models import (
    Contact,
    DevelopmentGoal,
    FeedbackRequest,
    JournalEntry,
    NetworkAudit,
    NetworkSnapshot,
    ObserverInvitation,
    ObserverResponse,
    PlanAction,
    ProgressNote,
    SelfAssessment,
)
from netlead.workspaces.models import Person

MODELS = (
    SelfAssessment,
    FeedbackRequest,
    ObserverInvitation,
    ObserverResponse,
    DevelopmentGoal,
    PlanAction,
    ProgressNote,
    JournalEntry,
    Contact,
    NetworkAudit,
    NetworkSnapshot,
)


@pytest.fixture
def leader(db: None) -> Person:
    demo = load_demo()
    return demo.workspace.persons.get(name=LEADER, user__isnull=False)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_the_demo_again_adds_nothing(leader: Person) -> None:
    before = _counts()
    assert all(before.values()), before
    load_demo()
    assert _counts() == before


def test_the_demo_leader_has_two_completed_self_assessments(leader: Person) -> None:
    assessments = list(leader.self_assessments.all())
    assert len(assessments) == 2
    assert all(a.is_complete for a in assessments)
    assert all(s.score is not None for a in assessments for s in a.scores.all())


def test_the_demo_request_is_closed_with_nine_answers_in_four_groups(leader: Person) -> None:
    request = leader.feedback_requests.get()
    assert request.is_closed
    responses = list(request.responses.values_list("group", flat=True))
    assert len(responses) == 9
    assert {g: responses.count(g) for g in set(responses)} == {
        "manager": 1,
        "peer": 3,
        "partner": 3,
        "report": 2,
    }
    assert request.invitations.filter(has_answered=True).count() == 9


def test_the_demo_network_has_thirty_contacts(leader: Person) -> None:
    assert leader.contacts.count() == 30


def test_the_demo_report_shows_the_merge(leader: Person) -> None:
    from django.urls import reverse

    client = Client()
    client.force_login(leader.user)
    request = leader.feedback_requests.get()
    response = client.get(
        reverse("development:request_report", args=[leader.workspace.slug, request.pk])
    )
    assert response.status_code == 200
    view = response.context["view"]
    assert view.report.respondents == 9
    assert [g.group for g in view.report.groups] == ["manager", "peer"]
    assert view.report.merged == ("partner", "report")
    assert view.report.secondary == ("partner",)
    # The page says so, in the leader's language.
    for label in view.merged:
        assert label in response.text
    for invitation in request.invitations.all():
        assert invitation.email not in response.text
        assert invitation.name not in response.text
