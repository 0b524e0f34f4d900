"""The programmes app's pure checks (no queries), shared by services, selectors and views: the
size of a confidential leader network, who is next in turn for a meeting role, the rules of the
four-principles check, peer-group sizes and who gives feedback on a participant's work.

A meeting's four-principles check is open for CHECK_OPEN_DAYS after it ends; its figures are
shown only once it has closed (see services/leader_networks.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.meetings.models import AttendanceStatus, Meeting
from netlead.networks.models import NetworkKind, NetworkMember
from netlead.programmes.models import (
    Enrolment,
    EnrolmentRole,
    LeaderNetworkProfile,
    Submission,
)
from netlead.programmes.models.leader_networks import CONFIDENTIAL_SIZE

__all__ = [
    "AWAY",
    "CHECK_OPEN_DAYS",
    "CONFIDENTIAL_SIZE",
    "PEER_GROUP_SIZES",
    "TOO_LARGE",
    "TOO_SMALL",
    "can_give_feedback",
    "check_closes_at",
    "check_refusal_from",
    "least_recent",
    "size_guidance",
]

#: How long after a meeting ends its four-principles check stays open.
CHECK_OPEN_DAYS = 7
TOO_SMALL = "too_small"
TOO_LARGE = "too_large"

#: The sizes of peer groups a facilitator can make.
PEER_GROUP_SIZES = (2, 3, 4)


# -- Leader networks -----------------------------------------------------------------------


def size_guidance(profile: LeaderNetworkProfile, member_count: int) -> str | None:
    """TOO_SMALL or TOO_LARGE when a confidential group is outside CONFIDENTIAL_SIZE (8 to 20
    people: enough for varied cases, few enough for trust); None otherwise."""
    if not profile.is_confidential:
        return None
    low, high = CONFIDENTIAL_SIZE
    if member_count < low:
        return TOO_SMALL
    if member_count > high:
        return TOO_LARGE
    return None


def least_recent(members: list[NetworkMember], last: Mapping[int, datetime]) -> list[NetworkMember]:
    """Members who never had the role first (by name), then whoever had it longest ago."""
    return sorted(
        members,
        key=lambda m: (
            last.get(m.pk, datetime.min.replace(tzinfo=UTC)),
            m.person.name.casefold(),
            m.pk,
        ),
    )


# -- The four-principles check -------------------------------------------------------------


def check_closes_at(meeting: Meeting) -> datetime:
    return meeting.ends_at + timedelta(days=CHECK_OPEN_DAYS)


#: Attendance that means the member was not at the meeting (so has nothing to score).
AWAY = (AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED)


def check_refusal_from(
    *, meeting: Meeting, member: NetworkMember, away: bool, answered: bool, now: datetime
) -> str | None:
    """The rules of the four-principles check, over facts already loaded (no query): why
    `member` cannot give the check of `meeting` at `now`, given whether their attendance says
    they were `away` and whether they `answered` already; None if they can. `meeting.network`
    must be loaded. `services.check_refusal` and the selector `checks_open_for` both decide with it."""
    if member.network_id != meeting.network_id or member.left_on is not None:
        return _("Only current members of this leader network can give the check.")
    if meeting.network.kind != NetworkKind.LEADER_NETWORK:
        return _("This meeting is not a meeting of a leader network.")
    if meeting.is_cancelled:
        return _("This meeting was cancelled: there is nothing to check.")
    if meeting.ends_at > now:
        return _("The check opens when the meeting has ended.")
    if now > check_closes_at(meeting):
        return _("The check of this meeting has closed.")
    if member.joined_on > timezone.localdate(meeting.starts_at):
        return _("You joined after this meeting.")
    if away:
        return _("You were not at this meeting.")
    if answered:
        return _("You have given the check of this meeting already.")
    return None


# -- Cohorts ---------------------------------------------------------------------------------


def can_give_feedback(submission: Submission, author: Enrolment) -> bool:
    """Facilitators of the cohort, and the participant's peer group (not the participant)."""
    owner = submission.enrolment
    if author.cohort_id != owner.cohort_id or author.pk == owner.pk:
        return False
    if author.role == EnrolmentRole.FACILITATOR:
        return True
    return owner.peer_group is not None and author.peer_group == owner.peer_group
