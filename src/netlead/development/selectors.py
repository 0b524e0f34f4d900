"""Reads of leader development: plain results for the pages, under the privacy rules. All
metrics come from netlead.analysis (feedback, personal, position)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.utils.translation import gettext

from netlead.analysis import feedback, personal, position
from netlead.core.language import active_language
from netlead.development import texts
from netlead.development.models import (
    Competence,
    CompetenceFramework,
    CompetenceScore,
    Contact,
    DevelopmentGoal,
    DevelopmentProfile,
    FeedbackRequest,
    GoalStatus,
    JournalEntry,
    NetworkAudit,
    NetworkKind,
    NetworkSnapshot,
    ObserverGroup,
    PlanAction,
    SelfAssessment,
)
from netlead.frameworks import competences as default_content
from netlead.networks.models import NetworkMember
from netlead.surveys.models import DiagnosisStatus, Instrument, RoundStatus, SurveyRound
from netlead.workspaces.models import Person, Workspace


def scale(language: str | None = None) -> tuple[default_content.ScalePoint, ...]:
    return default_content.competence_framework(language or active_language()).scale


def frameworks_of(workspace: Workspace) -> QuerySet[CompetenceFramework]:
    return workspace.competence_frameworks.annotate(size=Count("competences"))


def competences_of(framework: CompetenceFramework) -> list[Competence]:
    return list(framework.competences.select_related("framework").order_by("number"))


def workspace_competences(workspace: Workspace) -> QuerySet[Competence]:
    return Competence.objects.filter(framework__workspace=workspace).select_related("framework")


# -- Self-assessment -------------------------------------------------------------------------


def assessments_of(owner: Person) -> QuerySet[SelfAssessment]:
    return owner.self_assessments.select_related("framework")


def previous_assessment(assessment: SelfAssessment) -> SelfAssessment | None:
    """The owner's last completed assessment on the same framework before this one."""
    return (
        SelfAssessment.objects.filter(
            owner_id=assessment.owner_id,
            framework_id=assessment.framework_id,
            completed_at__isnull=False,
            started_at__lt=assessment.started_at,
        )
        .order_by("-started_at")
        .first()
    )


@dataclass(frozen=True)
class AssessmentRow:
    competence_id: int
    competence: default_content.Competence
    score: int | None
    previous: int | None
    reflection_1: str
    reflection_2: str

    @property
    def change(self) -> int | None:
        if self.score is None or self.previous is None:
            return None
        return self.score - self.previous


def assessment_rows(
    assessment: SelfAssessment, previous: SelfAssessment | None = None
) -> list[AssessmentRow]:
    language = active_language()
    before: dict[int, int | None] = {}
    if previous is not None:
        before = dict(previous.scores.values_list("competence_id", "score"))
    return [
        AssessmentRow(
            competence_id=row.competence_id,
            competence=row.competence.localized(language),
            score=row.score,
            previous=before.get(row.competence_id),
            reflection_1=row.reflection_1,
            reflection_2=row.reflection_2,
        )
        for row in assessment.scores.select_related("competence__framework").order_by(
            "competence__number"
        )
    ]


# -- Observer feedback -----------------------------------------------------------------------


def feedback_requests_of(owner: Person) -> QuerySet[FeedbackRequest]:
    return owner.feedback_requests.select_related("assessment__framework").annotate(
        invited=Count("invitations", distinct=True),
        answered=Count(
            "invitations", filter=Q(invitations__submitted_at__isnull=False), distinct=True
        ),
    )


@dataclass(frozen=True)
class GroupProgress:
    group: str
    label: str
    invited: int
    answered: int


def response_progress(request: FeedbackRequest) -> list[GroupProgress]:
    """How many were invited and how many answered, per group: never who answered."""
    counts: dict[str, tuple[int, int]] = {
        row["group"]: (row["invited"], row["answered"])
        for row in request.invitations.values("group").annotate(
            invited=Count("pk"), answered=Count("pk", filter=Q(submitted_at__isnull=False))
        )
    }
    return [
        GroupProgress(
            group=group.value,
            label=str(group.label),
            invited=counts[group.value][0],
            answered=counts[group.value][1],
        )
        for group in ObserverGroup
        if group.value in counts
    ]


def group_label(group: str) -> str:
    if group == feedback.ALL_OBSERVERS:
        return gettext("All observers")
    if group == feedback.SELF:
        return gettext("Self")
    return str(ObserverGroup(group).label)


@dataclass(frozen=True)
class FeedbackRow:
    competence: default_content.Competence
    self_score: int | None
    groups: list[float | None]
    all_observers: float | None
    gap: float | None
    hidden_strength: bool
    blind_spot: bool


@dataclass
class FeedbackView:
    report: feedback.FeedbackReport
    columns: list[str]  # labels of the groups shown on their own
    rows: list[FeedbackRow]
    merged: list[str]
    secondary: list[str]
    strengths: list[str]
    development_points: list[str]
    hidden_strengths: list[str]
    blind_spots: list[str]
    comments_strengths: list[str]
    comments_development: list[str]
    chart: dict[str, Any]
    respondents_by_group: list[tuple[str, int]] = field(default_factory=list)


def feedback_view(request: FeedbackRequest, *, manager_alone: bool = True) -> FeedbackView:
    """The feedback report of a request: self, manager and groups of at least k on their own,
    the rest only within all observers; comments unattributed and sorted, only with at least
    k observers."""
    language = active_language()
    k = request.owner.workspace.anonymity_threshold
    competences = competences_of(request.assessment.framework)
    keys = [c.key for c in competences]
    names = {c.key: c.localized(language).name for c in competences}
    self_scores: dict[str, int] | None = None
    if request.assessment.is_complete:
        self_scores = {
            key: score
            for key, score in request.assessment.scores.values_list("competence__key", "score")
            if score is not None
        }
    responses = list(
        request.responses.values("group", "scores", "shown_alone", "strengths", "development")
    )
    report = feedback.feedback_report(
        keys,
        self_scores,
        [
            feedback.ObserverResponse(
                group=r["group"],
                scores={key: int(v) for key, v in r["scores"].items() if key in names},
                # The manager agreed to be shown alone to the leader, not to anyone else.
                shown_alone=r["shown_alone"] and manager_alone,
            )
            for r in responses
        ],
        k=k,
    )
    gaps = {gap.competence: gap for gap in report.gaps}
    rows = [
        FeedbackRow(
            competence=c.localized(language),
            self_score=(self_scores or {}).get(c.key),
            groups=[g.means.get(c.key) for g in report.groups],
            all_observers=report.all_observers.means.get(c.key) if report.all_observers else None,
            gap=gaps[c.key].gap if c.key in gaps else None,
            hidden_strength=c.key in report.hidden_strengths,
            blind_spot=c.key in report.blind_spots,
        )
        for c in competences
    ]
    shown = report.all_observers is not None

    def comments(field_name: str) -> list[str]:
        # Sorted, so the order tells nothing about who wrote what or when.
        written = (str(r[field_name]) for r in responses)  # type: ignore[literal-required]
        return sorted((text for text in written if text), key=str.casefold)

    datasets: list[dict[str, Any]] = []
    if self_scores:
        datasets.append(
            {"label": group_label(feedback.SELF), "data": [self_scores.get(k_) for k_ in keys]}
        )
    if report.all_observers is not None:
        datasets.append(
            {
                "label": group_label(feedback.ALL_OBSERVERS),
                "data": [report.all_observers.means.get(k_) for k_ in keys],
            }
        )
    for group in report.groups:
        datasets.append(
            {"label": group_label(group.group), "data": [group.means.get(k_) for k_ in keys]}
        )
    return FeedbackView(
        report=report,
        columns=[group_label(g.group) for g in report.groups],
        rows=rows,
        merged=[group_label(g) for g in report.merged],
        secondary=[group_label(g) for g in report.secondary],
        strengths=[names[k_] for k_ in report.strengths],
        development_points=[names[k_] for k_ in report.development_points],
        hidden_strengths=[names[k_] for k_ in report.hidden_strengths],
        blind_spots=[names[k_] for k_ in report.blind_spots],
        comments_strengths=comments("strengths") if shown else [],
        comments_development=comments("development") if shown else [],
        chart={"labels": [names[k_] for k_ in keys], "datasets": datasets},
        respondents_by_group=[
            (group_label(g), n) for g, n in report.respondents_by_group.items() if n
        ],
    )


# -- Development plan and journal ------------------------------------------------------------


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


# -- Personal network ------------------------------------------------------------------------


def contacts_of(owner: Person) -> QuerySet[Contact]:
    return owner.contacts.all()


def _analysis_contacts(contacts: list[Contact]) -> list[personal.Contact]:
    return [
        personal.Contact(
            id=str(c.pk),
            kind=c.kind,
            internal=c.internal,
            level=c.level,
            function_area=c.function_area,
            organization="" if c.internal else c.organization.strip(),
            strength=c.strength,
            last_contact=c.last_contact,
        )
        for c in contacts
    ]


def _audit_of(owner: Person) -> list[NetworkAudit]:
    return list(owner.network_audits.all())


def network_summary(owner: Person, *, today: date) -> personal.PersonalNetworkSummary:
    profile = DevelopmentProfile.objects.filter(owner=owner).first()
    stale_after = profile.stale_after_days if profile else 90
    return personal.summarize(
        _analysis_contacts(list(contacts_of(owner))),
        today=today,
        stale_after_days=stale_after,
        audit=[
            personal.AuditRating(kind=a.kind, importance=a.importance, quality=a.quality)
            for a in _audit_of(owner)
        ],
    )


def summary_to_json(summary: personal.PersonalNetworkSummary) -> dict[str, Any]:
    """The figures of a summary worth keeping in a snapshot (no names, no ids)."""
    return {
        "contacts": summary.contacts,
        "balance": {b.kind: b.contacts for b in summary.balance},
        "external_share": summary.external_share,
        "strategic_share": summary.strategic_share,
        "strategic_external_share": summary.strategic_external_share,
        "function_areas": summary.function_areas,
        "organizations": summary.organizations,
        "stale": len(summary.stale),
    }


@dataclass(frozen=True)
class PlacedName:
    contact: Contact
    x: float
    y: float
    radius: float
    labelled: bool  # names only where a sector has room for them; the table lists all


@dataclass
class PersonalNetworkView:
    contacts: list[Contact]
    summary: personal.PersonalNetworkSummary
    suggestions: list[str]
    placed: list[PlacedName]
    sectors: list[tuple[str, str, str]]  # kind, label, SVG path
    stale: list[Contact]
    audit: dict[str, NetworkAudit]
    kinds: list[default_content.PersonalNetworkKind]
    snapshots: list[NetworkSnapshot]
    size: float


MAP_SIZE = 480.0
#: Above this many contacts in a sector, names on the map would overlap: the dots keep a
#: tooltip and the table below the map lists every contact.
LABELS_PER_SECTOR = 10


def personal_network(owner: Person, *, today: date) -> PersonalNetworkView:
    contacts = list(contacts_of(owner))
    by_id = {str(c.pk): c for c in contacts}
    summary = network_summary(owner, today=today)
    placed = personal.ego_layout(_analysis_contacts(contacts), size=MAP_SIZE)
    per_kind = {b.kind: b.contacts for b in summary.balance}
    labels = dict(NetworkKind.choices)
    return PersonalNetworkView(
        contacts=contacts,
        summary=summary,
        suggestions=[texts.suggestion_text(s.key, s.params) for s in summary.suggestions],
        placed=[
            PlacedName(by_id[p.id], p.x, p.y, p.radius, per_kind[p.kind] <= LABELS_PER_SECTOR)
            for p in placed
        ],
        sectors=[
            (kind, str(labels[kind]), personal.sector_path(kind, size=MAP_SIZE))
            for kind in personal.KINDS
        ],
        stale=[by_id[i] for i in summary.stale],
        audit={a.kind: a for a in _audit_of(owner)},
        kinds=list(default_content.personal_network_texts(active_language()).kinds),
        snapshots=list(owner.network_snapshots.all()[:6]),
        size=MAP_SIZE,
    )


# -- Position in networks --------------------------------------------------------------------


@dataclass(frozen=True)
class NetworkPosition:
    network_name: str
    round_title: str
    closed_on: date | None
    position: position.Position
    roles: list[tuple[str, str]]  # name and meaning of each role, "connected" when none


def network_positions(owner: Person) -> list[NetworkPosition]:
    """The leader's own position in each network they are a member of, from the latest closed
    relationship round (their own figures only; never anyone's answers)."""
    network_ids = list(
        NetworkMember.objects.current().filter(person=owner).values_list("network_id", flat=True)
    )
    rounds = (
        SurveyRound.objects.filter(
            network_id__in=network_ids,
            instrument=Instrument.RELATIONSHIPS,
            status=RoundStatus.CLOSED,
            diagnosis_status=DiagnosisStatus.READY,
        )
        .select_related("network")
        .order_by("network_id", "-closed_at")
    )
    latest: dict[int, SurveyRound] = {}
    for survey_round in rounds:
        latest.setdefault(survey_round.network_id, survey_round)
    result = []
    for survey_round in sorted(latest.values(), key=lambda r: r.network.name):
        # The stored JSON holds to_dict(diagnose(...)) under "diagnosis"; member ids are persons.
        stored = (survey_round.diagnosis or {}).get("diagnosis")
        found = position.member_position(stored, str(owner.pk)) if stored else None
        if found is None:
            continue
        result.append(
            NetworkPosition(
                network_name=survey_round.network.name,
                round_title=survey_round.title,
                closed_on=survey_round.closed_at.date() if survey_round.closed_at else None,
                position=found,
                roles=[texts.role_text(role) for role in found.roles or ("connected",)],
            )
        )
    return result


# -- Overview, report, cohort figures --------------------------------------------------------


def latest_complete(owner: Person) -> SelfAssessment | None:
    return assessments_of(owner).filter(completed_at__isnull=False).first()


def latest_feedback_with_answers(owner: Person, *, today: date) -> FeedbackRequest | None:
    """The newest closed request with answers (an open one has no report yet)."""
    return (
        owner.feedback_requests.select_related("assessment__framework", "owner__workspace")
        .filter(Q(closed_at__isnull=False) | Q(closes_on__lt=today), responses__isnull=False)
        .distinct()
        .first()
    )


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


def development_report(owner: Person, *, today: date, for_owner: bool) -> dict[str, Any]:
    """Everything of the leader development report. A shared report (for_owner=False) leaves
    out the journal, the personal network and the positions in networks."""
    latest = latest_complete(owner)
    previous = previous_assessment(latest) if latest else None
    request = latest_feedback_with_answers(owner, today=today)
    context: dict[str, Any] = {
        "owner": owner,
        "today": today,
        "latest": latest,
        "previous": previous,
        "rows": assessment_rows(latest, previous) if latest else [],
        "feedback_request": request,
        "feedback": feedback_view(request, manager_alone=for_owner) if request else None,
        "goals": list(goals_of(owner)),
        "for_owner": for_owner,
    }
    if for_owner:
        context["journal"] = list(journal_of(owner).filter(in_report=True))
        context["summary"] = network_summary(owner, today=today)
        context["suggestions"] = [
            texts.suggestion_text(s.key, s.params) for s in context["summary"].suggestions
        ]
        context["positions"] = network_positions(owner)
    return context
