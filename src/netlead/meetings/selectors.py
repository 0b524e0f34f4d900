"""Reads of meetings and actions, with the joins they need (no query per row)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from netlead.accounts.models import User
from netlead.analysis.decisions import RuleProgress, progress
from netlead.core.tokens import hash_token
from netlead.meetings.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    CalendarFeed,
    Decision,
    Meeting,
    MeetingPlan,
    Minutes,
    MinutesApproval,
    MinutesStatus,
)
from netlead.meetings.rules import can_reopen_minutes
from netlead.networks.models import CONTRIBUTORS, Network, NetworkMember, Result
from netlead.workspaces.models import Organization, Person, Workspace

ACTION_FILTERS = ("open", "overdue", "done", "dropped", "all")


def current_members(network: Network) -> QuerySet[NetworkMember]:
    return (
        NetworkMember.objects.current()
        .filter(network=network)
        .select_related("person", "person__organization")
        .order_by("person__name")
    )


# Meetings


@dataclass(frozen=True)
class MeetingsOverview:
    upcoming: list[Meeting]
    past: list[Meeting]
    plans: list[MeetingPlan]


def meetings_overview(network: Network) -> MeetingsOverview:
    """The network's meetings (upcoming first to come first, past most recent first) with
    their minutes and counts, and its plans."""
    now = timezone.now()
    meetings = (
        network.meetings.select_related("minutes", "plan")
        .annotate(
            n_items=Count("agenda_items", distinct=True),
            n_actions=Count("actions", distinct=True),
            n_present=Count(
                "attendance",
                filter=Q(attendance__status=AttendanceStatus.PRESENT),
                distinct=True,
            ),
        )
        .order_by("starts_at")
    )
    upcoming: list[Meeting] = [m for m in meetings if m.ends_at > now]
    past: list[Meeting] = [m for m in meetings if m.ends_at <= now]
    past.reverse()
    plans: list[MeetingPlan] = list(network.meeting_plans.annotate(n_meetings=Count("meetings")))
    return MeetingsOverview(upcoming=upcoming, past=past, plans=plans)


@dataclass(frozen=True)
class AttendanceRow:
    member: NetworkMember
    status: str


@dataclass(frozen=True)
class MeetingDetail:
    meeting: Meeting
    agenda: list[AgendaItem]
    minutes: Minutes | None
    approvals: list[MinutesApproval]
    approvers: list[NetworkMember]
    pending_approvers: list[NetworkMember]
    rule: RuleProgress | None
    can_reopen: bool
    decisions: list[Decision]
    attendance: list[AttendanceRow]
    actions: list[Action]

    @property
    def has_attendance(self) -> bool:
        return any(row.status for row in self.attendance)

    @property
    def attendance_counts(self) -> dict[str, int]:
        counts = {status: 0 for status in AttendanceStatus.values}
        for row in self.attendance:
            if row.status:
                counts[row.status] += 1
        return counts


def members_at(meeting: Meeting) -> QuerySet[NetworkMember]:
    """The network's members on the meeting's day: who joined later or had left by then was
    not expected there, whoever the members are today."""
    return (
        NetworkMember.objects.on(timezone.localdate(meeting.starts_at))
        .filter(network_id=meeting.network_id)
        .select_related("person", "person__organization")
    )


def joined_after(meeting: Meeting) -> int:
    """How many of today's members joined after the meeting's day (not listed for it)."""
    day = timezone.localdate(meeting.starts_at)
    return (
        NetworkMember.objects.current()
        .filter(network_id=meeting.network_id, joined_on__gt=day)
        .count()
    )


def attendance_rows(meeting: Meeting) -> list[AttendanceRow]:
    """Every member on the meeting's day with their recorded status ("" if none), plus anyone
    recorded then whose membership dates were changed since, by name."""
    recorded = {
        a.member_id: a for a in meeting.attendance.select_related("member__person__organization")
    }
    members = {m.pk: m for m in members_at(meeting)}
    for member_id, attendance in recorded.items():
        members.setdefault(member_id, attendance.member)
    return [
        AttendanceRow(
            member=member,
            status=recorded[member.pk].status if member.pk in recorded else "",
        )
        for member in sorted(members.values(), key=lambda m: (m.person.name, m.pk))
    ]


def minutes_approvers(meeting: Meeting) -> list[NetworkMember]:
    """Who approves the minutes: the current contributing members recorded as present."""
    return list(
        NetworkMember.objects.current()
        .filter(
            network_id=meeting.network_id,
            role__in=CONTRIBUTORS,
            attendance__meeting=meeting,
            attendance__status=AttendanceStatus.PRESENT,
        )
        .select_related("person")
        .order_by("person__name")
    )


def minutes_rule_progress(
    minutes: Minutes, approvers: list[NetworkMember] | None = None
) -> RuleProgress:
    """Where minutes stand under the network's decision rule: the members who were present
    decide; the period runs from when the minutes were put up for approval. Minutes know no
    objection: a correction is a change of the text, which clears the approvals."""
    network = minutes.meeting.network
    if approvers is None:
        approvers = minutes_approvers(minutes.meeting)
    deciders = {m.pk for m in approvers}
    agreed = sum(
        1
        for member_id in minutes.approvals.values_list("member_id", flat=True)
        if member_id in deciders
    )
    opened = minutes.ready_at or minutes.updated_at
    return progress(
        kind=network.decision_rule,
        days=network.decision_days,
        eligible=len(deciders),
        agreed=agreed,
        objections=0,
        opened_on=timezone.localdate(opened),
        today=timezone.localdate(),
    )


def meeting_detail(meeting: Meeting) -> MeetingDetail:
    agenda = list(
        meeting.agenda_items.select_related("proposed_by__person", "result").order_by(
            "position", "pk"
        )
    )
    minutes = Minutes.objects.select_related("written_by").filter(meeting=meeting).first()
    approvals: list[MinutesApproval] = []
    approvers: list[NetworkMember] = []
    if minutes is not None:
        approvals = list(minutes.approvals.select_related("member__person"))
        approvers = minutes_approvers(meeting)
    approved = {a.member_id for a in approvals}
    return MeetingDetail(
        meeting=meeting,
        agenda=agenda,
        minutes=minutes,
        approvals=approvals,
        approvers=approvers,
        pending_approvers=[m for m in approvers if m.pk not in approved],
        rule=minutes_rule_progress(minutes, approvers)
        if minutes is not None and minutes.status == MinutesStatus.READY
        else None,
        can_reopen=minutes is not None and can_reopen_minutes(minutes, now=timezone.now()),
        decisions=list(
            meeting.decisions.prefetch_related(
                Prefetch("results", queryset=Result.objects.order_by("title"))
            )
        ),
        attendance=attendance_rows(meeting),
        actions=list(
            meeting.actions.select_related("owner__person", "result", "created_by").order_by(
                "due_on", "pk"
            )
        ),
    )


# Actions


def _filter_actions(actions: QuerySet[Action], status: str) -> QuerySet[Action]:
    if status == "overdue":
        return actions.filter(status=ActionStatus.OPEN, due_on__lt=timezone.localdate())
    if status in ActionStatus.values:
        return actions.filter(status=status)
    return actions


def network_actions(network: Network, *, status: str = "open") -> list[Action]:
    actions = network.actions.select_related(
        "owner__person", "meeting", "result", "created_by"
    ).order_by("due_on", "pk")
    return list(_filter_actions(actions, status))


def my_actions(user: User, workspace: Workspace, *, status: str = "open") -> list[Action]:
    """The actions `user` owns in the networks of `workspace` they belong to now, whoever
    recorded them."""
    actions = (
        Action.objects.filter(
            network__workspace=workspace,
            owner__person__user=user,
            owner__left_on__isnull=True,
        )
        .select_related("network", "owner__person", "meeting", "result", "created_by")
        .order_by("due_on", "network__name", "pk")
    )
    return list(_filter_actions(actions, status))


# Attendance rates


@dataclass(frozen=True)
class Rate:
    present: int = 0
    excused: int = 0
    absent: int = 0

    @property
    def recorded(self) -> int:
        return self.present + self.excused + self.absent

    @property
    def share(self) -> float | None:
        """Share present of the meetings with attendance recorded (None: nothing recorded)."""
        return self.present / self.recorded if self.recorded else None

    @property
    def percent(self) -> int | None:
        share = self.share
        return None if share is None else round(share * 100)

    def plus(self, status: str, n: int = 1) -> Rate:
        return Rate(
            present=self.present + (n if status == AttendanceStatus.PRESENT else 0),
            excused=self.excused + (n if status == AttendanceStatus.EXCUSED else 0),
            absent=self.absent + (n if status == AttendanceStatus.ABSENT else 0),
        )


@dataclass(frozen=True)
class MemberRate:
    member: NetworkMember
    rate: Rate


@dataclass(frozen=True)
class OrganizationRate:
    organization: Organization | None
    members: int
    rate: Rate


@dataclass(frozen=True)
class TrendPoint:
    meeting: Meeting
    rate: Rate

    @property
    def day(self) -> date:
        return timezone.localdate(self.meeting.starts_at)


@dataclass(frozen=True)
class AttendanceRates:
    members: list[MemberRate]
    organizations: list[OrganizationRate]
    trend: list[TrendPoint]
    overall: Rate = field(default_factory=Rate)


def attendance_rates(network: Network) -> AttendanceRates:
    """Present / recorded per member and per organization, and per meeting the share present
    (cancelled meetings left out). Four queries, whatever the size of the network."""
    records = Attendance.objects.filter(meeting__network=network, meeting__is_cancelled=False)
    by_member: dict[int, Rate] = defaultdict(Rate)
    for row in records.values("member_id", "status").annotate(n=Count("id")):
        by_member[row["member_id"]] = by_member[row["member_id"]].plus(row["status"], row["n"])
    by_meeting: dict[int, Rate] = defaultdict(Rate)
    for per_meeting in records.values("meeting_id", "status").annotate(n=Count("id")):
        key = per_meeting["meeting_id"]
        by_meeting[key] = by_meeting[key].plus(per_meeting["status"], per_meeting["n"])

    members = list(
        NetworkMember.objects.filter(network=network)
        .filter(Q(left_on__isnull=True) | Q(pk__in=list(by_member)))
        .select_related("person__organization")
        .order_by("person__name", "pk")
    )
    member_rates = [MemberRate(member=m, rate=by_member.get(m.pk, Rate())) for m in members]

    organizations: dict[int | None, tuple[Organization | None, set[int], Rate]] = {}
    for entry in member_rates:
        organization = entry.member.person.organization
        org_key = organization.pk if organization else None
        org, people, rate = organizations.get(org_key, (organization, set(), Rate()))
        people.add(entry.member.person_id)
        organizations[org_key] = (
            org,
            people,
            Rate(
                present=rate.present + entry.rate.present,
                excused=rate.excused + entry.rate.excused,
                absent=rate.absent + entry.rate.absent,
            ),
        )
    organization_rates = sorted(
        (
            OrganizationRate(organization=org, members=len(people), rate=rate)
            for org, people, rate in organizations.values()
        ),
        key=lambda r: (r.organization is None, r.organization.name if r.organization else ""),
    )
    meetings = network.meetings.filter(pk__in=list(by_meeting)).order_by("starts_at")
    trend = [TrendPoint(meeting=m, rate=by_meeting[m.pk]) for m in meetings]
    overall = Rate(
        present=sum(r.present for r in by_meeting.values()),
        excused=sum(r.excused for r in by_meeting.values()),
        absent=sum(r.absent for r in by_meeting.values()),
    )
    return AttendanceRates(
        members=member_rates, organizations=organization_rates, trend=trend, overall=overall
    )


# For the network dashboard and the results pages


@dataclass(frozen=True)
class MeetingsSummary:
    next_meeting: Meeting | None
    open_actions: int
    overdue_actions: list[Action]
    attendance_trend: list[tuple[date, float]]


def network_meetings_summary(network: Network) -> MeetingsSummary:
    """The next meeting, open and overdue actions, and the share present at the last 12
    meetings held (with attendance recorded)."""
    now = timezone.now()
    next_meeting = (
        network.meetings.filter(is_cancelled=False, ends_at__gt=now).order_by("starts_at").first()
    )
    open_actions = network.actions.filter(status=ActionStatus.OPEN).count()
    overdue = network_actions(network, status="overdue")
    held = list(
        network.meetings.filter(is_cancelled=False, starts_at__lte=now)
        .annotate(
            n_recorded=Count("attendance"),
            n_present=Count("attendance", filter=Q(attendance__status=AttendanceStatus.PRESENT)),
        )
        .filter(n_recorded__gt=0)
        .order_by("-starts_at")[:12]
    )
    held.reverse()
    trend = [(timezone.localdate(m.starts_at), m.n_present / m.n_recorded) for m in held]
    return MeetingsSummary(
        next_meeting=next_meeting,
        open_actions=open_actions,
        overdue_actions=overdue,
        attendance_trend=trend,
    )


@dataclass(frozen=True)
class ResultTrail:
    meetings: list[Meeting]
    decisions: list[Decision]
    actions: list[Action]


def result_trail(result: Result) -> ResultTrail:
    """Where a result was worked on: meetings that discussed it (agenda item), decided on it,
    or gave actions for it; those decisions and actions."""
    decisions = list(
        result.decisions.select_related("meeting").order_by("meeting__starts_at", "pk")
    )
    actions = list(
        result.actions.select_related("owner__person", "meeting").order_by("due_on", "pk")
    )
    meetings = list(
        Meeting.objects.filter(network_id=result.network_id)
        .filter(
            Q(agenda_items__result=result)
            | Q(decisions__results=result)
            | Q(actions__result=result)
        )
        .distinct()
        .order_by("starts_at")
    )
    return ResultTrail(meetings=meetings, decisions=decisions, actions=actions)


# Calendar feeds


def calendar_feed_for_token(token: str) -> CalendarFeed | None:
    return (
        CalendarFeed.objects.select_related("network", "person")
        .filter(token_hash=hash_token(token))
        .first()
    )


def calendar_feed_meetings(feed: CalendarFeed) -> list[Meeting]:
    """The meetings of the feed's network, or of every network the person belongs to now."""
    if feed.network_id is not None:
        meetings = Meeting.objects.filter(network_id=feed.network_id)
    else:
        network_ids = NetworkMember.objects.current().filter(person=feed.person)
        meetings = Meeting.objects.filter(network_id__in=network_ids.values("network_id"))
    return list(meetings.select_related("network").order_by("starts_at"))


@dataclass(frozen=True)
class FeedState:
    network_feed: bool
    person_feed: bool


def calendar_feed_state(network: Network, person: Person) -> FeedState:
    feeds = CalendarFeed.objects.filter(Q(network=network) | Q(person=person))
    kinds = {(f.network_id is not None) for f in feeds.only("network", "person")}
    return FeedState(network_feed=True in kinds, person_feed=False in kinds)
