"""The caller's own leader development: self-assessments and the development plan (goals,
their actions and progress notes). Only ever the caller's own: everything is looked up through
their own person in the workspace (`development.access.leader_for`), as on the pages, so
another leader's ids are 404 whoever asks."""

from datetime import date, datetime

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from netlead.api.context import scoped_user
from netlead.api.etags import require_match, with_etag
from netlead.core.errors import NotFound
from netlead.core.ids import Id
from netlead.development import selectors, services
from netlead.development.access import LeaderAccess, leader_for
from netlead.development.models import (
    DevelopmentGoal,
    GoalStatus,
    PlanAction,
    ProgressNote,
    SelfAssessment,
)

router = Router(tags=["development"])


class AssessmentOut(Schema):
    id: int
    framework_id: int
    framework: str
    started_at: datetime
    completed_at: datetime | None
    is_complete: bool


class ScoreOut(Schema):
    competence_id: int
    number: int
    competence: str
    score: int | None = Field(description="1-5; null where not scored")
    previous: int | None = Field(description="in the last completed assessment before this one")
    change: int | None
    reflection_1: str
    reflection_2: str


class AssessmentDetailOut(AssessmentOut):
    previous_id: int | None
    scores: list[ScoreOut]


class PlanActionOut(Schema):
    id: int
    goal_id: int
    title: str
    due_on: date | None
    done_on: date | None


class PlanActionChange(Schema):
    done: bool = Field(description="true marks the action done today; false opens it again")


class NoteOut(Schema):
    written_on: date
    text: str


class GoalOut(Schema):
    id: int
    title: str
    why: str
    support_needed: str
    review_on: date | None
    status: GoalStatus
    competence_id: int | None
    actions: list[PlanActionOut]
    notes: list[NoteOut]


def _leader(request: HttpRequest, slug: str, *, write: bool = False) -> LeaderAccess:
    return leader_for(scoped_user(request, slug, write=write), slug)


def _assessment(a: SelfAssessment) -> AssessmentOut:
    return AssessmentOut(
        id=a.pk,
        framework_id=a.framework_id,
        framework=a.framework.title_text,
        started_at=a.started_at,
        completed_at=a.completed_at,
        is_complete=a.is_complete,
    )


@router.get("/workspaces/{slug}/development/assessments", response=list[AssessmentOut])
@paginate(LimitOffsetPagination)
def assessments(request: HttpRequest, slug: str) -> list[AssessmentOut]:
    """Your self-assessments, newest first."""
    return [_assessment(a) for a in selectors.assessments_of(_leader(request, slug).person)]


@router.get("/workspaces/{slug}/development/assessments/{pk}", response=AssessmentDetailOut)
def assessment(request: HttpRequest, slug: str, pk: Id) -> AssessmentDetailOut:
    """One of your self-assessments with its scores, reflections and the change since your
    last completed assessment on the same framework."""
    found = selectors.assessments_of(_leader(request, slug).person).filter(pk=pk).first()
    if found is None:
        raise NotFound(f"self-assessment {pk}")
    previous = selectors.previous_assessment(found)
    return AssessmentDetailOut(
        **_assessment(found).model_dump(),
        previous_id=previous.pk if previous else None,
        scores=[
            ScoreOut(
                competence_id=row.competence_id,
                number=row.competence.number,
                competence=row.competence.name,
                score=row.score,
                previous=row.previous,
                change=row.change,
                reflection_1=row.reflection_1,
                reflection_2=row.reflection_2,
            )
            for row in selectors.assessment_rows(found, previous)
        ],
    )


def _action(a: PlanAction) -> PlanActionOut:
    return PlanActionOut(
        id=a.pk, goal_id=a.goal_id, title=a.title, due_on=a.due_on, done_on=a.done_on
    )


def _note(n: ProgressNote) -> NoteOut:
    return NoteOut(written_on=n.written_on, text=n.text)


def _goal(g: DevelopmentGoal) -> GoalOut:
    return GoalOut(
        id=g.pk,
        title=g.title,
        why=g.why,
        support_needed=g.support_needed,
        review_on=g.review_on,
        status=GoalStatus(g.status),
        competence_id=g.competence_id,
        actions=[_action(a) for a in g.actions.all()],
        notes=[_note(n) for n in g.notes.all()],
    )


@router.get("/workspaces/{slug}/development/goals", response=list[GoalOut])
@paginate(LimitOffsetPagination)
def goals(request: HttpRequest, slug: str) -> list[GoalOut]:
    """Your development plan: goals being worked on first, then paused, then achieved."""
    return [_goal(g) for g in selectors.goals_of(_leader(request, slug).person)]


@router.get("/workspaces/{slug}/development/goals/{pk}", response=GoalOut)
def goal(request: HttpRequest, slug: str, pk: Id) -> GoalOut:
    found = selectors.goals_of(_leader(request, slug).person).filter(pk=pk).first()
    if found is None:
        raise NotFound(f"goal {pk}")
    return _goal(found)


def _action_of(access: LeaderAccess, pk: Id) -> PlanAction:
    found = selectors.actions_of(access.person).filter(pk=pk).first()
    if found is None:
        raise NotFound(f"plan action {pk}")
    return found


@router.get("/workspaces/{slug}/development/actions/{pk}", response=PlanActionOut)
def plan_action(request: HttpRequest, response: HttpResponse, slug: str, pk: Id) -> PlanActionOut:
    out = _action(_action_of(_leader(request, slug), pk))
    with_etag(response, out)
    return out


@router.patch("/workspaces/{slug}/development/actions/{pk}", response=PlanActionOut)
def plan_action_mark(
    request: HttpRequest, response: HttpResponse, slug: str, pk: Id, payload: PlanActionChange
) -> PlanActionOut:
    """Mark an action of your plan done, or open it again."""
    found = _action_of(_leader(request, slug, write=True), pk)
    require_match(request, _action(found))
    services.action_mark(action=found, done=payload.done)
    out = _action(found)
    with_etag(response, out)
    return out
