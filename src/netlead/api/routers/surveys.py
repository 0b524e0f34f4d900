"""Survey rounds of a network with their response counts, and a closed round's results: the
same selectors and privacy as the pages (aggregates over k, names only of members who agreed,
never who answered an anonymous round). Reading results is recorded by the access function."""

from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from netlead.api.context import network_of, scoped_user
from netlead.core.ids import Id
from netlead.core.language import active_language
from netlead.surveys import selectors, texts
from netlead.surveys.access import round_of, round_results_for
from netlead.surveys.models import DiagnosisStatus, Instrument, RoundStatus, SurveyRound
from netlead.surveys.readmodels import RatingAggregate, read_diagnosis

router = Router(tags=["surveys"])


class Names(StrEnum):
    SHOWN = "shown"
    HIDDEN = "hidden"


class RoundOut(Schema):
    id: int
    title: str
    instrument: Instrument
    status: RoundStatus
    anonymous: bool
    opens_on: date | None
    closes_on: date
    opened_at: datetime | None
    closed_at: datetime | None
    invited: int
    answered: int
    has_results: bool
    diagnosis_status: DiagnosisStatus


class GroupProgressOut(Schema):
    organization: str
    invited: int
    answered: int


class RoundDetailOut(RoundOut):
    by_organization: list[GroupProgressOut]
    not_answered: list[str] | None = Field(
        description="who has not answered yet: only for editors, never in an anonymous round"
    )


class FigureOut(Schema):
    key: str
    label: str
    value: float | None = Field(description="null where the figure is undefined")
    shown: str = Field(description="the value as the results page shows it")


class AggregateOut(Schema):
    label: str
    raters: int
    ratings: int
    trust: float | None = Field(description="mean 1-4; null when fewer than k rated")
    value: float | None = Field(description="mean 1-4; null when fewer than k rated")
    suppressed: str | None


class OrganizationTiesOut(Schema):
    organization: str
    ties_to: list[int] = Field(description="ties named to each of `organizations`, in order")


class RelationshipResultsOut(Schema):
    k: int
    figures: list[FigureOut]
    findings: list[str]
    suggestions: list[str]
    ratings: list[AggregateOut]
    organizations: list[str]
    matrix: list[OrganizationTiesOut]


class DimensionOut(Schema):
    key: str
    name: str
    mean: float | None = Field(description="mean 1-5; null when fewer than k answered")
    shown: str
    band: str | None
    band_label: str
    respondents: int


class HealthGroupOut(Schema):
    name: str
    respondents: int
    scores: list[DimensionOut]
    reason: str = Field(description="why no scores are shown, or empty")


class HealthChangeOut(Schema):
    name: str
    before: str
    after: str
    change: str


class HealthResultsOut(Schema):
    k: int
    respondents: int
    reason: str = Field(description="why nothing is shown (fewer than k answered), or empty")
    dimensions: list[DimensionOut]
    by_organization: list[HealthGroupOut]
    by_layer: list[HealthGroupOut]
    changes: list[HealthChangeOut]


class ResultsOut(Schema):
    round_id: int
    instrument: Instrument
    relationships: RelationshipResultsOut | None
    health: HealthResultsOut | None


def _round(r: SurveyRound, invited: int, answered: int) -> RoundOut:
    return RoundOut(
        id=r.pk,
        title=r.title,
        instrument=Instrument(r.instrument),
        status=RoundStatus(r.status),
        anonymous=r.anonymous,
        opens_on=r.opens_on,
        closes_on=r.closes_on,
        opened_at=r.opened_at,
        closed_at=r.closed_at,
        invited=invited,
        answered=answered,
        has_results=r.has_results,
        diagnosis_status=DiagnosisStatus(r.diagnosis_status),
    )


@router.get("/workspaces/{slug}/networks/{network_id}/surveys", response=list[RoundOut])
@paginate(LimitOffsetPagination)
def rounds(request: HttpRequest, slug: str, network_id: Id) -> list[RoundOut]:
    """The network's rounds, newest first; drafts only for those who can edit the network."""
    access = network_of(request, slug, network_id)
    return [
        _round(r, r.invited, r.answered)  # type: ignore[attr-defined]
        for r in selectors.rounds_of(access.network, include_drafts=access.can_edit)
    ]


@router.get("/workspaces/{slug}/networks/{network_id}/surveys/{pk}", response=RoundDetailOut)
def survey_round(request: HttpRequest, slug: str, network_id: Id, pk: Id) -> RoundDetailOut:
    """Response counts per organization. Who has not answered yet only for editors of a round
    that is not anonymous, as on the round's page."""
    access = network_of(request, slug, network_id)
    found = round_of(access, pk)
    progress = selectors.progress(found, show_names=access.can_edit)
    return RoundDetailOut(
        **_round(found, progress.invited, progress.answered).model_dump(),
        by_organization=[
            GroupProgressOut(organization=g.organization, invited=g.invited, answered=g.answered)
            for g in progress.by_organization
        ],
        not_answered=progress.not_answered,
    )


def _aggregate(label: str, a: RatingAggregate) -> AggregateOut:
    return AggregateOut(
        label=label,
        raters=a.raters,
        ratings=a.ratings,
        trust=a.trust,
        value=a.value,
        suppressed=a.suppressed,
    )


def _relationships(
    found: SurveyRound, data: Mapping[str, Any], pseudonymised: bool
) -> RelationshipResultsOut:
    diagnosis = read_diagnosis(data)
    labels = selectors.MemberLabels(found, pseudonymised=pseudonymised)
    names, matrix = selectors.organization_matrix(diagnosis)
    figures = zip(texts.NETWORK_METRICS, selectors.network_figures(diagnosis), strict=True)
    return RelationshipResultsOut(
        k=diagnosis.k,
        figures=[
            FigureOut(key=key, label=label, value=diagnosis.network.value(key), shown=shown)
            for key, (label, shown) in figures
        ],
        findings=selectors.findings(diagnosis, labels),
        suggestions=selectors.suggestions(diagnosis, labels),
        ratings=[
            _aggregate(row.label, row.aggregate) for row in selectors.rating_summary(diagnosis)
        ],
        organizations=names,
        matrix=[
            OrganizationTiesOut(organization=name, ties_to=row)
            for name, row in zip(names, matrix, strict=True)
        ],
    )


def _dimensions(rows: list[selectors.HealthDimension]) -> list[DimensionOut]:
    return [
        DimensionOut(
            key=d.key,
            name=d.name,
            mean=d.mean,
            shown=d.shown,
            band=d.band,
            band_label=d.band_label,
            respondents=d.respondents,
        )
        for d in rows
    ]


def _groups(rows: list[selectors.HealthGroup]) -> list[HealthGroupOut]:
    return [
        HealthGroupOut(
            name=g.name, respondents=g.respondents, scores=_dimensions(g.scores), reason=g.reason
        )
        for g in rows
    ]


def _health(data: Mapping[str, Any]) -> HealthResultsOut:
    dashboard = selectors.health_dashboard(data, active_language())
    return HealthResultsOut(
        k=dashboard.k,
        respondents=dashboard.respondents,
        reason=dashboard.reason,
        dimensions=_dimensions(dashboard.dimensions),
        by_organization=_groups(dashboard.by_organization),
        by_layer=_groups(dashboard.by_layer),
        changes=[
            HealthChangeOut(name=c.name, before=c.before, after=c.after, change=c.change)
            for c in dashboard.changes
        ],
    )


@router.get("/workspaces/{slug}/networks/{network_id}/surveys/{pk}/results", response=ResultsOut)
def results(
    request: HttpRequest, slug: str, network_id: Id, pk: Id, names: Names = Names.SHOWN
) -> ResultsOut:
    """A closed round's results, as its results page shows them: figures, findings and
    suggestions of a relationship round (members who chose not to be named, and everyone with
    `names=hidden`, as numbered members of their organization), or a health round's scores.
    The read is recorded in the workspace's audit trail."""
    _access, found = round_results_for(
        scoped_user(request, slug),
        slug,
        network_id,
        pk,
        what="api results",
        path=request.get_full_path(),
    )
    data: Mapping[str, Any] = found.diagnosis or {}  # never empty: round_results_for checks
    if found.is_health:
        return ResultsOut(
            round_id=found.pk,
            instrument=Instrument.HEALTH,
            relationships=None,
            health=_health(data),
        )
    return ResultsOut(
        round_id=found.pk,
        instrument=Instrument.RELATIONSHIPS,
        relationships=_relationships(found, data, names == Names.HIDDEN),
        health=None,
    )
