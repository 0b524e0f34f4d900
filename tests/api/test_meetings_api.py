"""The meetings API: meetings with agenda, attendance counts and minutes status, and actions
(status and due date changed through the page's services, with If-Match)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from netlead.meetings.models import Action, ActionStatus, Attendance, AttendanceStatus, Minutes
from netlead.networks.models import Network, NetworkRole
from tests.api.fixtures_apps import ApiFactory, api, fields, items, problem
from tests.meetings.conftest import Net, draft, join, net, proposal

__all__ = ["api", "draft", "net", "proposal"]


@pytest.fixture
def action(net: Net) -> Action:
    """An open action of the member, recorded at the past meeting."""
    return Action.objects.create(
        network=net.network,
        title="Call the school",
        owner=net.member,
        meeting=net.past,
        due_on=timezone.localdate() + timedelta(days=7),
        created_by=net.world.owner,
    )


@pytest.fixture
def foreign_action(net: Net) -> Action:
    """An action in a network of the other workspace, led by the outsider."""
    world = net.world
    network = Network.objects.create(workspace=world.other_workspace, name="Agency network")
    owner = join(network, world.outsider, NetworkRole.LEADER, world.other_organization)
    return Action.objects.create(
        network=network, title="Secret", owner=owner, created_by=world.outsider
    )


def meetings_path(net: Net, rest: str = "") -> str:
    return f"/networks/{net.network.pk}/meetings{rest}"


def actions_path(net: Net, rest: str = "") -> str:
    return f"/networks/{net.network.pk}/actions{rest}"


def test_meetings_list_with_counts_and_minutes_status(
    api: ApiFactory, net: Net, draft: Minutes, proposal: object
) -> None:
    Attendance.objects.create(meeting=net.past, member=net.member, status=AttendanceStatus.PRESENT)
    client = api(net.world.member, net.world.workspace, write=False)
    rows = items(client.get(meetings_path(net)))
    assert [r["id"] for r in rows] == [net.future.pk, net.past.pk]
    future, past = rows
    assert future["agenda_items"] == 1 and future["minutes_status"] is None
    assert past["present"] == 1 and past["minutes_status"] == "draft"
    assert [r["id"] for r in items(client.get(meetings_path(net), when="past"))] == [net.past.pk]
    problem(client.get(meetings_path(net), when="soon"), 422)


def test_meeting_detail_agenda_attendance_minutes(
    api: ApiFactory, net: Net, draft: Minutes, proposal: object
) -> None:
    Attendance.objects.create(meeting=net.past, member=net.member, status=AttendanceStatus.PRESENT)
    Attendance.objects.create(meeting=net.past, member=net.leader, status=AttendanceStatus.EXCUSED)
    client = api(net.world.member, net.world.workspace, write=False)
    past = client.get(meetings_path(net, f"/{net.past.pk}")).json()
    assert past["attendance"] == {"recorded": True, "present": 1, "excused": 1, "absent": 0}
    assert past["minutes"]["status"] == "draft"
    assert past["minutes"]["approved_by"] == []
    future = client.get(meetings_path(net, f"/{net.future.pk}")).json()
    assert [(i["title"], i["status"], i["proposed_by"]) for i in future["agenda"]] == [
        ("Waiting lists", "proposed", "Max Member")
    ]
    assert future["minutes"] is None
    assert future["attendance"]["recorded"] is False


def test_another_workspaces_ids_are_404(api: ApiFactory, net: Net, foreign_action: Action) -> None:
    world = net.world
    client = api(world.owner, world.workspace)
    foreign = foreign_action.network
    problem(client.get(f"/networks/{foreign.pk}/meetings"), 404)
    problem(client.get(actions_path(net, f"/{foreign_action.pk}")), 404)
    problem(client.patch(actions_path(net, f"/{foreign_action.pk}"), {"status": "done"}, "*"), 404)
    # A token of the other workspace does not open this one, nor the reverse.
    outsider = api(world.outsider, world.other_workspace)
    outsider.workspace = world.workspace
    problem(outsider.get(meetings_path(net)), 404)
    client.workspace = world.other_workspace
    problem(client.get(f"/networks/{foreign.pk}/actions/{foreign_action.pk}"), 404)
    foreign_action.refresh_from_db()
    assert foreign_action.status == ActionStatus.OPEN


def test_a_member_sees_only_the_networks_they_belong_to(api: ApiFactory, net: Net) -> None:
    # The facilitator is in the workspace but not in the network: no page, no API.
    client = api(net.world.facilitator, net.world.workspace)
    problem(client.get(meetings_path(net)), 404)
    problem(client.get(meetings_path(net, f"/{net.past.pk}")), 404)
    problem(client.get(actions_path(net)), 404)


def test_actions_list_and_detail_with_etag(api: ApiFactory, net: Net, action: Action) -> None:
    client = api(net.world.member, net.world.workspace, write=False)
    rows = items(client.get(actions_path(net)))
    assert [(r["id"], r["owner"], r["status"]) for r in rows] == [(action.pk, "Max Member", "open")]
    assert items(client.get(actions_path(net), status="done")) == []
    response = client.get(actions_path(net, f"/{action.pk}"))
    assert response.status_code == 200
    assert response["ETag"]
    assert response.json()["meeting_id"] == net.past.pk


def test_the_owner_marks_their_action_done(api: ApiFactory, net: Net, action: Action) -> None:
    client = api(net.world.member, net.world.workspace)
    etag = client.get(actions_path(net, f"/{action.pk}"))["ETag"]
    response = client.patch(actions_path(net, f"/{action.pk}"), {"status": "done"}, etag)
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "done"
    assert response["ETag"] != etag
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE and action.done_at is not None
    # The old ETag is stale now.
    problem(client.patch(actions_path(net, f"/{action.pk}"), {"status": "open"}, etag), 412)
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE


def test_the_owner_cannot_drop_or_move_the_due_date(
    api: ApiFactory, net: Net, action: Action
) -> None:
    client = api(net.world.member, net.world.workspace)
    path = actions_path(net, f"/{action.pk}")
    etag = client.get(path)["ETag"]
    problem(client.patch(path, {"status": "dropped"}, etag), 403)
    problem(client.patch(path, {"due_on": "2099-01-01"}, etag), 403)
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    assert action.due_on == timezone.localdate() + timedelta(days=7)


def test_an_editor_changes_the_due_date_and_status(
    api: ApiFactory, net: Net, action: Action
) -> None:
    client = api(net.world.owner, net.world.workspace)
    path = actions_path(net, f"/{action.pk}")
    etag = client.get(path)["ETag"]
    response = client.patch(path, {"due_on": "2099-01-01", "status": "dropped"}, etag)
    assert response.status_code == 200, response.content
    action.refresh_from_db()
    assert (str(action.due_on), action.status) == ("2099-01-01", ActionStatus.DROPPED)
    etag = response["ETag"]
    response = client.patch(path, {"due_on": None}, etag)
    assert response.status_code == 200, response.content
    action.refresh_from_db()
    assert action.due_on is None and action.status == ActionStatus.DROPPED


def test_a_read_only_token_cannot_write(api: ApiFactory, net: Net, action: Action) -> None:
    client = api(net.world.owner, net.world.workspace, write=False)
    path = actions_path(net, f"/{action.pk}")
    etag = client.get(path)["ETag"]
    body = problem(client.patch(path, {"status": "done"}, etag), 403)
    assert "read-only" in body["detail"]
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


def test_bad_input_is_a_problem_per_field_and_changes_nothing(
    api: ApiFactory, net: Net, action: Action
) -> None:
    client = api(net.world.owner, net.world.workspace)
    path = actions_path(net, f"/{action.pk}")
    etag = client.get(path)["ETag"]
    assert "status" in fields(problem(client.patch(path, {"status": "finished"}, etag), 422))
    assert "due_on" in fields(problem(client.patch(path, {"due_on": "someday"}, etag), 422))
    # The service's own rule: not due before the meeting it comes from.
    before = str(net.past.starts_at.date() - timedelta(days=1))
    body = problem(client.patch(path, {"due_on": before, "status": "done"}, etag), 400)
    assert "meeting" in fields(body)["due_on"]
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    assert action.due_on == timezone.localdate() + timedelta(days=7)


def test_if_match_is_required(api: ApiFactory, net: Net, action: Action) -> None:
    client = api(net.world.member, net.world.workspace)
    problem(client.patch(actions_path(net, f"/{action.pk}"), {"status": "done"}), 428)
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
