"""Meetings of a network with their agenda, attendance counts and minutes status, and the
network's actions. A network exists only for its current members, as on the pages."""

from datetime import date, datetime
from enum import StrEnum

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from netlead.api.context import network_of
from netlead.api.etags import require_match, with_etag
from netlead.core.errors import NotFound
from netlead.core.ids import Id
from netlead.meetings import selectors, services
from netlead.meetings.models import (
    Action,
    ActionStatus,
    AgendaItemKind,
    AgendaItemStatus,
    Meeting,
    MinutesStatus,
)
from netlead.networks.access import EDIT, READ, NetworkAccess

router = Router(tags=["meetings"])


class When(StrEnum):
    UPCOMING = "upcoming"
    PAST = "past"
    ALL = "all"


class ActionFilter(StrEnum):
    OPEN = "open"
    OVERDUE = "overdue"
    DONE = "done"
    DROPPED = "dropped"
    ALL = "all"


class MeetingOut(Schema):
    id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    location: str
    is_cancelled: bool
    plan_id: int | None
    agenda_items: int
    actions: int
    present: int
    minutes_status: MinutesStatus | None = Field(description="null: no minutes written yet")


class AgendaItemOut(Schema):
    id: int
    position: int
    kind: AgendaItemKind
    title: str
    description: str
    status: AgendaItemStatus
    proposed_by: str | None
    result_id: int | None


class AttendanceOut(Schema):
    recorded: bool
    present: int
    excused: int
    absent: int


class MinutesOut(Schema):
    status: MinutesStatus
    updated_at: datetime
    approved_at: datetime | None
    approved_by: list[str]
    still_to_approve: list[str] = Field(description="only while the minutes are ready")


class MeetingDetailOut(Schema):
    id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    location: str
    is_cancelled: bool
    plan_id: int | None
    agenda: list[AgendaItemOut]
    attendance: AttendanceOut
    minutes: MinutesOut | None
    decisions: int
    actions: int


class ActionOut(Schema):
    id: int
    title: str
    owner_member_id: int
    owner: str
    due_on: date | None
    status: ActionStatus
    is_overdue: bool
    meeting_id: int | None
    result_id: int | None
    done_at: datetime | None


class ActionChange(Schema):
    status: ActionStatus | None = Field(
        None, description="the owner marks their action open or done; editors set any status"
    )
    due_on: date | None = Field(None, description="editors only; send null to clear the due date")


def _meeting(m: Meeting) -> MeetingOut:
    minutes = getattr(m, "minutes", None)
    return MeetingOut(
        id=m.pk,
        title=m.title,
        starts_at=m.starts_at,
        ends_at=m.ends_at,
        location=m.location,
        is_cancelled=m.is_cancelled,
        plan_id=m.plan_id,
        agenda_items=m.n_items,  # type: ignore[attr-defined]
        actions=m.n_actions,  # type: ignore[attr-defined]
        present=m.n_present,  # type: ignore[attr-defined]
        minutes_status=MinutesStatus(minutes.status) if minutes else None,
    )


@router.get("/workspaces/{slug}/networks/{network_id}/meetings", response=list[MeetingOut])
@paginate(LimitOffsetPagination)
def meetings(
    request: HttpRequest, slug: str, network_id: Id, when: When = When.ALL
) -> list[MeetingOut]:
    """The network's meetings: upcoming ones soonest first, then past ones latest first."""
    overview = selectors.meetings_overview(network_of(request, slug, network_id).network)
    found = {
        When.UPCOMING: overview.upcoming,
        When.PAST: overview.past,
        When.ALL: overview.upcoming + overview.past,
    }[when]
    return [_meeting(m) for m in found]


def _meeting_of(access: NetworkAccess, pk: Id) -> Meeting:
    found = access.network.meetings.select_related("network", "plan").filter(pk=pk).first()
    if found is None:
        raise NotFound(f"meeting {pk}")
    return found


def _detail(detail: selectors.MeetingDetail) -> MeetingDetailOut:
    m = detail.meeting
    minutes = detail.minutes
    counts = detail.attendance_counts
    return MeetingDetailOut(
        id=m.pk,
        title=m.title,
        starts_at=m.starts_at,
        ends_at=m.ends_at,
        location=m.location,
        is_cancelled=m.is_cancelled,
        plan_id=m.plan_id,
        agenda=[
            AgendaItemOut(
                id=item.pk,
                position=item.position,
                kind=AgendaItemKind(item.kind),
                title=item.title,
                description=item.description,
                status=AgendaItemStatus(item.status),
                proposed_by=item.proposed_by.person.name if item.proposed_by else None,
                result_id=item.result_id,
            )
            for item in detail.agenda
        ],
        attendance=AttendanceOut(
            recorded=detail.has_attendance,
            present=counts["present"],
            excused=counts["excused"],
            absent=counts["absent"],
        ),
        minutes=None
        if minutes is None
        else MinutesOut(
            status=MinutesStatus(minutes.status),
            updated_at=minutes.updated_at,
            approved_at=minutes.approved_at,
            approved_by=[a.member.person.name for a in detail.approvals],
            still_to_approve=[m.person.name for m in detail.pending_approvers]
            if minutes.status == MinutesStatus.READY
            else [],
        ),
        decisions=len(detail.decisions),
        actions=len(detail.actions),
    )


@router.get("/workspaces/{slug}/networks/{network_id}/meetings/{pk}", response=MeetingDetailOut)
def meeting(request: HttpRequest, slug: str, network_id: Id, pk: Id) -> MeetingDetailOut:
    access = network_of(request, slug, network_id)
    return _detail(selectors.meeting_detail(_meeting_of(access, pk)))


def _action(a: Action) -> ActionOut:
    return ActionOut(
        id=a.pk,
        title=a.title,
        owner_member_id=a.owner_id,
        owner=a.owner.person.name,
        due_on=a.due_on,
        status=ActionStatus(a.status),
        is_overdue=a.is_overdue,
        meeting_id=a.meeting_id,
        result_id=a.result_id,
        done_at=a.done_at,
    )


@router.get("/workspaces/{slug}/networks/{network_id}/actions", response=list[ActionOut])
@paginate(LimitOffsetPagination)
def actions(
    request: HttpRequest, slug: str, network_id: Id, status: ActionFilter = ActionFilter.OPEN
) -> list[ActionOut]:
    access = network_of(request, slug, network_id)
    return [_action(a) for a in selectors.network_actions(access.network, status=status.value)]


def _action_of(access: NetworkAccess, pk: Id) -> Action:
    found = (
        access.network.actions.select_related("network", "meeting", "owner__person", "result")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise NotFound(f"action {pk}")
    return found


@router.get("/workspaces/{slug}/networks/{network_id}/actions/{pk}", response=ActionOut)
def action(
    request: HttpRequest, response: HttpResponse, slug: str, network_id: Id, pk: Id
) -> ActionOut:
    out = _action(_action_of(network_of(request, slug, network_id), pk))
    with_etag(response, out)
    return out


@router.patch("/workspaces/{slug}/networks/{network_id}/actions/{pk}", response=ActionOut)
def action_change(
    request: HttpRequest,
    response: HttpResponse,
    slug: str,
    network_id: Id,
    pk: Id,
    payload: ActionChange,
) -> ActionOut:
    """Change an action's status (its owner: open or done; editors: any) or, for editors, its
    due date, as on the actions page."""
    changes_due = "due_on" in payload.model_fields_set
    access = network_of(request, slug, network_id, EDIT if changes_due else READ, write=True)
    found = _action_of(access, pk)
    require_match(request, _action(found))
    status = payload.status.value if payload.status else found.status
    if changes_due:
        found = services.action_update(
            action=found,
            title=found.title,
            owner=found.owner,
            due_on=payload.due_on,
            status=status,
            result=found.result,
        )
    elif payload.status is not None:
        found = services.action_set_status(action=found, by=access.member, status=status)
    out = _action(found)
    with_etag(response, out)
    return out
