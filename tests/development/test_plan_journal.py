"""The development plan (goals, actions, progress notes) and the reflection journal: bad input
is refused without saving anything, and nothing can point at another leader's data."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from netlead.development import selectors
from netlead.development.models import (
    DevelopmentGoal,
    JournalEntry,
    PlanAction,
    ProgressNote,
)
from netlead.meetings.models import Meeting
from netlead.networks.models import Network, NetworkMember, NetworkRole
from tests.development.conftest import Dev


def _goal_form(**fields: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "Ask before I answer",
        "competence": "",
        "why": "Partners take less ownership when I fill in.",
        "support_needed": "",
        "review_on": "",
        "status": "active",
    }
    data.update(fields)
    return data


@pytest.fixture
def goal(dev: Dev) -> DevelopmentGoal:
    return DevelopmentGoal.objects.create(owner=dev.person, title="Ask before I answer")


# -- Goals ---------------------------------------------------------------------------------


def test_a_goal_is_saved_for_the_leader(dev: Dev) -> None:
    competence = dev.competences[3]
    response = dev.client().post(
        dev.url("goal_create"), _goal_form(competence=competence.pk, review_on="2099-06-01")
    )
    goal = DevelopmentGoal.objects.get()
    assert response.status_code == 302 and response.url == dev.url("goal", goal.pk)
    assert (goal.owner, goal.competence, goal.title) == (
        dev.person,
        competence,
        "Ask before I answer",
    )
    assert "Ask before I answer" in dev.client().get(dev.url("plan")).text


@pytest.mark.parametrize(
    "bad", [{"title": ""}, {"title": "   "}, {"status": "done"}, {"review_on": "soon"}]
)
def test_a_goal_with_bad_input_is_refused(dev: Dev, bad: dict[str, str]) -> None:
    response = dev.client().post(dev.url("goal_create"), _goal_form(**bad))
    assert response.status_code == 400
    assert not DevelopmentGoal.objects.exists()


def test_a_goal_on_a_competence_of_another_workspace_is_refused(dev: Dev) -> None:
    elsewhere = selectors.default_framework_of(dev.world.other_workspace).competences.first()
    response = dev.client().post(dev.url("goal_create"), _goal_form(competence=elsewhere.pk))
    assert response.status_code == 400
    assert not DevelopmentGoal.objects.exists()


def test_editing_a_goal_with_a_blank_title_keeps_it(dev: Dev, goal: DevelopmentGoal) -> None:
    response = dev.client().post(dev.url("goal_edit", goal.pk), _goal_form(title=""))
    assert response.status_code == 400
    goal.refresh_from_db()
    assert goal.title == "Ask before I answer"


def test_a_goal_is_edited(dev: Dev, goal: DevelopmentGoal) -> None:
    response = dev.client().post(
        dev.url("goal_edit", goal.pk), _goal_form(title="Ask three questions", status="achieved")
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.title, goal.status) == ("Ask three questions", "achieved")
    assert DevelopmentGoal.objects.count() == 1


# -- Actions and notes ---------------------------------------------------------------------


def _action_form(**fields: object) -> dict[str, object]:
    return {"add_action": "yes", "action-title": "Meet the alderman", "action-due_on": "", **fields}


def test_the_action_form_offers_only_own_contacts(dev: Dev, goal: DevelopmentGoal) -> None:
    dev.contact("Olivia Own")
    dev.contact("Theo Theirs", owner=dev.leader_of(dev.world.member))
    page = dev.client().get(dev.url("goal", goal.pk))
    offered = page.context["action_form"].fields["contacts"].queryset
    assert [c.name for c in offered] == ["Olivia Own"]
    assert "Olivia Own" in page.text and "Theo Theirs" not in page.text


def test_an_action_with_own_contacts_is_saved(dev: Dev, goal: DevelopmentGoal) -> None:
    own = dev.contact("Olivia Own")
    response = dev.client().post(
        dev.url("goal", goal.pk), _action_form(**{"action-contacts": [own.pk]})
    )
    assert response.status_code == 302
    action = goal.actions.get()
    assert action.title == "Meet the alderman"
    assert list(action.contacts.all()) == [own]


def test_an_action_with_another_leaders_contact_is_refused(dev: Dev, goal: DevelopmentGoal) -> None:
    own = dev.contact("Olivia Own")
    theirs = dev.contact("Theo Theirs", owner=dev.leader_of(dev.world.member))
    response = dev.client().post(
        dev.url("goal", goal.pk), _action_form(**{"action-contacts": [own.pk, theirs.pk]})
    )
    assert response.status_code == 400
    assert not PlanAction.objects.exists()
    assert not theirs.plan_actions.exists()


def test_an_action_without_a_title_is_refused(dev: Dev, goal: DevelopmentGoal) -> None:
    response = dev.client().post(dev.url("goal", goal.pk), _action_form(**{"action-title": ""}))
    assert response.status_code == 400
    assert not PlanAction.objects.exists()


def test_an_action_is_marked_done_and_reopened(dev: Dev, goal: DevelopmentGoal) -> None:
    action = PlanAction.objects.create(goal=goal, title="Meet the alderman")
    client = dev.client()
    done = client.post(dev.url("action_mark", action.pk), {"done": "yes"})
    assert done.status_code == 302 and done.url == dev.url("goal", goal.pk)
    action.refresh_from_db()
    assert action.done_on == timezone.localdate()
    client.post(dev.url("action_mark", action.pk), {"done": "no"})
    action.refresh_from_db()
    assert action.done_on is None


def test_marking_is_a_post(dev: Dev, goal: DevelopmentGoal) -> None:
    action = PlanAction.objects.create(goal=goal, title="Meet the alderman")
    assert dev.client().get(dev.url("action_mark", action.pk)).status_code == 405


def test_a_progress_note_is_added(dev: Dev, goal: DevelopmentGoal) -> None:
    client = dev.client()
    response = client.post(
        dev.url("goal", goal.pk), {"add_note": "yes", "note-text": "  Practised in the team. "}
    )
    assert response.status_code == 302
    note = ProgressNote.objects.get()
    assert (note.goal, note.text, note.written_on) == (
        goal,
        "Practised in the team.",
        timezone.localdate(),
    )
    assert "Practised in the team." in client.get(dev.url("goal", goal.pk)).text


def test_an_empty_progress_note_is_refused(dev: Dev, goal: DevelopmentGoal) -> None:
    response = dev.client().post(dev.url("goal", goal.pk), {"add_note": "yes", "note-text": ""})
    assert response.status_code == 400
    assert not ProgressNote.objects.exists()


# -- Journal -------------------------------------------------------------------------------


def _entry_form(**fields: object) -> dict[str, object]:
    data: dict[str, object] = {
        "written_on": timezone.localdate().isoformat(),
        "title": "After the core team",
        "text": "I spoke most. Next time the partners go first.",
        "meeting": "",
        "competence": "",
        "action": "",
    }
    data.update(fields)
    return data


def _meeting(network: Network) -> Meeting:
    start = timezone.now() - timedelta(days=2)
    return Meeting.objects.create(
        network=network, title="Core team", starts_at=start, ends_at=start + timedelta(hours=2)
    )


@pytest.fixture
def own_network(dev: Dev) -> Network:
    network = Network.objects.create(workspace=dev.world.workspace, name="Youth care network")
    NetworkMember.objects.create(network=network, person=dev.person, role=NetworkRole.MEMBER)
    return network


def test_a_journal_entry_is_written(dev: Dev, own_network: Network) -> None:
    meeting = _meeting(own_network)
    competence = dev.competences[3]
    client = dev.client()
    response = client.post(
        dev.url("entry_create"),
        _entry_form(meeting=meeting.pk, competence=competence.pk, in_report="on"),
    )
    assert response.status_code == 302 and response.url == dev.url("journal")
    entry = JournalEntry.objects.get()
    assert (entry.owner, entry.meeting, entry.competence, entry.in_report) == (
        dev.person,
        meeting,
        competence,
        True,
    )
    page = client.get(dev.url("journal"))
    assert "After the core team" in page.text and "Youth care network: Core team" in page.text


def test_a_journal_entry_without_text_is_refused(dev: Dev) -> None:
    for bad in ({"title": ""}, {"text": ""}, {"written_on": "yesterday"}):
        response = dev.client().post(dev.url("entry_create"), _entry_form(**bad))
        assert response.status_code == 400, bad
    assert not JournalEntry.objects.exists()


def test_a_journal_entry_is_edited_and_deleted(dev: Dev) -> None:
    entry = JournalEntry.objects.create(owner=dev.person, title="Draft", text="First thoughts")
    client = dev.client()
    edited = client.post(dev.url("entry_edit", entry.pk), _entry_form(title="Second thoughts"))
    assert edited.status_code == 302
    entry.refresh_from_db()
    assert entry.title == "Second thoughts"
    assert JournalEntry.objects.count() == 1
    deleted = client.post(dev.url("entry_delete", entry.pk))
    assert deleted.status_code == 302 and deleted.url == dev.url("journal")
    assert not JournalEntry.objects.exists()


def test_deleting_an_entry_is_a_post(dev: Dev) -> None:
    entry = JournalEntry.objects.create(owner=dev.person, title="Draft", text="First thoughts")
    assert dev.client().get(dev.url("entry_delete", entry.pk)).status_code == 405
    assert JournalEntry.objects.filter(pk=entry.pk).exists()


def test_a_meeting_of_a_network_the_leader_is_not_in_is_refused(
    dev: Dev, own_network: Network
) -> None:
    _meeting(own_network)
    elsewhere = Network.objects.create(workspace=dev.world.workspace, name="Safety network")
    foreign = _meeting(elsewhere)
    page = dev.client().get(dev.url("entry_create"))
    assert "Safety network" not in page.text and "Youth care network" in page.text
    response = dev.client().post(dev.url("entry_create"), _entry_form(meeting=foreign.pk))
    assert response.status_code == 400
    assert not JournalEntry.objects.exists()


def test_a_meeting_of_a_network_the_leader_left_is_refused(dev: Dev, own_network: Network) -> None:
    meeting = _meeting(own_network)
    NetworkMember.objects.filter(person=dev.person).update(left_on=timezone.localdate())
    response = dev.client().post(dev.url("entry_create"), _entry_form(meeting=meeting.pk))
    assert response.status_code == 400
    assert not JournalEntry.objects.exists()


def test_another_leaders_plan_action_is_refused(dev: Dev) -> None:
    other = dev.leader_of(dev.world.member)
    theirs = PlanAction.objects.create(
        goal=DevelopmentGoal.objects.create(owner=other, title="Their goal"), title="Their step"
    )
    response = dev.client().post(dev.url("entry_create"), _entry_form(action=theirs.pk))
    assert response.status_code == 400
    assert not JournalEntry.objects.exists()


def test_the_journal_lists_only_own_entries(dev: Dev) -> None:
    JournalEntry.objects.create(owner=dev.person, title="Mine", text="Mine")
    JournalEntry.objects.create(
        owner=dev.leader_of(dev.world.member), title="Someone else's", text="Theirs"
    )
    page = dev.client().get(dev.url("journal"))
    assert [e.title for e in page.context["entries"]] == ["Mine"]
    assert "Someone else" not in page.text
