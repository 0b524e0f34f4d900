"""Approving minutes under the network's decision rule: progress on the meeting page, the
confirmation before declaring them approved, the record, and re-opening shortly after."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from netlead.meetings.models import Attendance, Minutes, MinutesApproval, MinutesStatus
from netlead.meetings.rules import REOPEN_HOURS
from netlead.networks.models import NetworkMember, NetworkRole
from tests.meetings.conftest import Net, join


def _url(net: Net, name: str) -> str:
    return reverse(f"meetings:{name}", args=net.args(net.past.pk))


def _present(net: Net, *members: NetworkMember) -> None:
    for member in members:
        Attendance.objects.create(meeting=net.past, member=member, status="present")


@pytest.fixture
def ready(net: Net) -> Minutes:
    """Minutes up for approval since today; leader and member were present."""
    _present(net, net.leader, net.member)
    return Minutes.objects.create(
        meeting=net.past,
        text="We agreed on one plan per family.",
        written_by=net.world.owner,
        status=MinutesStatus.READY,
        ready_at=timezone.now(),
    )


def test_the_meeting_page_shows_progress_under_the_rule(net: Net, ready: Minutes) -> None:
    MinutesApproval.objects.create(minutes=ready, member=net.leader)
    page = net.client("associate").get(reverse("meetings:detail", args=net.args(net.past.pk)))
    assert "1 of 2 agreed, 0 objections, 14 days left." in page.text


def test_declaring_approved_says_who_has_not_answered(net: Net, ready: Minutes) -> None:
    MinutesApproval.objects.create(minutes=ready, member=net.leader)
    page = net.client("leader").get(_url(net, "minutes_finalise"))
    assert page.status_code == 200
    assert "1 member has not answered: their answer will not count." in page.text
    assert "Max Member" in page.text
    ready.refresh_from_db()
    assert ready.status == MinutesStatus.READY  # looking changes nothing


def test_declaring_approved_against_the_rule_needs_the_confirmation(
    net: Net, ready: Minutes
) -> None:
    client = net.client("leader")
    refused = client.post(_url(net, "minutes_finalise"), {})
    assert refused.status_code == 400
    assert "decision rule is not met yet" in refused.text
    ready.refresh_from_db()
    assert ready.status == MinutesStatus.READY
    client.post(_url(net, "minutes_finalise"), {"despite_rule": "on"})
    ready.refresh_from_db()
    assert ready.status == MinutesStatus.APPROVED
    assert (ready.approved_rule, ready.approved_rule_days, ready.approved_rule_met) == (
        "consent",
        14,
        False,
    )
    assert ready.declared_by == net.world.owner
    page = net.client("member").get(reverse("meetings:detail", args=net.args(net.past.pk)))
    assert "The rule was not met: the leader decided anyway." in page.text


def test_a_majority_lets_the_leader_declare_without_confirmation(net: Net, ready: Minutes) -> None:
    net.network.decision_rule = "majority"
    net.network.save()
    third = join(net.network, net.world.facilitator, NetworkRole.CORE, net.world.organization)
    _present(net, third)
    MinutesApproval.objects.create(minutes=ready, member=net.leader)
    MinutesApproval.objects.create(minutes=ready, member=net.member)
    assert "2 of 3 agreed" in net.client("leader").get(_url(net, "minutes_finalise")).text
    net.client("leader").post(_url(net, "minutes_finalise"), {})
    ready.refresh_from_db()
    assert (ready.status, ready.approved_rule, ready.approved_rule_met) == (
        MinutesStatus.APPROVED,
        "majority",
        True,
    )


def test_approval_by_everyone_present_records_the_rule_as_met(net: Net, ready: Minutes) -> None:
    net.client("leader").post(_url(net, "minutes_approve"))
    net.client("member").post(_url(net, "minutes_approve"))
    ready.refresh_from_db()
    assert (ready.status, ready.approved_rule_met, ready.declared_by) == (
        MinutesStatus.APPROVED,
        True,
        None,
    )


def test_an_approval_is_reopened_shortly_after(net: Net, ready: Minutes) -> None:
    client = net.client("leader")
    client.post(_url(net, "minutes_finalise"), {"despite_rule": "on"})
    page = client.get(reverse("meetings:detail", args=net.args(net.past.pk))).text
    assert "Undo: re-open the approval" in page
    client.post(_url(net, "minutes_reopen"))
    ready.refresh_from_db()
    assert ready.status == MinutesStatus.READY
    assert (ready.approved_at, ready.approved_rule, ready.approved_rule_met) == (None, "", None)


def test_an_old_approval_stays(net: Net, ready: Minutes) -> None:
    Minutes.objects.filter(pk=ready.pk).update(
        status=MinutesStatus.APPROVED,
        approved_at=timezone.now() - timedelta(hours=REOPEN_HOURS + 1),
    )
    response = net.client("leader").post(_url(net, "minutes_reopen"), follow=True)
    assert "can be re-opened only within 48 hours" in response.text
    ready.refresh_from_db()
    assert ready.status == MinutesStatus.APPROVED


def test_minutes_not_approved_cannot_be_reopened(net: Net, ready: Minutes) -> None:
    net.client("leader").post(_url(net, "minutes_reopen"))
    ready.refresh_from_db()
    assert ready.status == MinutesStatus.READY and ready.ready_at is not None


def test_no_minutes_no_confirmation_page(net: Net) -> None:
    assert net.client("leader").get(_url(net, "minutes_finalise")).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [("member", 403), ("associate", 403), ("facilitator", 404), ("outsider", 404)],
)
def test_only_editors_declare_and_reopen(net: Net, ready: Minutes, role: str, status: int) -> None:
    client = net.client(role)
    assert client.get(_url(net, "minutes_finalise")).status_code == status
    assert client.post(_url(net, "minutes_finalise"), {"despite_rule": "on"}).status_code == status
    ready.refresh_from_db()
    assert ready.status == MinutesStatus.READY
    Minutes.objects.filter(pk=ready.pk).update(
        status=MinutesStatus.APPROVED, approved_at=timezone.now()
    )
    assert client.post(_url(net, "minutes_reopen")).status_code == status
    ready.refresh_from_db()
    assert ready.status == MinutesStatus.APPROVED


def test_reopening_is_post_only(net: Net, ready: Minutes) -> None:
    assert net.client("leader").get(_url(net, "minutes_reopen")).status_code == 405


def test_marking_ready_starts_the_period(net: Net) -> None:
    minutes = Minutes.objects.create(meeting=net.past, text="Draft", written_by=net.world.owner)
    net.client("leader").post(_url(net, "minutes_ready"))
    minutes.refresh_from_db()
    assert minutes.ready_at is not None
