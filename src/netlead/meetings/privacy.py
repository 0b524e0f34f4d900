"""The meetings app's part of the privacy rights (see netlead.privacy.parts). Actions and
attendance stay with the former member's empty record, so a network's action list and a
meeting's attendance still add up; the person's calendar feed is switched off."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netlead.accounts.models import User
from netlead.meetings.models import (
    Action,
    AgendaItem,
    Attendance,
    CalendarFeed,
    Minutes,
    MinutesApproval,
)
from netlead.privacy.parts import Line, Table, count_line, table
from netlead.workspaces.models import Person


def data_of(user: User, persons: Sequence[Person]) -> list[Table]:
    return [
        table(
            "meetings_actions",
            gettext_lazy("Actions you own."),
            Action.objects.filter(owner__person__in=persons),
            ["network__name", "title", "due_on", "status", "created_at", "done_at"],
        ),
        table(
            "meetings_attendance",
            gettext_lazy("Your attendance at meetings."),
            Attendance.objects.filter(member__person__in=persons),
            ["meeting__network__name", "meeting__title", "meeting__starts_at", "status"],
        ),
        table(
            "meetings_agenda_items",
            gettext_lazy("Agenda items you proposed."),
            AgendaItem.objects.filter(proposed_by__person__in=persons),
            ["meeting__network__name", "meeting__title", "title", "description", "status"],
        ),
        table(
            "meetings_minutes_approvals",
            gettext_lazy("Minutes you approved."),
            MinutesApproval.objects.filter(member__person__in=persons),
            ["minutes__meeting__network__name", "minutes__meeting__title", "approved_at"],
        ),
        table(
            "meetings_calendar_feeds",
            gettext_lazy("Your calendar feeds (without their secret address)."),
            CalendarFeed.objects.filter(person__in=persons),
            ["created_at"],
        ),
    ]


def erasure_of(person: Person) -> list[Line]:
    return [
        count_line(_("Calendar feeds"), CalendarFeed.objects.filter(person=person)),
        count_line(
            _("Actions, kept with “Former member” as owner"),
            Action.objects.filter(owner__person=person),
            kept=True,
        ),
        count_line(
            _("Attendance at meetings, kept for the counts"),
            Attendance.objects.filter(member__person=person),
            kept=True,
        ),
    ]


def erase(person: Person) -> None:
    CalendarFeed.objects.filter(person=person).delete()
    if person.user_id:
        workspace, user = person.workspace_id, person.user_id
        Minutes.objects.filter(meeting__network__workspace_id=workspace, written_by_id=user).update(
            written_by=None
        )
        Action.objects.filter(network__workspace_id=workspace, created_by_id=user).update(
            created_by=None
        )
