"""What the meetings app tells people by e-mail (through `netlead.notifications`): minutes
to approve, actions assigned, due soon or overdue, and the agenda of a coming meeting."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from netlead.accounts.models import User
from netlead.meetings.models import (
    Action,
    ActionStatus,
    AgendaItem,
    AgendaItemStatus,
    Meeting,
    Minutes,
)
from netlead.meetings.selectors import minutes_approvers
from netlead.notifications.events import emit

#: An open action is "due soon" this many days before its due date.
DUE_SOON_DAYS = 3
#: The agenda of a meeting goes out this many days before it starts.
AGENDA_NOTICE_DAYS = 5


def _meeting_path(meeting: Meeting) -> str:
    return reverse(
        "meetings:detail", args=[meeting.network.workspace.slug, meeting.network_id, meeting.pk]
    )


def minutes_ready(minutes: Minutes, *, actor: User | None = None) -> int:
    """To the members who approve the minutes (present contributors) and have not yet."""
    meeting = minutes.meeting
    approved = set(minutes.approvals.values_list("member_id", flat=True))
    return emit(
        kind="minutes_ready",
        event=f"minutes_ready:{minutes.pk}",
        user_ids=[m.person.user_id for m in minutes_approvers(meeting) if m.pk not in approved],
        path=_meeting_path(meeting),
        params={
            "network": meeting.network.name,
            "meeting": meeting.title,
            "date_on": timezone.localdate(meeting.starts_at),
        },
        workspace=meeting.network.workspace,
        actor=actor,
    )


def _action_params(action: Action) -> dict[str, str | date]:
    params: dict[str, str | date] = {"network": action.network.name, "action": action.title}
    if action.due_on is not None:
        params["due_on"] = action.due_on
    return params


def _actions_path(action: Action) -> str:
    return reverse("meetings:my_actions", args=[action.network.workspace.slug])


def action_assigned(action: Action, *, actor: User | None = None) -> int:
    """To the owner of a new action, or its new owner: not to whoever wrote it down for
    themselves."""
    return emit(
        kind="action_assigned",
        event=f"action_assigned:{action.pk}:{action.owner_id}",
        user_ids=[action.owner.person.user_id],
        path=_actions_path(action),
        params=_action_params(action),
        workspace=action.network.workspace,
        actor=actor,
    )


def actions_due(*, today: date) -> int:
    """Open actions due within DUE_SOON_DAYS, and overdue ones, each once per due date (a new
    due date notifies again). Run daily by `netlead notify_due`."""
    count = 0
    actions = Action.objects.filter(
        status=ActionStatus.OPEN,
        due_on__isnull=False,
        due_on__lte=today + timedelta(days=DUE_SOON_DAYS),
        owner__left_on__isnull=True,
        owner__person__user__isnull=False,
    ).select_related("network__workspace", "owner__person")
    for action in actions.order_by("due_on", "pk"):
        if action.due_on is None:  # excluded by the query; narrows the type
            continue
        kind = "action_overdue" if action.due_on < today else "action_due_soon"
        count += emit(
            kind=kind,
            event=f"{kind}:{action.pk}:{action.due_on.isoformat()}",
            user_ids=[action.owner.person.user_id],
            path=_actions_path(action),
            params=_action_params(action),
            workspace=action.network.workspace,
        )
    return count


def agendas_due(*, now: datetime) -> int:
    """The agenda of each meeting that starts within AGENDA_NOTICE_DAYS and has one, to
    every current member, once per meeting and start date. Run daily by `netlead notify_due`."""
    has_agenda = AgendaItem.objects.filter(meeting=OuterRef("pk"), status=AgendaItemStatus.ACCEPTED)
    meetings = (
        Meeting.objects.filter(
            Exists(has_agenda),
            is_cancelled=False,
            starts_at__gt=now,
            starts_at__lte=now + timedelta(days=AGENDA_NOTICE_DAYS),
        )
        .select_related("network__workspace")
        .order_by("starts_at", "pk")
    )
    count = 0
    for meeting in meetings:
        day = timezone.localdate(meeting.starts_at)
        count += emit(
            kind="agenda_published",
            event=f"agenda:{meeting.pk}:{day.isoformat()}",
            user_ids=meeting.network.members.current().values_list("person__user_id", flat=True),
            path=_meeting_path(meeting),
            params={"network": meeting.network.name, "meeting": meeting.title, "date_on": day},
            workspace=meeting.network.workspace,
        )
    return count
