"""Holding a meeting: agenda, minutes and their approval, decisions, attendance, actions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netlead.meetings import services
from netlead.meetings.models import (
    Action,
    AgendaItem,
    Attendance,
    Decision,
    Minutes,
    MinutesStatus,
)
from netlead.networks.models import NetworkMember, NetworkRole, Result
from tests.factories import PersonFactory
from tests.meetings.conftest import Net, join


def _post(net: Net, role: str, name: str, *args: object, data: dict[str, object] | None = None):  # type: ignore[no-untyped-def]
    return net.client(role).post(reverse(f"meetings:{name}", args=net.args(*args)), data or {})


# Agenda


def test_member_proposes_leader_accepts_and_orders(net: Net) -> None:
    response = _post(
        net, "member", "agenda_add", net.future.pk, data={"kind": "case", "title": "A case"}
    )
    assert response.status_code == 302
    proposed = AgendaItem.objects.get(title="A case")
    assert proposed.status == "proposed" and proposed.proposed_by == net.member
    # The proposer may still change it; after acceptance only editors can.
    edit = reverse("meetings:agenda_edit", args=net.args(net.future.pk, proposed.pk))
    data = {"kind": "case", "title": "A harder case"}
    assert net.client("member").post(edit, data).status_code == 302
    _post(
        net, "leader", "agenda_add", net.future.pk, data={"kind": "here_and_now", "title": "Round"}
    )
    round_item = AgendaItem.objects.get(title="Round")
    assert round_item.status == "accepted"
    _post(net, "leader", "agenda_review", net.future.pk, proposed.pk, data={"decision": "accept"})
    proposed.refresh_from_db()
    assert proposed.status == "accepted"
    assert net.client("member").post(edit, {"kind": "case", "title": "x"}).status_code == 403
    _post(net, "leader", "agenda_move", net.future.pk, round_item.pk, data={"direction": "up"})
    order = list(net.future.agenda_items.order_by("position").values_list("title", flat=True))
    assert order == ["Round", "A harder case"]
    page = net.client("member").get(reverse("meetings:detail", args=net.args(net.future.pk)))
    assert "Here-and-now round" in page.text and "A harder case" in page.text


def test_no_proposals_for_a_meeting_that_is_over(net: Net) -> None:
    response = _post(
        net, "member", "agenda_add", net.past.pk, data={"kind": "theme", "title": "Late"}
    )
    assert response.status_code == 400
    assert "still to come" in response.text
    assert not AgendaItem.objects.filter(title="Late").exists()


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "theme", "title": ""},
        {"kind": "party", "title": "x"},
        {"kind": "theme", "title": "x", "result": "999999"},
    ],
)
def test_bad_agenda_input(net: Net, data: dict[str, str]) -> None:
    response = _post(net, "leader", "agenda_add", net.future.pk, data=data)
    assert response.status_code == 400
    assert not AgendaItem.objects.exists()


def test_agenda_result_of_another_network_is_refused(net: Net) -> None:
    stranger = Result.objects.create(
        network=net.other_network, title="Theirs", indicator="n", baseline=0, target=1
    )
    data = {"kind": "theme", "title": "x", "result": str(stranger.pk)}
    assert _post(net, "leader", "agenda_add", net.future.pk, data=data).status_code == 400
    assert not AgendaItem.objects.exists()


# Minutes


def _present(net: Net, *members: NetworkMember) -> None:
    for member in members:
        Attendance.objects.create(meeting=net.past, member=member, status="present")


def test_minutes_are_approved_by_everyone_present_and_then_locked(net: Net) -> None:
    _present(net, net.leader, net.member, net.associate)
    assert (
        _post(net, "leader", "minutes_save", net.past.pk, data={"text": "Draft"}).status_code == 302
    )
    minutes = Minutes.objects.get(meeting=net.past)
    assert minutes.status == "draft"
    # Not up for approval yet.
    _post(net, "member", "minutes_approve", net.past.pk)
    assert not minutes.approvals.exists()
    _post(net, "leader", "minutes_ready", net.past.pk)
    minutes.refresh_from_db()
    assert minutes.status == "ready"
    _post(net, "member", "minutes_approve", net.past.pk)
    minutes.refresh_from_db()
    assert minutes.status == "ready"  # the leader has not approved yet (associates do not decide)
    page = net.client("leader").get(reverse("meetings:detail", args=net.args(net.past.pk)))
    assert "Still to approve:" in page.text and "I approve these minutes" in page.text
    _post(net, "leader", "minutes_approve", net.past.pk)
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.APPROVED and minutes.approved_at is not None
    assert set(minutes.approvals.values_list("member", flat=True)) == {net.leader.pk, net.member.pk}
    # Locked: saving again changes nothing and says why.
    response = _post(net, "leader", "minutes_save", net.past.pk, data={"text": "Rewritten"})
    assert response.status_code == 400
    assert "can no longer be changed" in response.text
    minutes.refresh_from_db()
    assert minutes.text == "Draft"


def test_changing_minutes_up_for_approval_clears_approvals(net: Net) -> None:
    _present(net, net.leader, net.member)
    _post(net, "leader", "minutes_save", net.past.pk, data={"text": "Draft"})
    _post(net, "leader", "minutes_ready", net.past.pk)
    _post(net, "member", "minutes_approve", net.past.pk)
    minutes = Minutes.objects.get(meeting=net.past)
    assert minutes.approvals.count() == 1
    _post(net, "leader", "minutes_save", net.past.pk, data={"text": "Better draft"})
    assert minutes.approvals.count() == 0


def test_only_members_present_approve(net: Net) -> None:
    _present(net, net.leader)
    _post(net, "leader", "minutes_save", net.past.pk, data={"text": "Draft"})
    _post(net, "leader", "minutes_ready", net.past.pk)
    client = net.client("member")
    response = client.post(
        reverse("meetings:minutes_approve", args=net.args(net.past.pk)), follow=True
    )
    assert "Only members who were present approve the minutes." in response.text
    assert not Minutes.objects.get(meeting=net.past).approvals.exists()


def test_editor_finalises_the_minutes(net: Net, draft: Minutes) -> None:
    # Nobody was asked yet: the rule is not met, so without the confirmation nothing changes.
    assert _post(net, "leader", "minutes_finalise", net.past.pk).status_code == 400
    draft.refresh_from_db()
    assert draft.status == "draft"
    _post(net, "leader", "minutes_finalise", net.past.pk, data={"despite_rule": "on"})
    draft.refresh_from_db()
    assert draft.status == "approved"
    assert (draft.approved_rule, draft.approved_rule_met) == ("consent", False)
    assert draft.declared_by == net.world.owner


def test_empty_minutes_are_refused(net: Net) -> None:
    response = _post(net, "leader", "minutes_save", net.past.pk, data={"text": "   "})
    assert response.status_code == 400
    assert not Minutes.objects.exists()


# Decisions


def test_decision_linked_to_a_result(net: Net) -> None:
    data = {"text": "One plan per family.", "results": [str(net.result.pk)]}
    assert _post(net, "leader", "decision_add", net.past.pk, data=data).status_code == 302
    assert list(Decision.objects.get().results.all()) == [net.result]


@pytest.mark.parametrize("data", [{"text": ""}, {"text": "x", "results": ["999999"]}])
def test_bad_decision_input(net: Net, data: dict[str, object]) -> None:
    assert _post(net, "leader", "decision_add", net.past.pk, data=data).status_code == 400
    assert not Decision.objects.exists()


# Attendance


def test_attendance_in_one_form(net: Net) -> None:
    data = {
        f"member_{net.leader.pk}": "present",
        f"member_{net.member.pk}": "excused",
        f"member_{net.associate.pk}": "absent",
    }
    assert _post(net, "leader", "attendance", net.past.pk, data=data).status_code == 302
    assert dict(Attendance.objects.values_list("member", "status")) == {
        net.leader.pk: "present",
        net.member.pk: "excused",
        net.associate.pk: "absent",
    }
    # Changing one and clearing another.
    data[f"member_{net.member.pk}"] = "present"
    data[f"member_{net.associate.pk}"] = ""
    _post(net, "leader", "attendance", net.past.pk, data=data)
    assert dict(Attendance.objects.values_list("member", "status")) == {
        net.leader.pk: "present",
        net.member.pk: "present",
    }


def test_bad_attendance_input(net: Net) -> None:
    data = {f"member_{net.leader.pk}": "sleeping"}
    assert _post(net, "leader", "attendance", net.past.pk, data=data).status_code == 400
    assert not Attendance.objects.exists()
    # A meeting still to come has no attendance yet.
    data = {f"member_{net.leader.pk}": "present"}
    response = _post(net, "leader", "attendance", net.future.pk, data=data)
    assert response.status_code == 400
    assert "once the meeting has started" in response.text
    assert not Attendance.objects.exists()


def test_attendance_of_a_past_meeting_lists_the_members_of_that_day(net: Net) -> None:
    day = timezone.localdate(net.past.starts_at)
    newcomer = join(net.network, net.world.facilitator, "member", net.world.organization)
    NetworkMember.objects.filter(pk=newcomer.pk).update(joined_on=day + timedelta(days=1))
    NetworkMember.objects.filter(pk=net.associate.pk).update(left_on=day - timedelta(days=1))
    page = net.client("leader").get(reverse("meetings:attendance", args=net.args(net.past.pk)))
    fields = {name for name in page.context["form"].fields}
    assert fields == {f"member_{net.leader.pk}", f"member_{net.member.pk}"}
    assert "1 member joined later and is not listed" in page.text
    # Posting a status for someone who was not a member that day records nothing.
    data = {f"member_{newcomer.pk}": "present", f"member_{net.leader.pk}": "present"}
    _post(net, "leader", "attendance", net.past.pk, data=data)
    assert list(Attendance.objects.values_list("member", flat=True)) == [net.leader.pk]
    # The service itself refuses them with a message that names them.
    with pytest.raises(ValidationError, match="was not a member of the network on the day"):
        services.attendance_record(meeting=net.past, statuses={newcomer: "present"})
    assert list(Attendance.objects.values_list("member", flat=True)) == [net.leader.pk]


def test_a_member_who_left_after_the_meeting_is_still_listed_for_it(net: Net) -> None:
    day = timezone.localdate(net.past.starts_at)
    NetworkMember.objects.filter(pk=net.member.pk).update(left_on=day + timedelta(days=3))
    page = net.client("leader").get(reverse("meetings:attendance", args=net.args(net.past.pk)))
    assert f"member_{net.member.pk}" in page.context["form"].fields
    assert "joined later" not in page.text


def test_tampered_member_ids_are_ignored(net: Net) -> None:
    stranger = join(net.other_network, net.world.facilitator, "member", net.world.organization)
    data = {f"member_{stranger.pk}": "present", f"member_{net.leader.pk}": "present"}
    _post(net, "leader", "attendance", net.past.pk, data=data)
    assert list(Attendance.objects.values_list("member", flat=True)) == [net.leader.pk]


# Actions


def test_action_recorded_on_someone_elses_behalf_stays_theirs(net: Net) -> None:
    data = {"title": "Call the school", "owner": str(net.member.pk), "due_on": "2099-01-01"}
    assert _post(net, "leader", "meeting_action_add", net.past.pk, data=data).status_code == 302
    action = Action.objects.get(title="Call the school")
    assert action.owner == net.member and action.created_by == net.world.owner
    assert action.meeting == net.past
    mine = net.client("member").get(reverse("meetings:my_actions", args=[net.slug]))
    assert "Call the school" in mine.text
    leaders = net.client("leader").get(reverse("meetings:my_actions", args=[net.slug]))
    assert "Call the school" not in leaders.text
    # The owner marks it done; the minute-taker's list never had it.
    url = reverse("meetings:action_status", args=net.args(action.pk))
    assert net.client("member").post(url, {"status": "done"}).status_code == 302
    action.refresh_from_db()
    assert action.status == "done" and action.done_at is not None


def test_hold_a_meeting_with_two_actions(net: Net) -> None:
    """The whole story: minutes, attendance and two actions for two different members."""
    attendance = {f"member_{m.pk}": "present" for m in (net.leader, net.member)}
    _post(net, "leader", "attendance", net.past.pk, data=attendance)
    _post(net, "leader", "minutes_save", net.past.pk, data={"text": "We met."})
    for title, owner in (("Write the plan", net.leader), ("Ask the GPs", net.member)):
        data = {"title": title, "owner": str(owner.pk), "result": str(net.result.pk)}
        assert _post(net, "leader", "meeting_action_add", net.past.pk, data=data).status_code == 302
    page = net.client("associate").get(reverse("meetings:detail", args=net.args(net.past.pk)))
    assert "We met." in page.text and "Write the plan" in page.text and "Ask the GPs" in page.text
    assert "2 present, 0 excused, 0 absent." in page.text


def test_member_adds_an_action_for_themself_only(net: Net) -> None:
    data = {"title": "My own", "owner": str(net.leader.pk)}
    assert _post(net, "member", "meeting_action_add", net.past.pk, data=data).status_code == 302
    assert Action.objects.get(title="My own").owner == net.member


@pytest.mark.parametrize(
    "data",
    [
        {"title": "", "owner": "{member}"},
        {"title": "x", "owner": "{stranger}"},
        {"title": "x", "owner": "{member}", "due_on": "{before}"},
        {"title": "x", "owner": "{member}", "due_on": "31-31-2027"},
        {"title": "x", "owner": "{member}", "result": "999999"},
    ],
)
def test_bad_action_input(net: Net, data: dict[str, str]) -> None:
    stranger = join(net.other_network, net.world.facilitator, "member", net.world.organization)
    before = (timezone.localdate(net.past.starts_at) - timedelta(days=1)).isoformat()
    values = {"member": net.member.pk, "stranger": stranger.pk, "before": before}
    data = {k: v.format(**values) for k, v in data.items()}
    response = _post(net, "leader", "meeting_action_add", net.past.pk, data=data)
    assert response.status_code == 400
    assert not Action.objects.exists()


def test_due_date_before_the_meeting_has_a_clear_message(net: Net) -> None:
    before = (timezone.localdate(net.past.starts_at) - timedelta(days=1)).isoformat()
    data = {"title": "x", "owner": str(net.member.pk), "due_on": before}
    response = _post(net, "leader", "meeting_action_add", net.past.pk, data=data)
    assert "The due date comes before the meeting the action comes from." in response.text


def test_owner_of_another_network_is_refused_when_editing(net: Net) -> None:
    action = Action.objects.create(network=net.network, title="Keep", owner=net.member)
    stranger = join(net.other_network, net.world.facilitator, "member", net.world.organization)
    url = reverse("meetings:action_edit", args=net.args(action.pk))
    data = {"title": "Changed", "owner": str(stranger.pk), "status": "open"}
    assert net.client("leader").post(url, data).status_code == 400
    action.refresh_from_db()
    assert action.title == "Keep" and action.owner == net.member


def test_tampered_status_is_refused(net: Net) -> None:
    action = Action.objects.create(network=net.network, title="Keep", owner=net.member)
    url = reverse("meetings:action_status", args=net.args(action.pk))
    net.client("member").post(url, {"status": "finished"})
    action.refresh_from_db()
    assert action.status == "open"
    # An owner cannot drop their action: that is the leader's call.
    assert net.client("member").post(url, {"status": "dropped"}).status_code == 403


def test_overdue_actions_stand_out(net: Net) -> None:
    today = timezone.localdate()
    Action.objects.create(
        network=net.network, title="Late one", owner=net.member, due_on=today - timedelta(days=2)
    )
    Action.objects.create(
        network=net.network, title="In time", owner=net.member, due_on=today + timedelta(days=2)
    )
    Action.objects.create(
        network=net.network,
        title="Done late",
        owner=net.member,
        due_on=today - timedelta(days=9),
        status="done",
    )
    page = net.client("associate").get(reverse("meetings:actions", args=net.args()))
    assert page.text.count('class="overdue"') == 1
    row = page.text.split("Late one")[1].split("</tr>")[0]
    assert "overdue" in row  # said in words, not only in colour
    overdue_only = net.client("associate").get(
        reverse("meetings:actions", args=net.args()) + "?status=overdue"
    )
    assert "Late one" in overdue_only.text and "In time" not in overdue_only.text
    everything = net.client("associate").get(
        reverse("meetings:actions", args=net.args()) + "?status=all"
    )
    assert "Done late" in everything.text
    mine = net.client("member").get(reverse("meetings:my_actions", args=[net.slug]))
    assert mine.text.count('class="overdue"') == 1


def test_my_actions_across_networks_of_the_workspace(net: Net) -> None:
    other_member = join(net.other_network, net.world.member, "member", net.second_organization)
    Action.objects.create(network=net.network, title="Here", owner=net.member)
    Action.objects.create(network=net.other_network, title="There", owner=other_member)
    Action.objects.create(network=net.network, title="Not mine", owner=net.leader)
    page = net.client("member").get(reverse("meetings:my_actions", args=[net.slug]))
    assert "Here" in page.text and "There" in page.text and "Not mine" not in page.text
    # After leaving a network its actions no longer show.
    NetworkMember.objects.filter(pk=other_member.pk).update(left_on=timezone.localdate())
    page = net.client("member").get(reverse("meetings:my_actions", args=[net.slug]))
    assert "There" not in page.text


# Query counts: no query per row


def _fill(net: Net, n: int) -> None:
    for i in range(n):
        person = PersonFactory(workspace=net.world.workspace, organization=net.second_organization)
        member = NetworkMember.objects.create(
            network=net.network, person=person, role=NetworkRole.CORE
        )
        AgendaItem.objects.create(
            meeting=net.past, title=f"Item {i}", proposed_by=member, result=net.result
        )
        Attendance.objects.create(meeting=net.past, member=member, status="present")
        Action.objects.create(
            network=net.network,
            meeting=net.past,
            title=f"Action {i}",
            owner=net.member,
            created_by=net.world.owner,
            result=net.result,
        )
        decision = Decision.objects.create(meeting=net.past, text=f"Decision {i}")
        decision.results.add(net.result)
    Minutes.objects.get_or_create(meeting=net.past, defaults={"text": "x", "status": "ready"})


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("meetings:detail", "past"),
        ("meetings:my_actions", None),
        ("meetings:actions", ""),
        ("meetings:list", ""),
    ],
)
def test_query_count_does_not_grow_with_rows(net: Net, name: str, args: str | None) -> None:
    def url() -> str:
        if args is None:
            return reverse(name, args=[net.slug])
        return reverse(name, args=net.args(net.past.pk) if args else net.args())

    client = net.client("member")
    _fill(net, 2)
    client.get(url())  # the first visit stores the workspace in the session
    with CaptureQueriesContext(connection) as small:
        assert client.get(url()).status_code == 200
    _fill(net, 10)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url()).status_code == 200
    assert len(large) == len(small)
    assert len(large) < 40
