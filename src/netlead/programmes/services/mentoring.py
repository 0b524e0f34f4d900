"""Use cases of mentoring. A facilitator proposes a pair; mentor and mentee each accept (or one
declines); a running pair keeps its goals and meetings; each writes a closing reflection, and
either may close the pair once they have written their own. What the pair writes is theirs:
nothing here hands it to anyone else (the facilitator's page reads `selectors.mentoring`)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.accounts.models import User
from netlead.programmes import notices
from netlead.programmes.models import MentoringMeeting, MentoringPair, PairStatus, Programme
from netlead.programmes.services.accounts import can_log_in
from netlead.programmes.tasks import send_pair_proposal
from netlead.workspaces.models import Person


def _locked(pair: MentoringPair) -> MentoringPair:
    """The pair's current row, locked for this transaction (two people act on one pair)."""
    return MentoringPair.objects.select_for_update().get(pk=pair.pk)


def _role_of(pair: MentoringPair, person: Person) -> str:
    if person.pk == pair.mentor_id:
        return "mentor"
    if person.pk == pair.mentee_id:
        return "mentee"
    raise ValidationError(_("Only the mentor and the mentee of this pair can do this."))


def _require_active(pair: MentoringPair) -> None:
    if pair.status != PairStatus.ACTIVE:
        raise ValidationError(_("This can only be done while the pair is running."))


@transaction.atomic
def pair_propose(
    *,
    programme: Programme,
    mentor: Person,
    mentee: Person,
    note: str,
    proposed_by: User,
    base_url: str = "",
    notify: bool = True,
) -> MentoringPair:
    """Propose `mentor` and `mentee` as a pair; both get an e-mail (after commit) with a link
    to the pair's page (absolute when `base_url` is given) where they accept or decline.
    `notify=False` sends no e-mail (the demo, which must not mail its example addresses)."""
    if not programme.is_mentoring:
        raise ValidationError(_("Pairs can only be proposed in a mentoring programme."))
    for person in (mentor, mentee):
        if person.workspace_id != programme.workspace_id:
            raise ValidationError(_("Choose people of this workspace."))
    if mentor.pk == mentee.pk:
        raise ValidationError(_("A mentor and a mentee are two different people."))
    for person in (mentor, mentee):
        if not can_log_in(person):
            raise ValidationError(
                _(
                    "%(name)s has no account in this workspace yet, so they could not accept: "
                    "invite them to the workspace first."
                )
                % {"name": person.name}
            )
    # Either way round: the same two people have one pair at a time in a programme.
    same_two = Q(mentor=mentor, mentee=mentee) | Q(mentor=mentee, mentee=mentor)
    if (
        programme.pairs.filter(same_two)
        .filter(status__in=[PairStatus.PROPOSED, PairStatus.ACTIVE])
        .exists()
    ):
        raise ValidationError(
            _("%(mentor)s and %(mentee)s already have a proposed or running pair here.")
            % {"mentor": mentor.name, "mentee": mentee.name}
        )
    pair = MentoringPair(
        programme=programme,
        mentor=mentor,
        mentee=mentee,
        proposal_note=note.strip(),
        proposed_by=proposed_by,
    )
    pair.full_clean()
    pair.save()
    pair_id = pair.pk
    if notify:
        transaction.on_commit(
            lambda: send_pair_proposal.enqueue(pair_id=pair_id, base_url=base_url)
        )
    return pair


@transaction.atomic
def pair_respond(*, pair: MentoringPair, person: Person, accept: bool) -> MentoringPair:
    """Mentor or mentee accepts or declines a proposed pair. Both accepted: it runs; one
    declines: it ends as declined."""
    pair = _locked(pair)
    role = _role_of(pair, person)
    if pair.status != PairStatus.PROPOSED:
        raise ValidationError(_("This pair has been answered already."))
    if not accept:
        pair.status = PairStatus.DECLINED
        pair.full_clean()
        pair.save(update_fields=["status"])
        notices.pair_answered(pair, person, accepted=False)
        return pair
    now = timezone.now()
    if role == "mentor":
        pair.mentor_accepted_at = pair.mentor_accepted_at or now
    else:
        pair.mentee_accepted_at = pair.mentee_accepted_at or now
    if pair.mentor_accepted_at and pair.mentee_accepted_at:
        pair.status = PairStatus.ACTIVE
    pair.full_clean()
    pair.save(update_fields=["mentor_accepted_at", "mentee_accepted_at", "status"])
    notices.pair_answered(pair, person, accepted=True)
    return pair


@transaction.atomic
def pair_goals_save(*, pair: MentoringPair, goals: str) -> MentoringPair:
    pair = _locked(pair)
    _require_active(pair)
    goals = goals.strip()
    if not goals:
        raise ValidationError(_("Write down at least one goal."))
    pair.goals = goals
    pair.full_clean()
    pair.save(update_fields=["goals"])
    return pair


@transaction.atomic
def pair_meeting_add(
    *, pair: MentoringPair, held_on: date, topic: str, notes: str
) -> MentoringMeeting:
    """Record a meeting that took place (today or earlier)."""
    pair = _locked(pair)
    _require_active(pair)
    if held_on > timezone.localdate():
        raise ValidationError(_("Record a meeting once it has taken place: the date is ahead."))
    topic = topic.strip()
    if not topic:
        raise ValidationError(_("Give the meeting a topic."))
    meeting = MentoringMeeting(pair=pair, held_on=held_on, topic=topic, notes=notes.strip())
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def pair_reflect(*, pair: MentoringPair, person: Person, text: str) -> MentoringPair:
    """Write (or rewrite) one's own closing reflection, while the pair runs or after it closed
    (so whoever did not close it can still add theirs)."""
    pair = _locked(pair)
    role = _role_of(pair, person)
    if pair.status not in (PairStatus.ACTIVE, PairStatus.CLOSED):
        raise ValidationError(_("A reflection is written once the pair is running."))
    text = text.strip()
    if not text:
        raise ValidationError(_("Write your reflection before you save it."))
    field = f"{role}_reflection"
    setattr(pair, field, text)
    pair.full_clean()
    pair.save(update_fields=[field])
    return pair


@transaction.atomic
def pair_close(*, pair: MentoringPair, person: Person) -> MentoringPair:
    """Close a running pair. Either of the two may, once they have written their own closing
    reflection."""
    pair = _locked(pair)
    role = _role_of(pair, person)
    _require_active(pair)
    if not getattr(pair, f"{role}_reflection"):
        raise ValidationError(_("Write your closing reflection before you close the pair."))
    pair.status = PairStatus.CLOSED
    pair.closed_at = timezone.now()
    pair.full_clean()
    pair.save(update_fields=["status", "closed_at"])
    return pair
