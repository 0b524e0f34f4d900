"""The leader's own development report, and the facilitators' cohort figures: means of the
leaders' latest self-assessments, shown only from k leaders on."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest
from django.utils import timezone

from netlead.development import selectors, services
from netlead.development.models import DevelopmentGoal, JournalEntry, PlanAction
from netlead.development.selectors import DevelopmentReport
from netlead.workspaces.models import Person
from tests.development.conftest import Dev
from tests.factories import MembershipFactory, UserFactory

SECTIONS = (
    "Competences",
    "Feedback from observers",
    "Development plan",
    "My personal network",
    "My position in the networks I belong to",
    "From my journal",
)


def _heading(text: str) -> str:
    return f">{text}</h2>"


def test_the_own_report_has_every_section(dev: Dev) -> None:
    response = dev.client().get(dev.url("report"))
    assert response.status_code == 200
    for section in SECTIONS:
        assert _heading(section) in response.text, section
    assert "No completed self-assessment yet." in response.text
    assert "No closed feedback request with answers yet." in response.text


def test_the_own_report_holds_the_latest_assessment_plan_and_marked_entries(dev: Dev) -> None:
    dev.assessment(2, days_ago=200)
    latest = dev.assessment(4)
    goal = DevelopmentGoal.objects.create(owner=dev.person, title="Ask before I answer")
    PlanAction.objects.create(goal=goal, title="Three open questions per meeting")
    JournalEntry.objects.create(
        owner=dev.person, title="Marked", text="For the report", in_report=True
    )
    JournalEntry.objects.create(owner=dev.person, title="Unmarked", text="Only for me")
    dev.contact("Colleague")
    response = dev.client().get(dev.url("report"))
    assert response.context["report"].latest == latest
    assert [r.change for r in response.context["report"].rows] == [2] * 10
    text = response.text
    assert "Ask before I answer" in text and "Three open questions per meeting" in text
    assert "For the report" in text
    assert "Only for me" not in text and "Unmarked" not in text
    assert '<span class="figure">1</span> contact</li>' in text  # singular


def test_the_report_is_a_typed_read_model_and_a_shared_one_holds_no_private_part(
    dev: Dev,
) -> None:
    JournalEntry.objects.create(owner=dev.person, title="Marked", text="Mine", in_report=True)
    dev.contact("Colleague")
    today = timezone.localdate()
    own = selectors.development_report(dev.person, today=today, for_owner=True)
    assert isinstance(own, DevelopmentReport)
    assert [e.title for e in own.journal] == ["Marked"]
    assert own.summary is not None and own.summary.contacts == 1
    with pytest.raises(FrozenInstanceError):
        own.goals = ()  # type: ignore[misc]
    shared = selectors.development_report(dev.person, today=today, for_owner=False)
    assert (shared.journal, shared.summary, shared.suggestions, shared.positions) == (
        (),
        None,
        (),
        (),
    )
    page = dev.client().get(dev.url("report"))
    assert isinstance(page.context["report"], DevelopmentReport)


def test_the_report_uses_only_a_closed_request(dev: Dev) -> None:
    request = dev.feedback_request(dev.assessment(3))
    dev.observers(request, {"peer": 3})
    client = dev.client()
    assert client.get(dev.url("report")).context["report"].feedback is None
    services.feedback_request_close(request=request)
    feedback = client.get(dev.url("report")).context["report"].feedback
    assert feedback is not None
    assert feedback.columns == ["Peers"]


def test_sharing_is_the_leaders_choice_in_settings(dev: Dev) -> None:
    client = dev.client()
    assert services.profile_for(dev.person).report_shared is False
    saved = client.post(dev.url("settings"), {"report_shared": "on", "stale_after_days": "90"})
    assert saved.status_code == 302
    assert services.profile_for(dev.person).report_shared is True
    cohort = dev.client(dev.world.facilitator).get(dev.url("cohort"))
    assert list(cohort.context["figures"].shared) == [dev.person]
    assert dev.url("shared_report", dev.person.pk) in cohort.text
    client.post(dev.url("settings"), {"stale_after_days": "90"})  # unticked
    assert services.profile_for(dev.person).report_shared is False
    gone = dev.client(dev.world.facilitator).get(dev.url("shared_report", dev.person.pk))
    assert gone.status_code == 404


# -- Cohort figures ------------------------------------------------------------------------


def _leader(dev: Dev, n: int) -> Person:
    user = UserFactory(email=f"leader{n}@example.test", name=f"Leader {n}")
    MembershipFactory(workspace=dev.world.workspace, user=user)
    return dev.leader_of(user)


def test_cohort_figures_stay_hidden_below_k_leaders(dev: Dev) -> None:
    dev.assessment(2)
    dev.assessment(4, owner=_leader(dev, 1))
    dev.assessment(5, owner=_leader(dev, 2), complete=False)  # a draft does not count
    response = dev.client(dev.world.facilitator).get(dev.url("cohort"))
    figures = response.context["figures"]
    assert (figures.leaders, figures.k) == (2, 3)
    assert all(row.mean is None for row in figures.rows)
    assert "Fewer than 3 leaders have completed a self-assessment" in response.text
    assert "Mean score" not in response.text


def test_cohort_figures_are_shown_from_k_leaders_as_means(dev: Dev) -> None:
    dev.assessment([1] * 10, days_ago=300)  # an older one of the same leader does not count
    dev.assessment([2, *[3] * 9], days_ago=10)
    dev.assessment([5] * 10, complete=False)  # nor does a newer draft
    dev.assessment([3, *[3] * 9], owner=_leader(dev, 1))
    dev.assessment([5, *[4] * 9], owner=_leader(dev, 2))
    response = dev.client(dev.world.owner).get(dev.url("cohort"))
    figures = response.context["figures"]
    assert figures.leaders == 3
    first, second = figures.rows[:2]
    assert first.mean == pytest.approx(10 / 3) and first.leaders == 3
    assert second.mean == pytest.approx(10 / 3)
    assert "Mean score" in response.text
    assert '<td class="num">3.3</td>' in response.text


def test_a_higher_k_hides_the_figures_again(dev: Dev) -> None:
    dev.world.workspace.anonymity_threshold = 4
    dev.world.workspace.save(update_fields=["anonymity_threshold"])
    for n in range(3):
        dev.assessment(3, owner=_leader(dev, n))
    response = dev.client(dev.world.owner).get(dev.url("cohort"))
    assert "Fewer than 4 leaders" in response.text
    assert all(row.mean is None for row in response.context["figures"].rows)


def test_cohort_page_shows_no_leaders_name_or_own_scores(dev: Dev) -> None:
    dev.assessment([5, *[1] * 9])
    for n in range(2):
        dev.assessment(3, owner=_leader(dev, n))
    text = dev.client(dev.world.facilitator).get(dev.url("cohort")).text
    for name in ("Dana Developer", "Leader 0", "Leader 1"):
        assert name not in text
