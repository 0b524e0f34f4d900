"""Reads of mentoring. The facilitator's view of a programme is built from plain rows that hold
no text the pair wrote (goals, meeting notes, reflections), so no page can show it by mistake."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet

from netlead.accounts.models import User
from netlead.programmes.models import MentoringMeeting, MentoringPair, PairStatus, Programme
from netlead.workspaces.models import Person, Workspace


@dataclass(frozen=True)
class PairSummary:
    """What a facilitator sees of a pair: who, the status and how many meetings."""

    pk: int
    mentor: str
    mentee: str
    status: str
    status_label: str
    mentor_accepted: bool
    mentee_accepted: bool
    meeting_count: int
    proposed_at: datetime
    closed_at: datetime | None


def pairs_of_programme(programme: Programme) -> list[PairSummary]:
    """The programme's pairs with their meeting counts, in one query."""
    rows = (
        MentoringPair.objects.filter(programme=programme)
        .annotate(meeting_count=Count("meetings"))
        .values(
            "pk",
            "mentor__name",
            "mentee__name",
            "status",
            "mentor_accepted_at",
            "mentee_accepted_at",
            "meeting_count",
            "proposed_at",
            "closed_at",
        )
        .order_by("-proposed_at", "-pk")
    )
    labels = dict(PairStatus.choices)
    return [
        PairSummary(
            pk=row["pk"],
            mentor=row["mentor__name"],
            mentee=row["mentee__name"],
            status=row["status"],
            status_label=str(labels.get(row["status"], row["status"])),
            mentor_accepted=row["mentor_accepted_at"] is not None,
            mentee_accepted=row["mentee_accepted_at"] is not None,
            meeting_count=row["meeting_count"],
            proposed_at=row["proposed_at"],
            closed_at=row["closed_at"],
        )
        for row in rows
    ]


def pairs_of_user(workspace: Workspace, user: User) -> QuerySet[MentoringPair]:
    """ "My pairs": the pairs in the workspace where the user is the mentor or the mentee."""
    return (
        MentoringPair.objects.filter(programme__workspace=workspace)
        .filter(Q(mentor__user=user) | Q(mentee__user=user))
        .select_related("programme", "mentor", "mentee")
        .annotate(meeting_count=Count("meetings"))
        .order_by("-proposed_at", "-pk")
    )


def meetings_of(pair: MentoringPair) -> QuerySet[MentoringMeeting]:
    return pair.meetings.order_by("-held_on", "-pk")


def pair_candidates(workspace: Workspace) -> QuerySet[Person]:
    """Persons who can take part in a pair: linked to an active account that belongs to the
    workspace (only they can open the pair's page to accept)."""
    return (
        workspace.persons.filter(user__is_active=True, user__memberships__workspace=workspace)
        .select_related("organization")
        .order_by("name", "pk")
    )
