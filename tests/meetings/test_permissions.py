"""Every page and endpoint of meetings and actions: who may use it, who gets 403, who 404."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse

from netlead.meetings.models import (
    Action,
    AgendaItem,
    Attendance,
    CalendarFeed,
    Decision,
    Meeting,
    MeetingPlan,
    Minutes,
    MinutesApproval,
)
from tests.meetings.conftest import Net

MEMBERS = {"leader", "member", "associate"}
CONTRIBUTORS = {"leader", "member"}
EDITORS = {"leader"}
NOT_IN_NETWORK = ("facilitator", "outsider")


def _objects(net: Net) -> dict[str, int]:
    """What the network holds, to check that refused requests change nothing."""
    action = Action.objects.get_or_create(
        network=net.network, title="Write the note", owner=net.member
    )[0]
    item = AgendaItem.objects.filter(meeting=net.future).first()
    decision = Decision.objects.get_or_create(meeting=net.past, text="We agree.")[0]
    return {"action": action.pk, "item": item.pk if item else 0, "decision": decision.pk}


URL = Callable[[Net, dict[str, int]], str]


def u(name: str, *extra: str) -> URL:
    def build(net: Net, ids: dict[str, int]) -> str:
        values = {
            "past": net.past.pk,
            "plan": net.plan.pk,
            "action": ids["action"],
            "item": ids["item"],
            "decision": ids["decision"],
            "future": net.future.pk,
        }
        return reverse(name, args=net.args(*(values[e] for e in extra)))

    return build


GET_PAGES: list[tuple[str, URL, set[str]]] = [
    ("list", u("meetings:list"), MEMBERS),
    ("detail", u("meetings:detail", "past"), MEMBERS),
    ("actions", u("meetings:actions"), MEMBERS),
    ("plan_create", u("meetings:plan_create"), EDITORS),
    ("meeting_create", u("meetings:meeting_create"), EDITORS),
    ("meeting_edit", u("meetings:meeting_edit", "past"), EDITORS),
    ("attendance", u("meetings:attendance", "past"), EDITORS),
    ("action_edit", u("meetings:action_edit", "action"), EDITORS),
    # The member's own proposal: the member and editors may edit it.
    ("agenda_edit", u("meetings:agenda_edit", "future", "item"), CONTRIBUTORS),
]

POSTS: list[tuple[str, URL, set[str]]] = [
    ("plan_create", u("meetings:plan_create"), EDITORS),
    ("plan_delete", u("meetings:plan_delete", "plan"), EDITORS),
    ("meeting_create", u("meetings:meeting_create"), EDITORS),
    ("meeting_edit", u("meetings:meeting_edit", "past"), EDITORS),
    ("agenda_add", u("meetings:agenda_add", "future"), CONTRIBUTORS),
    ("agenda_edit", u("meetings:agenda_edit", "future", "item"), CONTRIBUTORS),
    ("agenda_move", u("meetings:agenda_move", "future", "item"), EDITORS),
    ("agenda_review", u("meetings:agenda_review", "future", "item"), EDITORS),
    ("agenda_delete", u("meetings:agenda_delete", "future", "item"), CONTRIBUTORS),
    ("minutes_save", u("meetings:minutes_save", "past"), EDITORS),
    ("minutes_ready", u("meetings:minutes_ready", "past"), EDITORS),
    ("minutes_approve", u("meetings:minutes_approve", "past"), CONTRIBUTORS),
    ("minutes_finalise", u("meetings:minutes_finalise", "past"), EDITORS),
    ("minutes_reopen", u("meetings:minutes_reopen", "past"), EDITORS),
    ("decision_add", u("meetings:decision_add", "past"), EDITORS),
    ("decision_delete", u("meetings:decision_delete", "past", "decision"), EDITORS),
    ("attendance", u("meetings:attendance", "past"), EDITORS),
    ("meeting_action_add", u("meetings:meeting_action_add", "past"), CONTRIBUTORS),
    ("actions", u("meetings:actions"), CONTRIBUTORS),
    ("action_edit", u("meetings:action_edit", "action"), EDITORS),
    # The action belongs to the member: the owner and editors change its status.
    ("action_status", u("meetings:action_status", "action"), CONTRIBUTORS),
    ("feed_create", u("meetings:feed_create"), MEMBERS),
]

MODELS = (
    Action,
    AgendaItem,
    Attendance,
    CalendarFeed,
    Decision,
    Meeting,
    MeetingPlan,
    Minutes,
    MinutesApproval,
)


def _snapshot() -> dict[str, object]:
    state: dict[str, object] = {m.__name__: m.objects.count() for m in MODELS}
    state["statuses"] = sorted(Action.objects.values_list("status", flat=True))
    state["items"] = sorted(AgendaItem.objects.values_list("status", "position", "title"))
    state["minutes"] = sorted(Minutes.objects.values_list("status", "text"))
    return state


@pytest.mark.parametrize(("page", "url", "allowed"), GET_PAGES)
@pytest.mark.parametrize("role", ["leader", "member", "associate", *NOT_IN_NETWORK])
def test_get_pages(
    net: Net, proposal: AgendaItem, page: str, url: URL, allowed: set[str], role: str
) -> None:
    response = net.client(role).get(url(net, _objects(net)))
    if role in NOT_IN_NETWORK:
        assert response.status_code == 404
    else:
        assert response.status_code == (200 if role in allowed else 403)


@pytest.mark.parametrize(("page", "url", "allowed"), POSTS)
@pytest.mark.parametrize("role", ["leader", "member", "associate", *NOT_IN_NETWORK])
def test_posts(
    net: Net,
    proposal: AgendaItem,
    draft: Minutes,
    page: str,
    url: URL,
    allowed: set[str],
    role: str,
) -> None:
    target = url(net, _objects(net))
    before = _snapshot()
    data = {"kind": "person", "status": "done", "direction": "up", "decision": "accept"}
    response = net.client(role).post(target, data)
    if role in NOT_IN_NETWORK:
        assert response.status_code == 404
    elif role in allowed:
        assert response.status_code not in (403, 404)
        return
    else:
        assert response.status_code == 403
    assert _snapshot() == before


@pytest.mark.parametrize(("page", "url", "allowed"), GET_PAGES)
def test_anonymous_is_sent_to_login(net: Net, page: str, url: URL, allowed: set[str]) -> None:
    response = net.client("anonymous").get(url(net, _objects(net)))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_ids_of_another_network_are_404(net: Net, proposal: AgendaItem) -> None:
    """A meeting or action of another network, reached through this network's URL, is a 404."""
    stranger = Meeting.objects.create(
        network=net.other_network,
        title="Elsewhere",
        starts_at=net.past.starts_at,
        ends_at=net.past.ends_at,
    )
    client = net.client("leader")
    assert client.get(reverse("meetings:detail", args=net.args(stranger.pk))).status_code == 404
    assert (
        client.get(
            reverse("meetings:agenda_edit", args=net.args(stranger.pk, proposal.pk))
        ).status_code
        == 404
    )


def test_my_actions_needs_the_workspace(net: Net) -> None:
    url = reverse("meetings:my_actions", args=[net.slug])
    assert net.client("outsider").get(url).status_code == 404
    assert net.client("facilitator").get(url).status_code == 200
    assert net.client("anonymous").get(url).status_code == 302


def test_only_editors_make_the_network_feed(net: Net) -> None:
    url = reverse("meetings:feed_create", args=net.args())
    assert net.client("member").post(url, {"kind": "network"}).status_code == 403
    assert not CalendarFeed.objects.exists()
    assert net.client("leader").post(url, {"kind": "network"}).status_code == 302
    assert CalendarFeed.objects.filter(network=net.network).count() == 1


def test_a_member_cannot_edit_someone_elses_proposal(net: Net) -> None:
    item = AgendaItem.objects.create(
        meeting=net.future, title="Leader's item", proposed_by=net.leader, status="proposed"
    )
    url = reverse("meetings:agenda_edit", args=net.args(net.future.pk, item.pk))
    assert net.client("member").get(url).status_code == 403
    assert net.client("member").post(url, {"kind": "theme", "title": "Mine"}).status_code == 403
    item.refresh_from_db()
    assert item.title == "Leader's item"
