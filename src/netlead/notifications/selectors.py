"""Reads of notifications: a user's preferences, and "what needs me": what waits for the user
across their workspaces, networks and programmes. Each kind of waiting thing is one query,
whatever the number of networks or items, so the count in the navigation costs a fixed number
of queries (tests/notifications fixes it: 9)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from netlead.accounts.models import User
from netlead.core.tokens import token_for
from netlead.development.links import observer_token
from netlead.development.models import ObserverInvitation
from netlead.meetings.models import (
    Action,
    ActionStatus,
    Attendance,
    AttendanceStatus,
    Meeting,
    Minutes,
    MinutesApproval,
    MinutesStatus,
)
from netlead.networks.models import (
    CONTRIBUTORS,
    CharterResponse,
    CharterStatus,
    CharterVersion,
    NetworkKind,
    NetworkMember,
)
from netlead.notifications.kinds import KINDS
from netlead.notifications.models import Preference
from netlead.programmes.models import (
    AgreementAcceptance,
    Assignment,
    AssignmentKind,
    CohortStatus,
    Enrolment,
    EnrolmentRole,
    LeaderNetworkProfile,
    PrinciplesCheckReceipt,
    Submission,
    SubmissionFeedback,
    SubmissionStatus,
)
from netlead.programmes.rules import AWAY, CHECK_OPEN_DAYS, check_refusal_from
from netlead.surveys.models import SURVEY_LINK_PURPOSE, RoundStatus, SurveyInvitation
from netlead.workspaces.models import Membership

#: Actions due within this many days count as waiting (overdue ones always do).
ACTIONS_AHEAD_DAYS = 7


# -- Preferences ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PreferenceRow:
    kind: str
    label: Promise
    delivery: str


def preferences_of(user: User) -> list[PreferenceRow]:
    """Every kind with the user's delivery (their choice, else the kind's default)."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "delivery"))
    return [
        PreferenceRow(kind=key, label=kind.label, delivery=chosen.get(key, kind.default))
        for key, kind in KINDS.items()
    ]


# -- What needs me --------------------------------------------------------------------------


@dataclass(frozen=True)
class Need:
    title: str
    where: str
    link: str
    due_on: date | None = None
    overdue: bool = False


@dataclass
class NeedGroup:
    key: str
    label: Promise
    items: list[Need] = field(default_factory=list)


@dataclass
class NeedsMe:
    groups: list[NeedGroup]

    @property
    def count(self) -> int:
        return sum(len(g.items) for g in self.groups)


def _in_workspace(user: User, path: str) -> Exists:
    """The user still belongs to the workspace at `path` (as every access function requires)."""
    return Exists(Membership.objects.filter(workspace_id=OuterRef(path), user=user))


def _member_of(user: User, path: str) -> Q:
    """`path` leads to a network of which the user is a current member."""
    return Q(
        **{
            f"{path}__members__person__user": user,
            f"{path}__members__left_on__isnull": True,
        }
    )


def _charters(user: User) -> list[Need]:
    responded = CharterResponse.objects.filter(version=OuterRef("pk"), member__person__user=user)
    versions = (
        CharterVersion.objects.filter(
            _member_of(user, "network"),
            _in_workspace(user, "network__workspace_id"),
            ~Exists(responded),
            status=CharterStatus.PROPOSED,
            network__members__role__in=CONTRIBUTORS,
        )
        .select_related("network__workspace")
        .order_by("proposed_at", "pk")
    )
    return [
        Need(
            title=str(_("Charter version %(number)s") % {"number": v.number}),
            where=v.network.name,
            link=reverse("networks:charter", args=[v.network.workspace.slug, v.network_id]),
        )
        for v in versions
    ]


def _minutes(user: User) -> list[Need]:
    present = Attendance.objects.filter(
        meeting=OuterRef("meeting"),
        status=AttendanceStatus.PRESENT,
        member__person__user=user,
        member__left_on__isnull=True,
        member__role__in=CONTRIBUTORS,
    )
    approved = MinutesApproval.objects.filter(minutes=OuterRef("pk"), member__person__user=user)
    minutes = (
        Minutes.objects.filter(
            Exists(present),
            ~Exists(approved),
            _in_workspace(user, "meeting__network__workspace_id"),
            status=MinutesStatus.READY,
        )
        .select_related("meeting__network__workspace")
        .order_by("meeting__starts_at", "pk")
    )
    return [
        Need(
            title=str(_("Minutes of %(meeting)s") % {"meeting": m.meeting.title}),
            where=m.meeting.network.name,
            link=reverse(
                "meetings:detail",
                args=[m.meeting.network.workspace.slug, m.meeting.network_id, m.meeting_id],
            ),
            due_on=timezone.localdate(m.meeting.starts_at),
        )
        for m in minutes
    ]


def _surveys(user: User, today: date) -> list[Need]:
    invitations = (
        SurveyInvitation.objects.filter(
            _in_workspace(user, "round__network__workspace_id"),
            member__person__user=user,
            member__left_on__isnull=True,
            round__status=RoundStatus.OPEN,
            round__closes_on__gte=today,
            submitted_at__isnull=True,
        )
        .select_related("round__network")
        .order_by("round__closes_on", "pk")
    )
    return [
        Need(
            title=i.round.title,
            where=i.round.network.name,
            link=reverse("surveys:answer", args=[token_for(i.salt, SURVEY_LINK_PURPOSE)]),
            due_on=i.round.closes_on,
        )
        for i in invitations
    ]


def _checks(user: User) -> list[Need]:
    now = timezone.now()
    meetings = (
        Meeting.objects.filter(
            _in_workspace(user, "network__workspace_id"),
            network__kind=NetworkKind.LEADER_NETWORK,
            network__members__person__user=user,
            network__members__left_on__isnull=True,
            is_cancelled=False,
            ends_at__lte=now,
            ends_at__gte=now - timedelta(days=CHECK_OPEN_DAYS),
        )
        .annotate(
            member_id=F("network__members__pk"),
            joined_on=F("network__members__joined_on"),
        )
        .annotate(
            was_away=Exists(
                Attendance.objects.filter(
                    meeting=OuterRef("pk"), member=OuterRef("member_id"), status__in=AWAY
                )
            ),
            has_answered=Exists(
                PrinciplesCheckReceipt.objects.filter(
                    meeting=OuterRef("pk"), member=OuterRef("member_id")
                )
            ),
        )
        .select_related("network__workspace")
        .order_by("starts_at", "pk")
    )
    needs = []
    for meeting in meetings:
        member_row = NetworkMember(
            pk=meeting.member_id, network_id=meeting.network_id, joined_on=meeting.joined_on
        )
        refusal = check_refusal_from(
            meeting=meeting,
            member=member_row,
            away=meeting.was_away,
            answered=meeting.has_answered,
            now=now,
        )
        if refusal is None:
            needs.append(
                Need(
                    title=str(
                        _("Four-principles check of %(meeting)s") % {"meeting": meeting.title}
                    ),
                    where=meeting.network.name,
                    link=reverse(
                        "programmes:leader_network_check",
                        args=[meeting.network.workspace.slug, meeting.network_id, meeting.pk],
                    ),
                    due_on=timezone.localdate(meeting.starts_at),
                )
            )
    return needs


def _agreements(user: User) -> list[Need]:
    accepted = AgreementAcceptance.objects.filter(
        profile=OuterRef("pk"), member__person__user=user, version=OuterRef("agreement_version")
    )
    profiles = (
        LeaderNetworkProfile.objects.filter(
            _member_of(user, "network"),
            _in_workspace(user, "network__workspace_id"),
            ~Exists(accepted),
            ~Q(agreement=""),
        )
        .select_related("network__workspace")
        .order_by("network__name", "pk")
    )
    return [
        Need(
            title=str(_("Agreement, version %(number)s") % {"number": p.agreement_version}),
            where=p.network.name,
            link=reverse(
                "programmes:leader_network_agreement",
                args=[p.network.workspace.slug, p.network_id],
            ),
        )
        for p in profiles
    ]


def _actions(user: User, today: date) -> list[Need]:
    actions = (
        Action.objects.filter(
            _in_workspace(user, "network__workspace_id"),
            owner__person__user=user,
            owner__left_on__isnull=True,
            status=ActionStatus.OPEN,
            due_on__lte=today + timedelta(days=ACTIONS_AHEAD_DAYS),
        )
        .select_related("network__workspace")
        .order_by("due_on", "pk")
    )
    return [
        Need(
            title=a.title,
            where=a.network.name,
            link=reverse("meetings:actions", args=[a.network.workspace.slug, a.network_id]),
            due_on=a.due_on,
            overdue=a.due_on is not None and a.due_on < today,
        )
        for a in actions
    ]


def _assignments(user: User) -> list[Need]:
    """Assignments of the user's running cohorts (as a participant) not yet handed in."""
    handed_in = Submission.objects.filter(
        assignment=OuterRef("pk"),
        enrolment_id=OuterRef("enrolment_id"),
        status=SubmissionStatus.SUBMITTED,
    )
    assignments = (
        Assignment.objects.filter(
            _in_workspace(user, "module__programme__workspace_id"),
            module__programme__cohorts__status=CohortStatus.OPEN,
            module__programme__cohorts__enrolments__person__user=user,
            module__programme__cohorts__enrolments__role=EnrolmentRole.PARTICIPANT,
        )
        .exclude(kind=AssignmentKind.SKILLS_MEASUREMENT)
        .annotate(
            enrolment_id=F("module__programme__cohorts__enrolments__pk"),
            cohort_id=F("module__programme__cohorts__pk"),
            cohort_name=F("module__programme__cohorts__name"),
            slug=F("module__programme__workspace__slug"),
        )
        .filter(~Exists(handed_in))
        .order_by("cohort_id", "module__number", "number", "pk")
    )
    return [
        Need(
            title=a.title,
            where=a.cohort_name,
            link=reverse("programmes:cohort_assignment", args=[a.slug, a.cohort_id, a.pk]),
        )
        for a in assignments
    ]


def _reviews(user: User) -> list[Need]:
    """Handed-in work in the user's running cohorts that they may give feedback on (as a
    facilitator, or in the participant's peer group: `rules.can_give_feedback`) and have not."""
    reviewer = Enrolment.objects.filter(
        Q(role=EnrolmentRole.FACILITATOR)
        | Q(peer_group__isnull=False, peer_group=OuterRef("enrolment__peer_group")),
        cohort=OuterRef("enrolment__cohort"),
        person__user=user,
    ).exclude(pk=OuterRef("enrolment"))
    given = SubmissionFeedback.objects.filter(submission=OuterRef("pk"), author__person__user=user)
    submissions = (
        Submission.objects.filter(
            Exists(reviewer),
            ~Exists(given),
            _in_workspace(user, "enrolment__cohort__programme__workspace_id"),
            status=SubmissionStatus.SUBMITTED,
            enrolment__cohort__status=CohortStatus.OPEN,
        )
        .select_related(
            "assignment", "enrolment__person", "enrolment__cohort__programme__workspace"
        )
        .order_by("submitted_at", "pk")
    )
    return [
        Need(
            title=str(
                _("%(assignment)s by %(name)s")
                % {"assignment": s.assignment.title, "name": s.enrolment.person.name}
            ),
            where=s.enrolment.cohort.name,
            link=reverse(
                "programmes:submission",
                args=[
                    s.enrolment.cohort.programme.workspace.slug,
                    s.enrolment.cohort_id,
                    s.pk,
                ],
            ),
        )
        for s in submissions
    ]


def _feedback(user: User, today: date) -> list[Need]:
    """Observer feedback others asked of the user (by their e-mail address), still open."""
    invitations = (
        ObserverInvitation.objects.filter(
            email__iexact=user.email,
            has_answered=False,
            request__closed_at__isnull=True,
            request__closes_on__gte=today,
        )
        .select_related("request__owner")
        .order_by("request__closes_on", "pk")
    )
    return [
        Need(
            title=str(_("Feedback for %(leader)s") % {"leader": i.request.owner.name}),
            where=i.request.title,
            link=reverse("development:observer_answer", args=[observer_token(i)]),
            due_on=i.request.closes_on,
        )
        for i in invitations
    ]


def needs_me(user: User, *, today: date | None = None) -> NeedsMe:
    """What waits for the user, one group per kind of thing, in a fixed number of queries."""
    today = today or timezone.localdate()
    return NeedsMe(
        groups=[
            NeedGroup("charters", _("Charter versions to respond to"), _charters(user)),
            NeedGroup("minutes", _("Minutes to approve"), _minutes(user)),
            NeedGroup("surveys", _("Surveys to answer"), _surveys(user, today)),
            NeedGroup("checks", _("Four-principles checks to give"), _checks(user)),
            NeedGroup("agreements", _("Agreements to accept"), _agreements(user)),
            NeedGroup("actions", _("Actions due"), _actions(user, today)),
            NeedGroup("assignments", _("Assignments to hand in"), _assignments(user)),
            NeedGroup("feedback", _("Feedback to give"), _feedback(user, today)),
            NeedGroup("reviews", _("Work to give feedback on"), _reviews(user)),
        ]
    )
