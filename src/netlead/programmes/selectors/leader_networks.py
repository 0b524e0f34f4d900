"""Reads of leader networks: the network page (profile, members and their agreement, meetings
with their roles, attendance, the four-principles trend) and the leader networks of a person.
A fixed number of queries per page, whatever the number of members or meetings.

The trend reads the anonymous answers only (never the receipts), and shows a meeting's figures
only once its check has closed and at least k people answered (k: the workspace's anonymity
threshold); the rule itself is `netlead.analysis.programmes.principles_trend`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Exists, Max, OuterRef, QuerySet
from django.utils import timezone

from netlead.analysis.programmes import (
    PRINCIPLES,
    MeetingAnswers,
    PrinciplesAnswer,
    PrinciplesTrend,
    principles_trend,
    weakest_principle,
)
from netlead.meetings.models import Attendance, Meeting, MeetingPlan
from netlead.meetings.selectors import Rate, attendance_rates
from netlead.networks.models import Network, NetworkKind, NetworkMember
from netlead.programmes.models import (
    AgreementAcceptance,
    LeaderNetworkProfile,
    MeetingRoles,
    PrinciplesCheckReceipt,
    PrinciplesCheckResponse,
)
from netlead.programmes.rules import (
    AWAY,
    CHECK_OPEN_DAYS,
    check_closes_at,
    check_refusal_from,
    least_recent,
    size_guidance,
)
from netlead.programmes.text import lines
from netlead.workspaces.models import Person

__all__ = [
    "PAST_MEETINGS",
    "TREND_MEETINGS",
    "UPCOMING_MEETINGS",
    "LeaderNetworkPage",
    "MeetingRow",
    "MemberRow",
    "TrendCell",
    "TrendRow",
    "checks_open_for",
    "leader_network_page",
    "leader_networks_of",
    "meeting_row",
    "next_rotation",
    "principles_trend_of",
]

#: How many held meetings the trend shows (the most recent ones).
TREND_MEETINGS = 12
#: How many meetings still to come, and how many held (or cancelled) ones, the page lists.
UPCOMING_MEETINGS = 5
PAST_MEETINGS = 5


# -- Meetings with their roles -------------------------------------------------------------


@dataclass(frozen=True)
class MeetingRow:
    meeting: Meeting
    chair: NetworkMember | None
    case_owner: NetworkMember | None


def _roles_of(meeting: Meeting) -> MeetingRoles | None:
    try:
        return meeting.leader_roles
    except MeetingRoles.DoesNotExist:
        return None


def _with_roles(network: Network) -> QuerySet[Meeting]:
    return network.meetings.select_related(
        "plan",
        "leader_roles__chair__person",
        "leader_roles__case_owner__person",
    )


def meeting_row(meeting: Meeting) -> MeetingRow:
    roles = _roles_of(meeting)
    return MeetingRow(
        meeting=meeting,
        chair=roles.chair if roles else None,
        case_owner=roles.case_owner if roles else None,
    )


# -- The four-principles trend -------------------------------------------------------------


@dataclass(frozen=True)
class TrendCell:
    principle: str
    mean: float | None
    change: float | None


@dataclass(frozen=True)
class TrendRow:
    """One held meeting: its figures when `shown`; else `is_open` (answers still come in,
    until `closes_at`) or fewer than k answered."""

    meeting: Meeting
    held_on: date
    respondents: int
    shown: bool
    is_open: bool
    closes_at: datetime
    cells: tuple[TrendCell, ...]


@dataclass(frozen=True)
class PrinciplesOverview:
    k: int
    rows: list[TrendRow]
    weakest: str | None


def principles_trend_of(network: Network, *, k: int) -> PrinciplesOverview:
    """The check after each of the last TREND_MEETINGS held meetings (cancelled ones left
    out), oldest first. Two queries."""
    now = timezone.now()
    held = list(
        network.meetings.filter(is_cancelled=False, ends_at__lte=now).order_by("-starts_at", "-pk")[
            :TREND_MEETINGS
        ]
    )
    held.reverse()
    closed = [m for m in held if check_closes_at(m) < now]
    answers: dict[int, list[PrinciplesAnswer]] = defaultdict(list)
    for row in PrinciplesCheckResponse.objects.filter(meeting__in=held).values(
        "meeting_id", *PRINCIPLES
    ):
        answers[row["meeting_id"]].append(PrinciplesAnswer({p: row[p] for p in PRINCIPLES}))
    # Only closed checks go into the analysis: an open one may still change.
    trend: PrinciplesTrend = principles_trend(
        [
            MeetingAnswers(
                meeting_id=m.pk,
                held_on=timezone.localdate(m.starts_at),
                answers=answers.get(m.pk, []),
            )
            for m in closed
        ],
        k=k,
    )
    points = {point.meeting_id: point for point in trend.points}
    rows = []
    for meeting in held:
        point = points.get(meeting.pk)
        rows.append(
            TrendRow(
                meeting=meeting,
                held_on=timezone.localdate(meeting.starts_at),
                respondents=len(answers.get(meeting.pk, [])),
                shown=point is not None and point.shown,
                is_open=point is None,
                closes_at=check_closes_at(meeting),
                cells=tuple(
                    TrendCell(
                        principle=p,
                        mean=point.means[p] if point else None,
                        change=point.change[p] if point else None,
                    )
                    for p in PRINCIPLES
                ),
            )
        )
    latest = trend.latest
    return PrinciplesOverview(k=k, rows=rows, weakest=weakest_principle(latest) if latest else None)


def checks_open_for(member: NetworkMember) -> list[Meeting]:
    """The held meetings of the member's network whose check the member can still give, most
    recent first. One query: the meetings whose check may still be open, each with whether
    the member was away and has answered; `rules.check_refusal_from` (the rules of
    `services.check_refusal`) decides for each."""
    now = timezone.now()
    away = Attendance.objects.filter(meeting=OuterRef("pk"), member=member, status__in=AWAY)
    answered = PrinciplesCheckReceipt.objects.filter(meeting=OuterRef("pk"), member=member)
    # Only narrows down to the meetings the rules could accept (a check is open for
    # CHECK_OPEN_DAYS after the meeting ends); the rules themselves are applied below.
    candidates = (
        Meeting.objects.filter(
            network_id=member.network_id,
            ends_at__lte=now,
            ends_at__gte=now - timedelta(days=CHECK_OPEN_DAYS),
        )
        .select_related("network")
        .annotate(was_away=Exists(away), has_answered=Exists(answered))
        .order_by("-starts_at", "-pk")
    )
    return [
        meeting
        for meeting in candidates
        if check_refusal_from(
            meeting=meeting,
            member=member,
            away=meeting.was_away,
            answered=meeting.has_answered,
            now=now,
        )
        is None
    ]


# -- The network page -----------------------------------------------------------------------


@dataclass(frozen=True)
class MemberRow:
    member: NetworkMember
    accepted: bool
    commitment: str
    rate: Rate


@dataclass(frozen=True)
class LeaderNetworkPage:
    network: Network
    profile: LeaderNetworkProfile
    rules: list[str]
    values: list[str]
    goals: list[str]
    member_count: int
    size_warning: str | None
    members: list[MemberRow]
    accepted_count: int
    viewer_accepted: bool
    plans: list[MeetingPlan]
    next_meeting: MeetingRow | None
    upcoming: list[MeetingRow]
    past: list[MeetingRow]
    rotation: tuple[NetworkMember | None, NetworkMember | None]
    principles: PrinciplesOverview
    checks_open: list[Meeting]


def leader_network_page(profile: LeaderNetworkProfile, viewer: NetworkMember) -> LeaderNetworkPage:
    """Everything the leader network's page shows to `viewer`, a current member."""
    network = profile.network
    members = list(
        NetworkMember.objects.current()
        .filter(network=network)
        .select_related("person__organization")
        .order_by("person__name", "pk")
    )
    acceptances = {
        a.member_id: a
        for a in AgreementAcceptance.objects.filter(
            profile=profile, version=profile.agreement_version
        )
    }
    rates = {row.member.pk: row.rate for row in attendance_rates(network).members}
    rows = [
        MemberRow(
            member=m,
            accepted=m.pk in acceptances,
            commitment=acceptances[m.pk].commitment if m.pk in acceptances else "",
            rate=rates.get(m.pk, Rate()),
        )
        for m in members
    ]
    now = timezone.now()
    # Two short reads, however many meetings the network ever had.
    upcoming = [
        meeting_row(m)
        for m in _with_roles(network)
        .filter(ends_at__gt=now, is_cancelled=False)
        .order_by("starts_at", "pk")[:UPCOMING_MEETINGS]
    ]
    past = [
        meeting_row(m)
        for m in _with_roles(network)
        .filter(ends_at__lte=now)
        .order_by("-starts_at", "-pk")[:PAST_MEETINGS]
    ]
    return LeaderNetworkPage(
        network=network,
        profile=profile,
        rules=lines(profile.rules),
        values=lines(profile.values),
        goals=lines(profile.goals),
        member_count=len(members),
        size_warning=size_guidance(profile, len(members)),
        members=rows,
        accepted_count=sum(1 for r in rows if r.accepted),
        viewer_accepted=viewer.pk in acceptances,
        plans=list(network.meeting_plans.order_by("first_starts_at")),
        next_meeting=upcoming[0] if upcoming else None,
        upcoming=upcoming,
        past=past,
        rotation=next_rotation(network),
        principles=principles_trend_of(network, k=network.workspace.anonymity_threshold),
        checks_open=checks_open_for(viewer),
    )


def leader_networks_of(person: Person) -> list[Network]:
    """The leader networks `person` is a current member of, by name."""
    return list(
        Network.objects.filter(
            kind=NetworkKind.LEADER_NETWORK,
            members__person=person,
            members__left_on__isnull=True,
        )
        .select_related("leader_profile")
        .distinct()
        .order_by("name", "pk")
    )


def next_rotation(network: Network) -> tuple[NetworkMember | None, NetworkMember | None]:
    """Who is next in turn to chair and to bring a case: the current member who held the role
    least recently (members who never held it first), ties by name. Meetings already given
    roles count, planned ones included, so the suggestion is for the next meeting without
    roles. The case owner suggested is never the chair suggested."""
    members = list(
        NetworkMember.objects.current()
        .filter(network=network)
        .select_related("person")
        .order_by("person__name", "pk")
    )
    roles = MeetingRoles.objects.filter(meeting__network=network, meeting__is_cancelled=False)
    last_chair: dict[int, datetime] = {
        row["chair_id"]: row["last"]
        for row in roles.filter(chair__isnull=False)
        .values("chair_id")
        .annotate(last=Max("meeting__starts_at"))
    }
    last_case: dict[int, datetime] = {
        row["case_owner_id"]: row["last"]
        for row in roles.filter(case_owner__isnull=False)
        .values("case_owner_id")
        .annotate(last=Max("meeting__starts_at"))
    }
    chairs = least_recent(members, last_chair)
    chair = chairs[0] if chairs else None
    owners = [m for m in least_recent(members, last_case) if chair is None or m.pk != chair.pk]
    return chair, (owners[0] if owners else None)
