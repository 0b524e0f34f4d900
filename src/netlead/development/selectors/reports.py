"""The development report (the leader's own or one they share) and the facilitators' cohort
figures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from netlead.analysis import personal
from netlead.core.language import active_language
from netlead.development import texts
from netlead.development.models import (
    CompetenceFramework,
    CompetenceScore,
    DevelopmentGoal,
    FeedbackRequest,
    JournalEntry,
    SelfAssessment,
)
from netlead.development.selectors.assessments import (
    AssessmentRow,
    assessment_rows,
    latest_complete,
    previous_assessment,
)
from netlead.development.selectors.feedback import (
    FeedbackView,
    feedback_view,
    latest_feedback_with_answers,
)
from netlead.development.selectors.frameworks import competences_of
from netlead.development.selectors.personal_network import network_summary
from netlead.development.selectors.plan import goals_of, journal_of
from netlead.development.selectors.positions import NetworkPosition, network_positions
from netlead.frameworks import competences as default_content
from netlead.workspaces.models import Person, Workspace


@dataclass(frozen=True)
class CohortRow:
    competence: default_content.Competence
    mean: float | None
    leaders: int


@dataclass
class CohortFigures:
    leaders: int
    k: int
    rows: list[CohortRow]
    shared: list[Person]


def cohort_figures(workspace: Workspace, framework: CompetenceFramework) -> CohortFigures:
    """Mean of each leader's latest completed self-assessment on `framework`, only when at
    least k leaders have one; plus the leaders who chose to share their report."""
    language = active_language()
    k = workspace.anonymity_threshold
    latest: dict[int, int] = {}
    for assessment_id, owner_id in (
        SelfAssessment.objects.filter(framework=framework, completed_at__isnull=False)
        .order_by("owner_id", "-started_at")
        .values_list("pk", "owner_id")
    ):
        latest.setdefault(owner_id, assessment_id)
    totals: dict[int, list[int]] = defaultdict(list)
    if len(latest) >= k:
        for competence_id, score in CompetenceScore.objects.filter(
            assessment_id__in=latest.values(), score__isnull=False
        ).values_list("competence_id", "score"):
            if score is not None:
                totals[competence_id].append(score)
    rows = [
        CohortRow(
            competence=c.localized(language),
            mean=sum(totals[c.pk]) / len(totals[c.pk]) if totals[c.pk] else None,
            leaders=len(totals[c.pk]),
        )
        for c in competences_of(framework)
    ]
    shared = list(
        workspace.persons.filter(development_profile__report_shared=True)
        .select_related("organization")
        .order_by("name")
    )
    return CohortFigures(leaders=len(latest), k=k, rows=rows, shared=shared)


@dataclass(frozen=True, slots=True)
class DevelopmentReport:
    """The leader development report. A shared report (`for_owner` false) holds no journal,
    no personal network and no positions in networks: those fields stay empty."""

    owner: Person
    today: date
    for_owner: bool
    #: The latest completed self-assessment, the one before it, and their rows.
    latest: SelfAssessment | None
    previous: SelfAssessment | None
    rows: tuple[AssessmentRow, ...]
    #: The newest closed feedback request with answers, and its report.
    feedback_request: FeedbackRequest | None
    feedback: FeedbackView | None
    goals: tuple[DevelopmentGoal, ...]
    #: The owner's own report only.
    journal: tuple[JournalEntry, ...] = ()
    summary: personal.PersonalNetworkSummary | None = None
    suggestions: tuple[str, ...] = ()
    positions: tuple[NetworkPosition, ...] = ()


def development_report(owner: Person, *, today: date, for_owner: bool) -> DevelopmentReport:
    """Everything of the leader development report. A shared report (for_owner=False) leaves
    out the journal, the personal network and the positions in networks."""
    latest = latest_complete(owner)
    previous = previous_assessment(latest) if latest else None
    request = latest_feedback_with_answers(owner, today=today)
    summary = network_summary(owner, today=today) if for_owner else None
    return DevelopmentReport(
        owner=owner,
        today=today,
        for_owner=for_owner,
        latest=latest,
        previous=previous,
        rows=tuple(assessment_rows(latest, previous)) if latest else (),
        feedback_request=request,
        feedback=feedback_view(request, manager_alone=for_owner) if request else None,
        goals=tuple(goals_of(owner)),
        journal=tuple(journal_of(owner).filter(in_report=True)) if for_owner else (),
        summary=summary,
        suggestions=tuple(texts.suggestion_text(s.key, s.params) for s in summary.suggestions)
        if summary
        else (),
        positions=tuple(network_positions(owner)) if for_owner else (),
    )
