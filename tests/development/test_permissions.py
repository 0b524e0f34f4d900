"""Who may reach each page of leader development. Everything is the leader's own: anybody else,
the workspace's owner and facilitators included, gets a 404 for it and changes nothing. Only a
report the leader chose to share, and cohort figures, are for the facilitators."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.urls import reverse

from netlead.accounts.models import User
from netlead.development import selectors, services
from netlead.development.models import (
    CompetenceFramework,
    CompetenceScore,
    Contact,
    DevelopmentGoal,
    DevelopmentProfile,
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
from netlead.development.urls import urlpatterns
from netlead.workspaces.models import AuditEvent
from tests.development.conftest import Dev

#: Every page of a workspace: (method, which of the leader's objects its pk comes from).
PAGES: dict[str, tuple[str, str | None]] = {
    "overview": ("get", None),
    "settings": ("get", None),
    "assessments": ("get", None),
    "assessment_start": ("post", None),
    "assessment": ("get", "assessment"),
    "assessment_edit": ("get", "assessment"),
    "requests": ("get", None),
    "request": ("get", "request"),
    "request_close": ("post", "request"),
    "request_remind": ("post", "request"),
    "observer_resend": ("post", "invitation"),
    "request_report": ("get", "request"),
    "plan": ("get", None),
    "goal_create": ("get", None),
    "goal": ("get", "goal"),
    "goal_edit": ("get", "goal"),
    "action_mark": ("post", "action"),
    "journal": ("get", None),
    "entry_create": ("get", None),
    "entry_edit": ("get", "entry"),
    "entry_delete": ("post", "entry"),
    "network": ("get", None),
    "contact_create": ("get", None),
    "contact_edit": ("get", "contact"),
    "contact_delete": ("post", "contact"),
    "audit": ("get", None),
    "snapshot": ("post", None),
    "report": ("get", None),
    "report_pdf": ("get", None),
    "shared_report": ("get", "person"),
    "shared_report_pdf": ("get", "person"),
    "cohort": ("get", None),
    "frameworks": ("get", None),
    "framework_create": ("get", None),
    "framework": ("get", "framework"),
}
OBSERVER_PAGES = {"observer_answer", "observer_thanks"}
MANAGER_PAGES = {"cohort", "framework_create", "shared_report", "shared_report_pdf"}

#: The leader's own objects, and what someone else might post to them.
PRIVATE: dict[str, dict[str, object]] = {
    "assessment": {},
    "assessment_edit": {"complete": "yes"},  # scores are added in the test
    "request": {"name": "Spy", "email": "spy@example.test", "group": "peer", "language": "en"},
    "request_close": {},
    "request_remind": {},
    "observer_resend": {},
    "request_report": {},
    "goal": {"add_note": "yes", "note-text": "Hacked"},
    "goal_edit": {"title": "Hacked", "status": "paused"},
    "action_mark": {"done": "yes"},
    "entry_edit": {"written_on": "2024-01-01", "title": "Hacked", "text": "Hacked"},
    "entry_delete": {},
    "contact_edit": {"name": "Hacked", "kind": "strategic", "level": "above", "strength": "5"},
    "contact_delete": {},
}
SAME_WORKSPACE = ("owner", "facilitator", "member")


@dataclass
class Things:
    assessment: SelfAssessment
    request: FeedbackRequest
    goal: DevelopmentGoal
    action: PlanAction
    entry: JournalEntry
    contact: Contact


@pytest.fixture
def things(dev: Dev) -> Things:
    assessment = dev.assessment([3, 4, 2, 5, 3, 3, 4, 2, 3, 4])
    request = dev.feedback_request(assessment)
    dev.invite(request, "Olga Observer")
    contact = dev.contact("Carla Confidential")
    goal = DevelopmentGoal.objects.create(owner=dev.person, title="Listen more")
    action = PlanAction.objects.create(goal=goal, title="Ask three questions")
    action.contacts.add(contact)
    entry = JournalEntry.objects.create(
        owner=dev.person, title="Hard day", text="A very private reflection", in_report=True
    )
    return Things(assessment, request, goal, action, entry, contact)


def _url(dev: Dev, things: Things, page: str) -> str:
    _method, source = PAGES[page]
    if source is None:
        return dev.url(page)
    if source == "person":
        return dev.url(page, dev.person.pk)
    if source == "framework":
        return dev.url(page, dev.framework.pk)
    if source == "invitation":
        return dev.url(page, things.request.pk, things.request.invitations.get().pk)
    return dev.url(page, getattr(things, source).pk)


def _fingerprint(dev: Dev) -> tuple[object, ...]:
    """Everything the leader has, so a test can tell that nothing changed."""
    return (
        list(
            CompetenceScore.objects.filter(assessment__owner=dev.person)
            .order_by("pk")
            .values_list("score", "reflection_1")
        ),
        list(SelfAssessment.objects.filter(owner=dev.person).values_list("pk", "completed_at")),
        list(FeedbackRequest.objects.filter(owner=dev.person).values_list("pk", "closed_at")),
        list(
            ObserverInvitation.objects.order_by("pk").values_list("email", "sent_at", "reminded_at")
        ),
        list(DevelopmentGoal.objects.values_list("pk", "title", "status")),
        list(PlanAction.objects.values_list("pk", "title", "done_on")),
        ProgressNote.objects.count(),
        list(JournalEntry.objects.values_list("pk", "title", "text")),
        list(Contact.objects.values_list("pk", "name", "kind", "strength")),
        NetworkAudit.objects.count(),
        NetworkSnapshot.objects.count(),
    )


def _user(dev: Dev, who: str) -> User:
    return {
        "leader": dev.leader,
        **{w: getattr(dev.world, w) for w in (*SAME_WORKSPACE, "outsider")},
    }[who]


def test_this_file_knows_every_url() -> None:
    names = {pattern.name for pattern in urlpatterns}
    assert names == set(PAGES) | OBSERVER_PAGES


@pytest.mark.parametrize("page", sorted(PAGES))
def test_anonymous_visitor_is_sent_to_login(dev: Dev, things: Things, page: str) -> None:
    method = PAGES[page][0]
    response = getattr(dev.world.client_for(None), method)(_url(dev, things, page))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("page", sorted(OBSERVER_PAGES))
def test_observer_links_need_no_login(dev: Dev, things: Things, page: str) -> None:
    invitation = things.request.invitations.get()
    token = services.observer_token(invitation)
    if page == "observer_thanks":
        dev.answer(token)
    response = dev.world.client_for(None).get(reverse(f"development:{page}", args=[token]))
    assert response.status_code == 200


@pytest.mark.parametrize("page", sorted(PAGES))
def test_outsider_finds_nothing(dev: Dev, things: Things, page: str) -> None:
    before = _fingerprint(dev)
    method = PAGES[page][0]
    response = getattr(dev.world.client_for(dev.world.outsider), method)(_url(dev, things, page))
    assert response.status_code == 404
    assert _fingerprint(dev) == before


@pytest.mark.parametrize("page", sorted(set(PAGES) - MANAGER_PAGES))
def test_the_leader_reaches_her_own_pages(dev: Dev, things: Things, page: str) -> None:
    """The control for the 404s below: the same addresses work for their owner."""
    method = PAGES[page][0]
    response = getattr(dev.client(), method)(_url(dev, things, page))
    assert response.status_code == (200 if method == "get" else 302)


def _harmful(dev: Dev, page: str) -> dict[str, object]:
    data = dict(PRIVATE[page])
    if page == "assessment_edit":
        data.update({f"score_{c.pk}": "1" for c in dev.competences})
    return data


@pytest.mark.parametrize("who", SAME_WORKSPACE)
@pytest.mark.parametrize("page", sorted(PRIVATE))
def test_nobody_else_in_the_workspace_reaches_the_leaders_data(
    dev: Dev, things: Things, page: str, who: str
) -> None:
    before = _fingerprint(dev)
    client = dev.client(_user(dev, who))
    url = _url(dev, things, page)
    if PAGES[page][0] == "get":
        assert client.get(url).status_code == 404
    assert client.post(url, _harmful(dev, page)).status_code == 404
    assert _fingerprint(dev) == before


@pytest.mark.parametrize("who", SAME_WORKSPACE)
def test_the_report_of_another_leaders_request_shows_nothing(
    dev: Dev, things: Things, who: str
) -> None:
    services.feedback_request_close(request=things.request)
    response = dev.client(_user(dev, who)).get(dev.url("request_report", things.request.pk))
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(target__startswith="feedback report").exists()


@pytest.mark.parametrize("page", ["cohort", "framework_create"])
@pytest.mark.parametrize(
    ("who", "status"), [("owner", 200), ("facilitator", 200), ("member", 403), ("leader", 403)]
)
def test_cohort_and_new_frameworks_are_for_facilitators(
    dev: Dev, page: str, who: str, status: int
) -> None:
    assert dev.client(_user(dev, who)).get(dev.url(page)).status_code == status


def test_member_cannot_create_a_framework(dev: Dev) -> None:
    data = {
        "title": "Our own",
        "language": "en",
        "competence-TOTAL_FORMS": "3",
        "competence-INITIAL_FORMS": "0",
        **{
            f"competence-{i}-{field}": f"{field} {i}"
            for i in range(3)
            for field in ("name", "description", "question_1", "question_2")
        },
    }
    response = dev.client(dev.world.member).post(dev.url("framework_create"), data)
    assert response.status_code == 403
    assert CompetenceFramework.objects.filter(workspace=dev.world.workspace).count() == 1


def test_framework_of_another_workspace_is_not_found(dev: Dev) -> None:
    elsewhere = selectors.default_framework_of(dev.world.other_workspace)
    assert dev.client().get(dev.url("framework", elsewhere.pk)).status_code == 404


# -- The shared report ---------------------------------------------------------------------


def _share(dev: Dev) -> None:
    services.profile_update(owner=dev.person, report_shared=True, stale_after_days=90)


@pytest.mark.parametrize("who", ["owner", "facilitator"])
def test_an_unshared_report_is_not_found(dev: Dev, things: Things, who: str) -> None:
    DevelopmentProfile.objects.create(owner=dev.person, report_shared=False)
    response = dev.client(_user(dev, who)).get(dev.url("shared_report", dev.person.pk))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("who", "status"), [("owner", 200), ("facilitator", 200), ("member", 403), ("outsider", 404)]
)
def test_a_shared_report_is_for_facilitators_only(
    dev: Dev, things: Things, who: str, status: int
) -> None:
    _share(dev)
    response = dev.client(_user(dev, who)).get(dev.url("shared_report", dev.person.pk))
    assert response.status_code == status


def test_a_shared_report_leaves_out_the_journal_and_the_network(dev: Dev, things: Things) -> None:
    _share(dev)
    own = dev.client().get(dev.url("report")).text
    assert "A very private reflection" in own and "My personal network" in own  # control
    shared = dev.client(dev.world.facilitator).get(dev.url("shared_report", dev.person.pk))
    assert shared.status_code == 200
    assert "Listen more" in shared.text  # the plan is shared
    for private in ("A very private reflection", "Hard day", "Carla Confidential"):
        assert private not in shared.text
    assert "My personal network" not in shared.text
    assert "From my journal" not in shared.text


def test_reading_a_shared_report_is_logged(dev: Dev, things: Things) -> None:
    _share(dev)
    dev.client(dev.world.facilitator).get(dev.url("shared_report", dev.person.pk))
    event = AuditEvent.objects.get(target__startswith="shared development report")
    assert event.user == dev.world.facilitator
    assert event.target.endswith(str(dev.person.pk))


def test_a_shared_report_of_another_workspaces_person_is_not_found(dev: Dev) -> None:
    stranger = dev.world.other_person
    DevelopmentProfile.objects.create(owner=stranger, report_shared=True)
    response = dev.client(dev.world.owner).get(dev.url("shared_report", stranger.pk))
    assert response.status_code == 404


def test_no_admin_screen_shows_a_leaders_development() -> None:
    for model in (
        Contact,
        JournalEntry,
        ObserverResponse,
        ObserverInvitation,
        SelfAssessment,
        CompetenceScore,
        DevelopmentGoal,
        PlanAction,
        ProgressNote,
        FeedbackRequest,
        NetworkAudit,
        NetworkSnapshot,
        DevelopmentProfile,
    ):
        assert not admin.site.is_registered(model), model


def test_a_shared_report_never_shows_one_observers_scores(dev: Dev) -> None:
    request = dev.feedback_request(dev.assessment(3))
    dev.observers(request, {"manager": 1, "peer": 3})  # the manager agreed to be shown alone
    services.feedback_request_close(request=request)
    own = dev.client().get(dev.url("report")).context["report"].feedback
    assert own.columns == ["Manager", "Peers"]  # control: the leader sees her manager's view
    _share(dev)
    shared = dev.client(dev.world.facilitator).get(dev.url("shared_report", dev.person.pk))
    assert "Manager" not in shared.context["report"].feedback.columns
