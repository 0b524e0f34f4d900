"""The development plan and the journal."""

from __future__ import annotations

from django.db.models import Case, Prefetch, QuerySet, Value, When

from netlead.development.models import DevelopmentGoal, GoalStatus, JournalEntry, PlanAction
from netlead.workspaces.models import Person


def goals_of(owner: Person) -> QuerySet[DevelopmentGoal]:
    """Goals being worked on first, then paused, then achieved."""
    rank = Case(
        When(status=GoalStatus.ACTIVE, then=Value(0)),
        When(status=GoalStatus.PAUSED, then=Value(1)),
        default=Value(2),
    )
    goals = owner.development_goals.order_by(rank, "review_on", "created_at")
    return goals.select_related("competence__framework").prefetch_related(
        Prefetch("actions", queryset=PlanAction.objects.prefetch_related("contacts")),
        "notes",
    )


def actions_of(owner: Person) -> QuerySet[PlanAction]:
    return PlanAction.objects.filter(goal__owner=owner).select_related("goal")


def journal_of(owner: Person) -> QuerySet[JournalEntry]:
    return owner.journal_entries.select_related(
        "meeting__network", "competence__framework", "action"
    )
