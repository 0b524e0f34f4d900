"""Attendance rates, the dashboard summary, a result's trail, and the demo meetings."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from netlead.meetings.models import Action, AgendaItem, Attendance, Decision, Meeting
from netlead.meetings.selectors import (
    attendance_rates,
    network_meetings_summary,
    result_trail,
)
from tests.meetings.conftest import Net


def _meeting(net: Net, days_ago: int, **kwargs: object) -> Meeting:
    start = timezone.now() - timedelta(days=days_ago)
    return Meeting.objects.create(
        network=net.network,
        title="M",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        **kwargs,
    )


def test_attendance_rates_on_a_small_example(net: Net) -> None:
    """Three meetings. Leader (Municipality): present 3 times. Member (Care provider): present,
    excused, absent. Associate (Care provider): present once, once not recorded."""
    first, second, third = _meeting(net, 60), _meeting(net, 30), _meeting(net, 20)
    cancelled = _meeting(net, 10, is_cancelled=True)
    rows = [
        (first, net.leader, "present"),
        (first, net.member, "present"),
        (first, net.associate, "present"),
        (second, net.leader, "present"),
        (second, net.member, "excused"),
        (third, net.leader, "present"),
        (third, net.member, "absent"),
        (cancelled, net.member, "absent"),  # left out: the meeting did not take place
    ]
    for meeting, member, status in rows:
        Attendance.objects.create(meeting=meeting, member=member, status=status)
    rates = attendance_rates(net.network)

    by_member = {r.member.pk: r.rate for r in rates.members}
    assert (by_member[net.leader.pk].present, by_member[net.leader.pk].recorded) == (3, 3)
    assert by_member[net.member.pk].share == pytest.approx(1 / 3)
    assert (by_member[net.member.pk].excused, by_member[net.member.pk].absent) == (1, 1)
    assert by_member[net.associate.pk].share == 1.0

    by_org = {r.organization.name: r for r in rates.organizations if r.organization}
    assert by_org["Municipality"].rate.share == 1.0 and by_org["Municipality"].members == 1
    care = by_org["Care provider"]
    assert (care.rate.present, care.rate.recorded, care.members) == (2, 4, 2)
    assert care.rate.percent == 50

    assert [p.meeting for p in rates.trend] == [first, second, third]
    assert [p.rate.share for p in rates.trend] == [1.0, pytest.approx(1 / 2), pytest.approx(1 / 2)]
    assert (rates.overall.present, rates.overall.recorded) == (5, 7)


def test_attendance_page_shows_the_rates(net: Net) -> None:
    from django.urls import reverse

    meeting = _meeting(net, 5)
    Attendance.objects.create(meeting=meeting, member=net.leader, status="present")
    Attendance.objects.create(meeting=meeting, member=net.member, status="absent")
    page = net.client("associate").get(reverse("meetings:list", args=net.args()))
    assert "Overall 50% present (1 of 2 recorded attendances)." in page.text
    assert 'id="attendance-data"' in page.text and "meetings-attendance.js" in page.text


def test_network_meetings_summary(net: Net) -> None:
    today = timezone.localdate()
    Action.objects.create(
        network=net.network, title="Late", owner=net.member, due_on=today - timedelta(days=1)
    )
    Action.objects.create(network=net.network, title="Open", owner=net.member)
    Action.objects.create(network=net.network, title="Done", owner=net.member, status="done")
    meetings = [_meeting(net, 30 * i + 1) for i in range(14)]
    for meeting in meetings:
        Attendance.objects.create(meeting=meeting, member=net.leader, status="present")
        Attendance.objects.create(meeting=meeting, member=net.member, status="absent")
    Attendance.objects.create(meeting=meetings[0], member=net.associate, status="present")
    summary = network_meetings_summary(net.network)
    assert summary.next_meeting == net.future
    assert summary.open_actions == 2
    assert [a.title for a in summary.overdue_actions] == ["Late"]
    assert len(summary.attendance_trend) == 12
    assert summary.attendance_trend[-1] == (
        timezone.localdate(meetings[0].starts_at),
        pytest.approx(2 / 3),
    )
    assert summary.attendance_trend[0][1] == 0.5
    days = [day for day, _ in summary.attendance_trend]
    assert days == sorted(days)


def test_result_trail(net: Net) -> None:
    other = _meeting(net, 40)
    AgendaItem.objects.create(meeting=net.past, title="Discuss", result=net.result)
    decision = Decision.objects.create(meeting=other, text="Go")
    decision.results.add(net.result)
    action = Action.objects.create(
        network=net.network, title="Do", owner=net.member, meeting=net.past, result=net.result
    )
    Action.objects.create(
        network=net.network, title="Unrelated", owner=net.member, meeting=net.future
    )
    trail = result_trail(net.result)
    assert trail.meetings == [other, net.past]
    assert trail.decisions == [decision]
    assert trail.actions == [action]


def test_demo_meetings(net: Net) -> None:
    from netlead.demo.meetings import load_meetings

    load_meetings(net.network)
    # Idempotent: a network with meetings is left alone (the fixture already has two).
    assert net.network.meetings.count() == 2
    net.network.meetings.all().delete()
    load_meetings(net.network)
    meetings = list(net.network.meetings.order_by("starts_at"))
    assert len(meetings) == 13
    held = [m for m in meetings if m.ends_at <= timezone.now()]
    assert 10 <= len(held) <= 12
    assert all(m.minutes.status == "approved" for m in held)
    assert Attendance.objects.filter(meeting__in=held).count() == 3 * len(held)
    kinds = set(AgendaItem.objects.filter(meeting__in=held).values_list("kind", flat=True))
    assert {"here_and_now", "theme", "case", "decision", "information"} <= kinds
    actions = Action.objects.filter(network=net.network)
    assert actions.count() == 15
    assert sum(a.is_overdue for a in actions) == 3
    assert actions.filter(status="done").exists() and actions.filter(result=net.result).exists()
    load_meetings(net.network)
    assert net.network.meetings.count() == 13
