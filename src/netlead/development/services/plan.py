"""The development plan (goals, actions, progress notes) and the reflection journal."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.development.models import (
    Competence,
    Contact,
    DevelopmentGoal,
    JournalEntry,
    PlanAction,
    ProgressNote,
)
from netlead.workspaces.models import Person


def _check_competence(owner: Person, competence: Competence | None) -> None:
    if competence is not None and competence.framework.workspace_id != owner.workspace_id:
        raise ValidationError(_("Choose a competence of this workspace."))


def goal_save(*, owner: Person, goal: DevelopmentGoal) -> DevelopmentGoal:
    goal.owner = owner
    _check_competence(owner, goal.competence)
    goal.full_clean()
    goal.save()
    return goal


def action_save(
    *, goal: DevelopmentGoal, action: PlanAction, contacts: Sequence[Contact] = ()
) -> PlanAction:
    if any(c.owner_id != goal.owner_id for c in contacts):
        raise ValidationError(_("Choose people from your own network."))
    action.goal = goal
    action.full_clean()
    with transaction.atomic():
        action.save()
        action.contacts.set(contacts)
    return action


def action_mark(*, action: PlanAction, done: bool) -> None:
    action.done_on = timezone.localdate() if done else None
    action.save(update_fields=["done_on"])


def note_add(*, goal: DevelopmentGoal, text: str, written_on: date | None = None) -> ProgressNote:
    note = ProgressNote(goal=goal, text=text.strip(), written_on=written_on or timezone.localdate())
    note.full_clean()
    note.save()
    return note


# -- Journal ---------------------------------------------------------------------------------


def journal_save(*, owner: Person, entry: JournalEntry) -> JournalEntry:
    entry.owner = owner
    _check_competence(owner, entry.competence)
    if entry.action is not None and entry.action.goal.owner_id != owner.pk:
        raise ValidationError(_("Choose one of your own plan actions."))
    if (
        entry.meeting is not None
        and not entry.meeting.network.members.current().filter(person=owner).exists()
    ):
        raise ValidationError(_("Choose a meeting of a network you are a member of."))
    entry.full_clean()
    entry.save()
    return entry


def journal_delete(*, entry: JournalEntry) -> None:
    entry.delete()
