"""Observer feedback: progress per group while a request is open, and its report once it
has closed (netlead.analysis.feedback: groups of at least k, merging, gaps)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext

from netlead.analysis import feedback
from netlead.core.language import active_language
from netlead.development.models import FeedbackRequest, ObserverGroup
from netlead.development.selectors.frameworks import competences_of
from netlead.frameworks import competences as default_content
from netlead.workspaces.models import Person


def feedback_requests_of(owner: Person) -> QuerySet[FeedbackRequest]:
    return owner.feedback_requests.select_related("assessment__framework").annotate(
        invited=Count("invitations", distinct=True),
        answered=Count("invitations", filter=Q(invitations__has_answered=True), distinct=True),
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
            invited=Count("pk"), answered=Count("pk", filter=Q(has_answered=True))
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


def latest_feedback_with_answers(owner: Person, *, today: date) -> FeedbackRequest | None:
    """The newest closed request with answers (an open one has no report yet)."""
    return (
        owner.feedback_requests.select_related("assessment__framework", "owner__workspace")
        .filter(Q(closed_at__isnull=False) | Q(closes_on__lt=today), responses__isnull=False)
        .distinct()
        .first()
    )
