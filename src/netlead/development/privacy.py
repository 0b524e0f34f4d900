"""The development app's part of the privacy rights (see netlead.privacy.parts).

A copy holds the leader's own development data and, for each closed feedback request, the report
as its page shows it: means per group of at least k observers, never a single observer's answer
and not the free-text comments (they are the observers' words). Erasure deletes all of the
person's development data: it is theirs alone. Cohort figures already stored stay as they are."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netlead.accounts.models import User
from netlead.development.models import (
    CompetenceFramework,
    CompetenceScore,
    Contact,
    DevelopmentGoal,
    DevelopmentProfile,
    FeedbackRequest,
    JournalEntry,
    NetworkAudit,
    NetworkSnapshot,
    ObserverInvitation,
    PlanAction,
    ProgressNote,
    SelfAssessment,
)
from netlead.development.selectors.feedback import feedback_view
from netlead.privacy.parts import Line, Table, count_line, retire_tokens, table
from netlead.workspaces.models import Person


def _reports(persons: Sequence[Person]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    requests = FeedbackRequest.objects.filter(owner__in=persons).select_related(
        "owner__workspace", "assessment__framework"
    )
    for feedback_request in requests.order_by("pk"):
        if not feedback_request.is_closed:
            continue
        view = feedback_view(feedback_request)
        for row in view.rows:
            shown = {
                str(_("All observers")): row.all_observers,
                **dict(zip(view.columns, row.groups, strict=True)),
            }
            for group, mean in shown.items():
                rows.append(
                    {
                        "request": feedback_request.title,
                        "competence": row.competence.name,
                        "self_score": row.self_score,
                        "group": group,
                        "mean": None if mean is None else round(mean, 2),
                    }
                )
    return rows


def data_of(user: User, persons: Sequence[Person]) -> list[Table]:
    return [
        table(
            "development_profile",
            gettext_lazy("Your development settings."),
            DevelopmentProfile.objects.filter(owner__in=persons),
            ["owner__workspace__name", "report_shared", "stale_after_days"],
        ),
        table(
            "development_self_assessments",
            gettext_lazy("Your self-assessments."),
            SelfAssessment.objects.filter(owner__in=persons),
            ["id", "owner__workspace__name", "started_at", "completed_at"],
        ),
        table(
            "development_scores",
            gettext_lazy("Your scores in your self-assessments."),
            CompetenceScore.objects.filter(assessment__owner__in=persons),
            ["assessment_id", "competence__key", "score"],
        ),
        table(
            "development_feedback_requests",
            gettext_lazy("Your requests for observer feedback."),
            FeedbackRequest.objects.filter(owner__in=persons),
            ["title", "message", "closes_on", "closed_at", "created_at"],
        ),
        table(
            "development_observers",
            gettext_lazy("The observers you asked (not whether each of them answered)."),
            ObserverInvitation.objects.filter(request__owner__in=persons),
            ["request__title", "group", "name", "email", "sent_at"],
        ),
        table(
            "development_feedback_reports",
            gettext_lazy(
                "Your feedback reports as you see them: means per group of at least k "
                "observers, never a single observer's answer."
            ),
            _reports(persons),
            labels={
                "request": gettext_lazy("feedback request"),
                "competence": gettext_lazy("competence"),
                "self_score": gettext_lazy("your own score"),
                "group": gettext_lazy("observer group"),
                "mean": gettext_lazy("mean score of the group"),
            },
        ),
        table(
            "development_goals",
            gettext_lazy("Your development goals."),
            DevelopmentGoal.objects.filter(owner__in=persons),
            ["id", "title", "competence__key", "why", "support_needed", "review_on", "status"],
        ),
        table(
            "development_plan_actions",
            gettext_lazy("The actions of your development plan."),
            PlanAction.objects.filter(goal__owner__in=persons),
            ["goal_id", "title", "due_on", "done_on"],
        ),
        table(
            "development_progress_notes",
            gettext_lazy("Your progress notes."),
            ProgressNote.objects.filter(goal__owner__in=persons),
            ["goal_id", "written_on", "text"],
        ),
        table(
            "development_journal",
            gettext_lazy("Your reflection journal."),
            JournalEntry.objects.filter(owner__in=persons),
            ["written_on", "title", "text", "meeting__title", "competence__key", "in_report"],
        ),
        table(
            "development_contacts",
            gettext_lazy("Your personal network: the contacts you entered."),
            Contact.objects.filter(owner__in=persons),
            [
                "name",
                "organization",
                "internal",
                "level",
                "function_area",
                "kind",
                "strength",
                "last_contact",
                "frequency",
                "note",
            ],
        ),
        table(
            "development_network_audits",
            gettext_lazy("Your assessments of your own networks."),
            NetworkAudit.objects.filter(owner__in=persons),
            ["kind", "importance", "quality", "updated_at"],
        ),
        table(
            "development_network_snapshots",
            gettext_lazy("Snapshots of your personal network's figures."),
            NetworkSnapshot.objects.filter(owner__in=persons),
            ["taken_on", "summary"],
        ),
    ]


def erasure_of(person: Person) -> list[Line]:
    return [
        count_line(_("Self-assessments"), SelfAssessment.objects.filter(owner=person)),
        count_line(
            _("Feedback requests, with their observers and answers"),
            FeedbackRequest.objects.filter(owner=person),
        ),
        count_line(
            _("Development goals, with their actions and notes"),
            DevelopmentGoal.objects.filter(owner=person),
        ),
        count_line(_("Journal entries"), JournalEntry.objects.filter(owner=person)),
        count_line(_("Contacts of the personal network"), Contact.objects.filter(owner=person)),
    ]


def erase(person: Person) -> None:
    # Feedback requests first: they hold on to their self-assessment.
    FeedbackRequest.objects.filter(owner=person).delete()
    JournalEntry.objects.filter(owner=person).delete()
    DevelopmentGoal.objects.filter(owner=person).delete()
    SelfAssessment.objects.filter(owner=person).delete()
    Contact.objects.filter(owner=person).delete()
    NetworkAudit.objects.filter(owner=person).delete()
    NetworkSnapshot.objects.filter(owner=person).delete()
    DevelopmentProfile.objects.filter(owner=person).delete()
    if person.user_id:
        CompetenceFramework.objects.filter(
            workspace_id=person.workspace_id, created_by_id=person.user_id
        ).update(created_by=None)


def apply_retention(workspace_id: int, closed_before: datetime) -> int:
    """Switch off the observer links of feedback requests that closed before `closed_before`
    (the answers, which never pointed to an invitation, stay for the leader's report)."""
    return retire_tokens(
        ObserverInvitation.objects.filter(
            request__owner__workspace_id=workspace_id,
            request__closes_on__lt=closed_before.date(),
        )
    )
