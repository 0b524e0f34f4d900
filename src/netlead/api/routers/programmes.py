"""Programmes and cohorts. Programmes are for the workspace's owners and facilitators; a
cohort exists for the people enrolled in it; its progress and skills figures are for its
facilitators (figures only over k, as stored on the cohort). A participant sees what their
pages show: the cohort and their own progress."""

from datetime import date

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from netlead.api.context import member_of, scoped_user
from netlead.core.ids import Id
from netlead.programmes.access import cohort_for, programme_for
from netlead.programmes.models import (
    Cohort,
    CohortStatus,
    Enrolment,
    EnrolmentRole,
    Programme,
    ProgrammeKind,
)
from netlead.programmes.selectors import cohorts as selectors
from netlead.workspaces.access import MANAGERS, own_person

router = Router(tags=["programmes"])


class ProgrammeOut(Schema):
    id: int
    title: str
    kind: ProgrammeKind
    description: str
    language: str
    cohorts: int
    pairs: int


class CohortOut(Schema):
    id: int
    programme_id: int
    name: str
    starts_on: date
    ends_on: date
    status: CohortStatus
    network_id: Id = Field(description="the cohort's learning network: its sessions are meetings")


class ProgrammeCohortOut(CohortOut):
    participants: int


class ProgrammeDetailOut(ProgrammeOut):
    cohort_list: list[ProgrammeCohortOut]


class EnrolmentOut(Schema):
    cohort: CohortOut
    programme: str
    role: EnrolmentRole


class ModuleProgressOut(Schema):
    module_id: int
    number: int
    title: str
    lessons_done: int
    lessons: int
    handed_in: int
    assignments: int
    complete: bool


class CohortDetailOut(CohortOut):
    programme: str
    your_role: EnrolmentRole
    facilitators: list[str]
    participants: int | None = Field(description="for facilitators")
    your_progress: list[ModuleProgressOut] | None = Field(description="for participants")


class ParticipantProgressOut(Schema):
    enrolment_id: int
    name: str
    organization: str | None
    peer_group: int | None
    lessons_done: int
    handed_in: int
    modules: list[ModuleProgressOut]


class CompetenceFigureOut(Schema):
    competence: str
    name: str
    start_mean: float | None = Field(description="1-5; null where fewer than k count")
    end_mean: float | None
    change: float | None
    improved: int | None
    participants: int


class ChangeFiguresOut(Schema):
    participants: int
    shown: bool = Field(description="false: fewer than k pairs of measurements")
    rows: list[CompetenceFigureOut]


class FiguresOut(Schema):
    k: int
    started: int = Field(description="participants who completed the start measurement")
    start_closed: bool
    cohort_closed: bool
    start_participants: int
    start_shown: bool
    start: list[CompetenceFigureOut] | None = Field(
        description="null until the start measurement is closed"
    )
    change: ChangeFiguresOut | None = Field(description="null until the cohort has ended")
    change_held_back: bool = Field(
        description="the change is not shown: 1..k-1 of those measured at the start have no "
        "end measurement"
    )


class CohortProgressOut(Schema):
    cohort_id: int
    participants: list[ParticipantProgressOut]
    figures: FiguresOut


def _programme(p: Programme) -> ProgrammeOut:
    return ProgrammeOut(
        id=p.pk,
        title=p.title,
        kind=ProgrammeKind(p.kind),
        description=p.description,
        language=p.language,
        cohorts=p.cohort_count,  # type: ignore[attr-defined]
        pairs=p.pair_count,  # type: ignore[attr-defined]
    )


@router.get("/workspaces/{slug}/programmes", response=list[ProgrammeOut])
@paginate(LimitOffsetPagination)
def programmes(request: HttpRequest, slug: str) -> list[ProgrammeOut]:
    """The workspace's programmes (owners and facilitators)."""
    workspace = member_of(request, slug, *MANAGERS).workspace
    return [_programme(p) for p in selectors.programmes_of(workspace)]


def _cohort(c: Cohort) -> CohortOut:
    return CohortOut(
        id=c.pk,
        programme_id=c.programme_id,
        name=c.name,
        starts_on=c.starts_on,
        ends_on=c.ends_on,
        status=CohortStatus(c.status),
        network_id=c.network_id,
    )


@router.get("/workspaces/{slug}/programmes/{programme_id}", response=ProgrammeDetailOut)
def programme(request: HttpRequest, slug: str, programme_id: Id) -> ProgrammeDetailOut:
    _membership, found = programme_for(scoped_user(request, slug), slug, programme_id)
    counted = selectors.programmes_of(found.workspace).get(pk=found.pk)
    return ProgrammeDetailOut(
        **_programme(counted).model_dump(),
        cohort_list=[
            ProgrammeCohortOut(
                **_cohort(c).model_dump(),
                participants=c.participants,  # type: ignore[attr-defined]
            )
            for c in selectors.cohorts_of(found)
        ],
    )


@router.get("/workspaces/{slug}/cohorts", response=list[EnrolmentOut])
@paginate(LimitOffsetPagination)
def cohorts(request: HttpRequest, slug: str) -> list[EnrolmentOut]:
    """The cohorts you are enrolled in, as a participant or a facilitator."""
    person = own_person(member_of(request, slug))
    if person is None:
        return []
    return [
        EnrolmentOut(
            cohort=_cohort(e.cohort), programme=e.cohort.programme.title, role=EnrolmentRole(e.role)
        )
        for e in selectors.enrolments_of(person)
    ]


def _modules(row: selectors.ParticipantProgress) -> list[ModuleProgressOut]:
    return [
        ModuleProgressOut(
            module_id=m.module.pk,
            number=m.module.number,
            title=m.module.title,
            lessons_done=m.lessons_done,
            lessons=m.lessons,
            handed_in=m.handed_in,
            assignments=m.assignments,
            complete=m.complete,
        )
        for m in row.modules
    ]


@router.get("/workspaces/{slug}/cohorts/{cohort_id}", response=CohortDetailOut)
def cohort(request: HttpRequest, slug: str, cohort_id: Id) -> CohortDetailOut:
    """A cohort you are enrolled in: for facilitators with its number of participants, for
    participants with their own progress, as on the cohort's page."""
    access = cohort_for(scoped_user(request, slug), slug, cohort_id)
    found = access.cohort
    facilitating = access.is_facilitator
    return CohortDetailOut(
        **_cohort(found).model_dump(),
        programme=found.programme.title,
        your_role=EnrolmentRole(access.enrolment.role),
        facilitators=[e.person.name for e in selectors.facilitators(found)],
        participants=len(selectors.participants(found)) if facilitating else None,
        your_progress=None
        if facilitating
        else _modules(selectors.progress(found, [access.enrolment])[0]),
    )


def _participant(row: selectors.ParticipantProgress) -> ParticipantProgressOut:
    e: Enrolment = row.enrolment
    organization = e.person.organization
    return ParticipantProgressOut(
        enrolment_id=e.pk,
        name=e.person.name,
        organization=organization.name if organization else None,
        peer_group=e.peer_group,
        lessons_done=row.lessons_done,
        handed_in=row.handed_in,
        modules=_modules(row),
    )


def _figure(f: selectors.CompetenceFigure) -> CompetenceFigureOut:
    return CompetenceFigureOut(
        competence=f.competence,
        name=f.name,
        start_mean=f.start_mean,
        end_mean=f.end_mean,
        change=f.change,
        improved=f.improved,
        participants=f.participants,
    )


def _figures(f: selectors.MeasurementFigures) -> FiguresOut:
    change = f.change
    return FiguresOut(
        k=f.k,
        started=f.started,
        start_closed=f.start_closed,
        cohort_closed=f.cohort_closed,
        start_participants=f.start_participants,
        start_shown=f.start_shown,
        start=None if f.start_rows is None else [_figure(r) for r in f.start_rows],
        change=None
        if change is None
        else ChangeFiguresOut(
            participants=change.participants,
            shown=change.shown,
            rows=[_figure(r) for r in change.rows],
        ),
        change_held_back=f.change_held_back,
    )


@router.get("/workspaces/{slug}/cohorts/{cohort_id}/progress", response=CohortProgressOut)
def cohort_progress(request: HttpRequest, slug: str, cohort_id: Id) -> CohortProgressOut:
    """Each participant's progress and the cohort's skills figures (facilitators of the
    cohort): the figures stored when the start measurement closed and when the cohort ended,
    means only over at least k participants, never anyone's own self-assessment."""
    access = cohort_for(scoped_user(request, slug), slug, cohort_id, facilitator=True)
    found = access.cohort
    return CohortProgressOut(
        cohort_id=found.pk,
        participants=[
            _participant(row) for row in selectors.progress(found, selectors.participants(found))
        ],
        figures=_figures(selectors.measurement_figures(found)),
    )
