"""Use cases of meetings and actions. Every change goes through one of these functions: they
check the rules (who may change what, dates in order, a recurrence rule that is one) and raise
ValidationError (bad input, nothing changed) or PermissionDenied (not yours to change)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.accounts.models import User
from netlead.analysis.decisions import RuleProgress
from netlead.core.tokens import hash_token, new_token
from netlead.meetings import notices
from netlead.meetings.models import (
    Action,
    ActionStatus,
    AgendaItem,
    AgendaItemStatus,
    Attendance,
    AttendanceStatus,
    CalendarFeed,
    Decision,
    Meeting,
    MeetingPlan,
    Minutes,
    MinutesApproval,
    MinutesStatus,
)
from netlead.meetings.recurrence import plan_dates
from netlead.meetings.rules import REOPEN_HOURS, can_change_agenda_item, can_reopen_minutes
from netlead.meetings.selectors import members_at, minutes_approvers, minutes_rule_progress
from netlead.networks.models import Network, NetworkMember, Result
from netlead.workspaces.models import Person


@dataclass(frozen=True)
class PlanCreated:
    plan: MeetingPlan
    meetings: list[Meeting]
    capped: bool


@transaction.atomic
def meeting_plan_create(
    *,
    network: Network,
    title: str,
    rrule: str,
    first_starts_at: datetime,
    duration_minutes: int,
    location: str = "",
) -> PlanCreated:
    """A recurring plan and its concrete meetings: at most MAX_OCCURRENCES, and none after the
    network's planned end."""
    plan = MeetingPlan(
        network=network,
        title=title.strip(),
        rrule=rrule.strip(),
        first_starts_at=first_starts_at,
        duration_minutes=duration_minutes,
        location=location.strip(),
    )
    plan.full_clean(exclude=["network"])
    end = network.planned_end_on
    if end is not None and timezone.localdate(first_starts_at) > end:
        raise ValidationError(
            {
                "first_starts_at": _(
                    "The first meeting comes after the network's planned end (%(end)s)."
                )
                % {"end": end.isoformat()}
            }
        )
    starts, capped = plan_dates(plan.rrule, first_starts_at=first_starts_at, last_day=end)
    if not starts:
        raise ValidationError({"rrule": _("This rule gives no meetings. Check COUNT and UNTIL.")})
    plan.save()
    duration = timedelta(minutes=plan.duration_minutes)
    meetings = []
    for start in starts:
        starts_at = timezone.make_aware(start)
        meetings.append(
            Meeting(
                network=network,
                plan=plan,
                title=plan.title,
                starts_at=starts_at,
                ends_at=starts_at + duration,
                location=plan.location,
            )
        )
    Meeting.objects.bulk_create(meetings)
    return PlanCreated(plan=plan, meetings=meetings, capped=capped)


@transaction.atomic
def meeting_plan_delete(*, plan: MeetingPlan) -> int:
    """Remove a plan and its meetings that have not started and hold nothing yet; meetings
    that took place or already have an agenda, minutes or actions are kept (without plan).
    Returns the number of meetings removed."""
    empty = plan.meetings.filter(
        starts_at__gt=timezone.now(),
        agenda_items__isnull=True,
        minutes__isnull=True,
        actions__isnull=True,
        decisions__isnull=True,
    )
    ids = list(empty.values_list("pk", flat=True))
    Meeting.objects.filter(pk__in=ids).delete()
    plan.delete()
    return len(ids)


def meeting_save(
    *,
    network: Network,
    meeting: Meeting | None = None,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    location: str = "",
    is_cancelled: bool = False,
) -> Meeting:
    """Add a single meeting, or change one (including cancelling it)."""
    if meeting is None:
        meeting = Meeting(network=network)
    elif meeting.network_id != network.pk:
        raise PermissionDenied
    meeting.title = title.strip()
    meeting.starts_at = starts_at
    meeting.ends_at = ends_at
    meeting.location = location.strip()
    meeting.is_cancelled = is_cancelled
    meeting.full_clean()
    meeting.save()
    return meeting


# Agenda


def _check_result(network: Network, result: Result | None) -> None:
    if result is not None and result.network_id != network.pk:
        raise ValidationError({"result": _("Choose a result of this network.")})


def _check_own_proposal(item: AgendaItem, by: NetworkMember) -> None:
    if not can_change_agenda_item(item, by):
        raise PermissionDenied


@transaction.atomic
def agenda_item_add(
    *,
    meeting: Meeting,
    by: NetworkMember,
    kind: str,
    title: str,
    description: str = "",
    result: Result | None = None,
) -> AgendaItem:
    """Editors put an item on the agenda; other contributors propose one."""
    if not by.is_contributor or by.network_id != meeting.network_id:
        raise PermissionDenied
    if not by.is_editor and (meeting.is_cancelled or meeting.has_ended):
        raise ValidationError(_("Items can be proposed only for meetings that are still to come."))
    _check_result(meeting.network, result)
    last = meeting.agenda_items.aggregate(last=Max("position"))["last"]
    item = AgendaItem(
        meeting=meeting,
        kind=kind,
        title=title.strip(),
        description=description.strip(),
        result=result,
        proposed_by=by,
        status=AgendaItemStatus.ACCEPTED if by.is_editor else AgendaItemStatus.PROPOSED,
        position=0 if last is None else last + 1,
    )
    item.full_clean()
    item.save()
    return item


def agenda_item_update(
    *,
    item: AgendaItem,
    by: NetworkMember,
    kind: str,
    title: str,
    description: str = "",
    result: Result | None = None,
) -> AgendaItem:
    """Editors change any item; a proposer changes their own item while it is proposed."""
    _check_own_proposal(item, by)
    _check_result(item.meeting.network, result)
    item.kind = kind
    item.title = title.strip()
    item.description = description.strip()
    item.result = result
    item.full_clean()
    item.save(update_fields=["kind", "title", "description", "result"])
    return item


def agenda_item_review(*, item: AgendaItem, by: NetworkMember, accept: bool) -> AgendaItem:
    if not by.is_editor:
        raise PermissionDenied
    item.status = AgendaItemStatus.ACCEPTED if accept else AgendaItemStatus.DECLINED
    item.save(update_fields=["status"])
    return item


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, by: NetworkMember, up: bool) -> None:
    """Swap the item with its neighbour; positions are renumbered 0, 1, 2, ..."""
    if not by.is_editor:
        raise PermissionDenied
    items = list(item.meeting.agenda_items.select_for_update().order_by("position", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if up else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    for position, other in enumerate(items):
        other.position = position
    AgendaItem.objects.bulk_update(items, ["position"])


def agenda_item_delete(*, item: AgendaItem, by: NetworkMember) -> None:
    _check_own_proposal(item, by)
    item.delete()


# Minutes


def _locked() -> ValidationError:
    return ValidationError(_("The minutes are approved and can no longer be changed."))


@transaction.atomic
def minutes_save(*, meeting: Meeting, text: str, written_by: User) -> Minutes:
    """Write or update the draft. Changing minutes that are up for approval clears the
    approvals given so far: they were given to another text."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the minutes first.")})
    minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
    if minutes is None:
        minutes = Minutes(meeting=meeting)
    elif minutes.is_locked:
        raise _locked()
    elif minutes.text != text:
        minutes.approvals.all().delete()
    minutes.text = text
    minutes.written_by = written_by
    minutes.updated_at = timezone.now()
    minutes.full_clean()
    minutes.save()
    return minutes


@transaction.atomic
def minutes_mark_ready(*, minutes: Minutes, by: User | None = None) -> Minutes:
    if minutes.is_locked:
        raise _locked()
    minutes.status = MinutesStatus.READY
    minutes.ready_at = timezone.now()
    minutes.save(update_fields=["status", "ready_at"])
    notices.minutes_ready(minutes, actor=by)
    return minutes


def _approve(minutes: Minutes, *, rule: RuleProgress, by: User | None) -> None:
    """Lock the minutes, keeping which decision rule applied and whether it was met."""
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_at = timezone.now()
    minutes.approved_rule = rule.kind
    minutes.approved_rule_days = rule.days
    minutes.approved_rule_met = rule.met
    minutes.declared_by = by
    minutes.save(
        update_fields=[
            "status",
            "approved_at",
            "approved_rule",
            "approved_rule_days",
            "approved_rule_met",
            "declared_by",
        ]
    )


@transaction.atomic
def minutes_approve(*, minutes: Minutes, member: NetworkMember) -> Minutes:
    """A member who was present approves; when all of them have, the minutes are approved."""
    minutes = Minutes.objects.select_for_update().select_related("meeting").get(pk=minutes.pk)
    if minutes.status != MinutesStatus.READY:
        raise ValidationError(_("These minutes are not up for approval."))
    approvers = minutes_approvers(minutes.meeting)
    if member.pk not in {m.pk for m in approvers}:
        raise ValidationError(_("Only members who were present approve the minutes."))
    MinutesApproval.objects.get_or_create(minutes=minutes, member=member)
    approved = set(minutes.approvals.values_list("member_id", flat=True))
    if all(m.pk in approved for m in approvers):
        _approve(minutes, rule=minutes_rule_progress(minutes, approvers), by=None)
    return minutes


@transaction.atomic
def minutes_finalise(
    *, minutes: Minutes, by: User | None = None, despite_rule: bool = False
) -> Minutes:
    """An editor declares the minutes approved, e.g. when not everyone responds. When the
    network's decision rule is not met that takes `despite_rule`, and is recorded."""
    minutes = (
        Minutes.objects.select_for_update().select_related("meeting__network").get(pk=minutes.pk)
    )
    if minutes.is_locked:
        raise _locked()
    rule = minutes_rule_progress(minutes)
    if not rule.met and not despite_rule:
        raise ValidationError(
            _(
                "The network's decision rule is not met yet. Confirm that you declare the "
                "minutes approved anyway, or wait for the members."
            )
        )
    _approve(minutes, rule=rule, by=by)
    return minutes


def minutes_settle() -> list[Minutes]:
    """Approve all minutes up for approval whose network's decision rule is met: under
    consent, once the period ended (minutes know no objection: a correction changes the text);
    under majority or everyone, once enough approved. Run daily (`netlead settle_decisions`);
    a second run approves nothing twice."""
    approved = []
    ready = Minutes.objects.filter(status=MinutesStatus.READY).select_related("meeting__network")
    for minutes in ready.order_by("pk"):
        if not minutes_rule_progress(minutes).met:
            continue
        try:
            approved.append(minutes_finalise(minutes=minutes, by=None))
        except ValidationError:
            continue  # approved, or changed, by someone else since it was read
    return approved


@transaction.atomic
def minutes_reopen(*, minutes: Minutes) -> Minutes:
    """Undo an approval within REOPEN_HOURS: the minutes are up for approval again, with the
    approvals given so far (they were given to this same text)."""
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if not can_reopen_minutes(minutes, now=timezone.now()):
        raise ValidationError(
            _("Approved minutes can be re-opened only within %(hours)s hours.")
            % {"hours": REOPEN_HOURS}
        )
    minutes.status = MinutesStatus.READY
    minutes.approved_at = None
    minutes.approved_rule = ""
    minutes.approved_rule_days = None
    minutes.approved_rule_met = None
    minutes.declared_by = None
    if minutes.ready_at is None:
        minutes.ready_at = timezone.now()
    minutes.save(
        update_fields=[
            "status",
            "approved_at",
            "approved_rule",
            "approved_rule_days",
            "approved_rule_met",
            "declared_by",
            "ready_at",
        ]
    )
    return minutes


# Decisions


@transaction.atomic
def decision_add(*, meeting: Meeting, text: str, results: Iterable[Result] = ()) -> Decision:
    results = list(results)
    for result in results:
        if result.network_id != meeting.network_id:
            raise ValidationError({"results": _("Choose results of this network.")})
    decision = Decision(meeting=meeting, text=text.strip())
    decision.full_clean()
    decision.save()
    decision.results.set(results)
    return decision


def decision_delete(*, decision: Decision) -> None:
    decision.delete()


# Attendance


@transaction.atomic
def attendance_record(*, meeting: Meeting, statuses: Mapping[NetworkMember, str]) -> None:
    """Record present / excused / absent per member; an empty status removes the record."""
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was cancelled: there is no attendance to record."))
    if not meeting.has_started:
        raise ValidationError(_("Attendance can be recorded once the meeting has started."))
    rows = []
    cleared = []
    expected = set(members_at(meeting).values_list("pk", flat=True))
    recorded = set(meeting.attendance.values_list("member_id", flat=True))
    for member, status in statuses.items():
        if member.network_id != meeting.network_id:
            raise ValidationError(_("Record attendance only for members of this network."))
        if status and member.pk not in expected | recorded:
            raise ValidationError(
                _("%(name)s was not a member of the network on the day of this meeting.")
                % {"name": member.person.name}
            )
        if not status:
            cleared.append(member.pk)
        elif status in AttendanceStatus.values:
            rows.append(Attendance(meeting=meeting, member=member, status=status))
        else:
            raise ValidationError(_("Unknown attendance status."))
    meeting.attendance.filter(member_id__in=cleared).delete()
    Attendance.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["meeting", "member"],
        update_fields=["status"],
    )


# Actions


def _check_action(
    action: Action, network: Network, owner: NetworkMember, meeting: Meeting | None
) -> None:
    if owner.network_id != network.pk or owner.left_on is not None:
        raise ValidationError({"owner": _("Choose a current member of this network.")})
    if meeting is not None and meeting.network_id != network.pk:
        raise ValidationError({"meeting": _("Choose a meeting of this network.")})
    _check_result(network, action.result)
    if (
        action.due_on is not None
        and meeting is not None
        and action.due_on < timezone.localdate(meeting.starts_at)
    ):
        raise ValidationError(
            {"due_on": _("The due date comes before the meeting the action comes from.")}
        )


@transaction.atomic
def action_add(
    *,
    network: Network,
    by: NetworkMember,
    created_by: User,
    title: str,
    owner: NetworkMember,
    due_on: date | None = None,
    meeting: Meeting | None = None,
    result: Result | None = None,
) -> Action:
    """Editors record actions for any member; other contributors for themselves. The action
    belongs to its owner, whoever wrote it down (`created_by`)."""
    if not by.is_contributor or by.network_id != network.pk:
        raise PermissionDenied
    if not by.is_editor and owner.pk != by.pk:
        raise PermissionDenied
    action = Action(
        network=network,
        title=title.strip(),
        owner=owner,
        due_on=due_on,
        meeting=meeting,
        result=result,
        created_by=created_by,
    )
    _check_action(action, network, owner, meeting)
    action.full_clean()
    action.save()
    notices.action_assigned(action, actor=created_by)
    return action


@transaction.atomic
def action_update(
    *,
    action: Action,
    title: str,
    owner: NetworkMember,
    due_on: date | None,
    status: str,
    result: Result | None = None,
) -> Action:
    """An editor changes an action (title, owner, due date, status, result)."""
    new_owner = owner.pk != action.owner_id
    action.title = title.strip()
    action.owner = owner
    action.due_on = due_on
    action.result = result
    _check_action(action, action.network, owner, action.meeting)
    _set_status(action, status)
    action.full_clean()
    action.save()
    if new_owner and action.status == ActionStatus.OPEN:
        notices.action_assigned(action)
    return action


def _set_status(action: Action, status: str) -> None:
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    if status == ActionStatus.DONE and action.status != ActionStatus.DONE:
        action.done_at = timezone.now()
    elif status != ActionStatus.DONE:
        action.done_at = None
    action.status = status


def action_set_status(*, action: Action, by: NetworkMember, status: str) -> Action:
    """The owner marks their action done (or open again); editors set any status."""
    if by.network_id != action.network_id:
        raise PermissionDenied
    if not by.is_editor and (
        action.owner_id != by.pk or status not in (ActionStatus.OPEN, ActionStatus.DONE)
    ):
        raise PermissionDenied
    _set_status(action, status)
    action.save(update_fields=["status", "done_at"])
    return action


# Calendar feeds


@transaction.atomic
def calendar_feed_create(*, network: Network | None = None, person: Person | None = None) -> str:
    """A new secret feed for a network or a person, replacing the old one (whose URL stops
    working). Returns the token; only its hash is stored, so it is shown once."""
    if (network is None) == (person is None):
        raise ValueError("a feed is for a network or for a person")
    CalendarFeed.objects.filter(network=network, person=person).delete()
    token = new_token()
    feed = CalendarFeed(network=network, person=person, token_hash=hash_token(token))
    feed.full_clean(validate_constraints=False)
    feed.save()
    return token


def calendar_feed_delete(*, network: Network | None = None, person: Person | None = None) -> None:
    if network is not None:
        CalendarFeed.objects.filter(network=network).delete()
    if person is not None:
        CalendarFeed.objects.filter(person=person).delete()
